package io.augment4j.api;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Conversion between {@link BufferedImage} and {@link Image}.
 *
 * <p>Gray images become 1 channel, colour images 3 channels (RGB) and images with alpha 4 channels (RGBA).
 * 16-bit and other high-depth images are refused rather than quietly reduced to 8 bits: the caller decides how to
 * scale them.
 */
public final class BufferedImages {
    private BufferedImages() {
    }

    /** Converts a decoded image to a UINT8 {@link ArrayImage}; the result shares no memory with the input. */
    public static ArrayImage toImage(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        ColorModel cm = src.getColorModel();
        for (int size : cm.getComponentSize()) {
            if (size > 8) {
                throw new ImageFormatException("images with " + size + "-bit channels are not supported (only 8-bit); "
                        + "convert it to 8 bits per channel first");
            }
        }
        switch (src.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY: {
                byte[] data = ((DataBufferByte) src.getRaster().getDataBuffer()).getData();
                if (src.getRaster().getDataBuffer().getNumBanks() == 1 && data.length == w * h
                        && src.getRaster().getSampleModelTranslateX() == 0) {
                    return ArrayImage.ofBytes(h, w, 1, data);
                }
                break;
            }
            case BufferedImage.TYPE_3BYTE_BGR: {
                byte[] data = ((DataBufferByte) src.getRaster().getDataBuffer()).getData();
                if (data.length == w * h * 3 && src.getRaster().getSampleModelTranslateX() == 0) {
                    byte[] out = new byte[data.length];
                    for (int i = 0; i < out.length; i += 3) {
                        out[i] = data[i + 2];
                        out[i + 1] = data[i + 1];
                        out[i + 2] = data[i];
                    }
                    return ArrayImage.wrapBytes(h, w, 3, out);
                }
                break;
            }
            default:
                break;
        }
        boolean gray = cm.getNumColorComponents() == 1;
        boolean alpha = cm.hasAlpha();
        if (gray && !alpha) {
            // Read the raw sample: getRGB would apply the gray colour space's gamma and change the values.
            byte[] out = new byte[w * h];
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                src.getRaster().getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = (byte) row[x];
                }
            }
            return ArrayImage.wrapBytes(h, w, 1, out);
        }
        int c = alpha ? 4 : 3;
        byte[] out = new byte[w * h * c];
        int[] argb = new int[w];
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, argb, 0, w);
            int o = y * w * c;
            for (int x = 0; x < w; x++, o += c) {
                int p = argb[x];
                out[o] = (byte) (p >>> 16);
                out[o + 1] = (byte) (p >>> 8);
                out[o + 2] = (byte) p;
                if (c == 4) {
                    out[o + 3] = (byte) (p >>> 24);
                }
            }
        }
        return ArrayImage.wrapBytes(h, w, c, out);
    }

    /**
     * Converts an image to a {@link BufferedImage}: gray to {@code TYPE_BYTE_GRAY}, RGB to {@code TYPE_3BYTE_BGR},
     * RGBA to {@code TYPE_INT_ARGB}. FLOAT32 images are rounded and clamped to 0..255 first, so pass values on the
     * 0..255 scale (undo a normalization before displaying).
     */
    public static BufferedImage toBufferedImage(Image image) {
        ArrayImage img = image.toArrayImage().toUint8();
        int w = img.width();
        int h = img.height();
        byte[] src = img.rawBytes();
        switch (img.channels()) {
            case 1: {
                BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                System.arraycopy(src, 0, ((DataBufferByte) out.getRaster().getDataBuffer()).getData(), 0, src.length);
                return out;
            }
            case 3: {
                BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
                byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
                for (int i = 0; i < dst.length; i += 3) {
                    dst[i] = src[i + 2];
                    dst[i + 1] = src[i + 1];
                    dst[i + 2] = src[i];
                }
                return out;
            }
            case 4: {
                BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
                DataBuffer db = out.getRaster().getDataBuffer();
                int[] dst = ((DataBufferInt) db).getData();
                for (int i = 0, o = 0; o < dst.length; i += 4, o++) {
                    dst[o] = (src[i + 3] & 0xFF) << 24 | (src[i] & 0xFF) << 16 | (src[i + 1] & 0xFF) << 8
                            | (src[i + 2] & 0xFF);
                }
                return out;
            }
            default:
                throw new ImageFormatException("cannot convert a " + img.describe() + " image to a BufferedImage");
        }
    }
}
