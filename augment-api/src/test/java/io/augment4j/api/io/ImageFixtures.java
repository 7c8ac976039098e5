package io.augment4j.api.io;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/** Image files, good and bad, made on the fly with ImageIO. */
final class ImageFixtures {
    private ImageFixtures() {
    }

    /** A small RGB gradient: pixel (x, y) is {@link #rgbAt}. */
    static BufferedImage rgb(int w, int h) {
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bi.setRGB(x, y, rgbAt(x, y));
            }
        }
        return bi;
    }

    static int rgbAt(int x, int y) {
        return (x * 7 & 0xFF) << 16 | (y * 11 & 0xFF) << 8 | ((x + y) * 5 & 0xFF);
    }

    static Path png(Path file, BufferedImage bi) throws IOException {
        if (!ImageIO.write(bi, "png", file.toFile())) {
            throw new IllegalStateException("no PNG writer for " + bi);
        }
        return file;
    }

    static Path jpeg(Path file, BufferedImage bi) throws IOException {
        ImageIO.write(bi, "jpeg", file.toFile());
        return file;
    }

    /** A valid PNG whose IHDR claims {@code w x h} pixels (CRC fixed up), with the data of a 1x1 image. */
    static Path hugeHeaderPng(Path file, int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(rgb(1, 1), "png", out);
        byte[] b = out.toByteArray();
        // signature (8) + length (4) + "IHDR" (4) + data (13) + crc (4)
        ByteBuffer bb = ByteBuffer.wrap(b);
        bb.putInt(16, w);
        bb.putInt(20, h);
        CRC32 crc = new CRC32();
        crc.update(b, 12, 17);
        bb.putInt(29, (int) crc.getValue());
        Files.write(file, b);
        return file;
    }

    /** A 16-bit gray PNG whose pixel (x, y) is {@link #value16}. */
    static Path gray16Png(Path file, int w, int h) throws IOException {
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = bi.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.setSample(x, y, 0, value16(x, y));
            }
        }
        return png(file, bi);
    }

    static int value16(int x, int y) {
        return (x * 257 * 16 + y) & 0xFFFF;
    }

    /** A 16-bit RGBA PNG whose pixel (x, y) has channel c = {@code value16(x + c, y)}. */
    static Path rgba16Png(Path file, int w, int h) throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        WritableRaster r = cm.createCompatibleWritableRaster(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 4; c++) {
                    r.setSample(x, y, c, value16(x + c, y));
                }
            }
        }
        return png(file, new BufferedImage(cm, r, false, null));
    }

    /** An 8-bit RGBA PNG: pixel (x, y) is {@link #rgbAt} with alpha {@code x * 20}. */
    static Path rgbaPng(Path file, int w, int h) throws IOException {
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bi.setRGB(x, y, (x * 20) << 24 | rgbAt(x, y));
            }
        }
        return png(file, bi);
    }

    /** An 8-bit gray PNG: pixel (x, y) is {@code (x + 3y) & 255}. */
    static Path grayPng(Path file, int w, int h) throws IOException {
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bi.getRaster().setSample(x, y, 0, (x + y * 3) & 0xFF);
            }
        }
        return png(file, bi);
    }

    /** An 8-bit gray+alpha PNG: gray {@code (x + 3y) & 255}, alpha {@code 255 - x}. */
    static Path grayAlphaPng(Path file, int w, int h) throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster r = cm.createCompatibleWritableRaster(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.setPixel(x, y, new int[] {(x + y * 3) & 0xFF, 255 - x});
            }
        }
        return png(file, new BufferedImage(cm, r, false, null));
    }

    static final int[] PALETTE = {0x102030, 0xC86432, 0x0A141E, 0xFFFFFF};

    /**
     * An 8-bit palette PNG of {@link #PALETTE}; pixel (x, y) is entry {@code (x + y) % 4}. With {@code alpha}, entry
     * 1 has alpha 128 (a tRNS chunk).
     */
    static Path palettePng(Path file, int w, int h, boolean alpha) throws IOException {
        byte[] r = new byte[4];
        byte[] g = new byte[4];
        byte[] b = new byte[4];
        byte[] a = {(byte) 255, (byte) 128, (byte) 255, (byte) 255};
        for (int i = 0; i < 4; i++) {
            r[i] = (byte) (PALETTE[i] >> 16);
            g[i] = (byte) (PALETTE[i] >> 8);
            b[i] = (byte) PALETTE[i];
        }
        IndexColorModel cm = alpha ? new IndexColorModel(8, 4, r, g, b, a) : new IndexColorModel(8, 4, r, g, b);
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, cm);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bi.getRaster().setSample(x, y, 0, (x + y) % 4);
            }
        }
        return png(file, bi);
    }

    /** A 1-bit black-and-white PNG: pixel (x, y) is white when {@code x + y} is odd. */
    static Path bilevelPng(Path file, int w, int h) throws IOException {
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bi.getRaster().setSample(x, y, 0, (x + y) & 1);
            }
        }
        return png(file, bi);
    }

    /** A JPEG of four (CMYK) channels, as Java's writer makes from a 4-band raster. */
    static Path cmykJpeg(Path file) throws IOException {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 8, 4, null);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                for (int c = 0; c < 4; c++) {
                    r.setSample(x, y, c, (x * 16 + c * 40) & 255);
                }
            }
        }
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            w.setOutput(out);
            w.write(null, new IIOImage(r, null, null), w.getDefaultWriteParam());
        } finally {
            w.dispose();
        }
        return file;
    }

    /** The first {@code fraction} of a file's bytes. */
    static Path truncated(Path source, Path file, double fraction) throws IOException {
        byte[] b = Files.readAllBytes(source);
        Files.write(file, Arrays.copyOf(b, (int) (b.length * fraction)));
        return file;
    }
}
