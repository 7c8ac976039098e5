package io.augment4j.plugins.compression;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.BufferedImages;
import io.augment4j.api.ImageFormatException;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.Transform;
import io.augment4j.api.spi.Range;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;

/** JPEG round trip at a sampled quality; the alpha channel of RGBA images is kept as it was. */
final class JpegCompression implements Transform<JpegCompression.Quality> {
    /** The sampled JPEG quality, 1..100. */
    record Quality(int value) {
    }

    private final Range quality;

    JpegCompression(Range quality) {
        this.quality = quality;
    }

    @Override
    public Quality sample(Sample input, Rng rng) {
        return new Quality(rng.nextInt((int) Math.round(quality.lo()), (int) Math.round(quality.hi())));
    }

    @Override
    public Sample apply(Sample input, Quality q) {
        ArrayImage img = input.image().toArrayImage();
        if (img.pixelType() != PixelType.UINT8) {
            throw new ImageFormatException("transform 'jpeg_compression' takes UINT8 images, got " + img.describe());
        }
        int c = img.channels();
        ArrayImage colour = c == 4 ? dropAlpha(img) : img;
        ArrayImage decoded = roundTrip(colour, q.value());
        return input.withImage(c == 4 ? withAlpha(decoded, img) : decoded);
    }

    private static ArrayImage roundTrip(ArrayImage img, int quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality / 100f);
                writer.write(null, new IIOImage(BufferedImages.toBufferedImage(img), null, null), param);
            } finally {
                writer.dispose();
            }
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            return BufferedImages.toImage(back);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JPEG round trip failed", e);
        }
    }

    private static ArrayImage dropAlpha(ArrayImage rgba) {
        byte[] src = rgba.rawBytes();
        byte[] out = new byte[src.length / 4 * 3];
        for (int i = 0, o = 0; i < src.length; i += 4, o += 3) {
            out[o] = src[i];
            out[o + 1] = src[i + 1];
            out[o + 2] = src[i + 2];
        }
        return ArrayImage.wrapBytes(rgba.height(), rgba.width(), 3, out);
    }

    private static ArrayImage withAlpha(ArrayImage rgb, ArrayImage alphaSource) {
        byte[] src = rgb.rawBytes();
        byte[] a = alphaSource.rawBytes();
        byte[] out = new byte[a.length];
        for (int i = 0, o = 0; o < out.length; i += 3, o += 4) {
            out[o] = src[i];
            out[o + 1] = src[i + 1];
            out[o + 2] = src[i + 2];
            out[o + 3] = a[o + 3];
        }
        return ArrayImage.wrapBytes(rgb.height(), rgb.width(), 4, out);
    }

    @Override
    public Class<Quality> paramsType() {
        return Quality.class;
    }

    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }
}
