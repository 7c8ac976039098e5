package io.augment4j.api;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Conversion between {@link BufferedImage} and {@link Image}.
 *
 * <p><b>Decoded images to {@link ArrayImage}</b> ({@link #toImage}) follow one policy, whatever the file format:
 * <ul>
 *   <li><b>Channels.</b> Gray becomes 1 channel, colour 3 channels (RGB). An image with alpha becomes 4 channels
 *       (RGBA; gray+alpha repeats the gray value in R, G and B) when alpha is kept, or loses its alpha channel when
 *       it is dropped: the colour values stay as stored, they are not blended onto a background.
 *   <li><b>Raw values.</b> Gray and sRGB samples are copied as stored, without colour management, so a gray value
 *       of 128 stays 128 (Java's own {@code getRGB} would apply a gamma curve to gray images).
 *   <li><b>Bit depth.</b> augment4j images are 8-bit. A sample of {@code d} bits ({@code d} from 1 to 16, e.g. a
 *       16-bit PNG, a 1-bit gray PNG or a 5-6-5 RGB image) becomes {@code round(v * 255 / (2^d - 1))}: the full
 *       range maps onto 0..255, so 16-bit 65535 becomes 255 and 1-bit 1 becomes 255. Deeper and floating-point
 *       samples are refused with an {@link ImageFormatException}.
 *   <li><b>Palette (indexed) images</b> (GIF, palette PNG, low-bit gray PNG) are looked up in their palette: RGB,
 *       RGBA when the palette has transparency and alpha is kept, and 1 channel when every palette entry is gray
 *       (red = green = blue) and the result has no alpha.
 *   <li><b>Other colour spaces</b> (CMYK JPEG, images with an ICC profile Java does not treat as sRGB or gray,
 *       premultiplied alpha) are converted to 8-bit sRGB by Java's colour conversion ({@code getRGB}); one colour
 *       component gives 1 channel, more give 3.
 * </ul>
 */
public final class BufferedImages {
    private BufferedImages() {
    }

    /** Converts a decoded image to a UINT8 {@link ArrayImage}, keeping alpha; see the class documentation. */
    public static ArrayImage toImage(BufferedImage src) {
        return toImage(src, true);
    }

    /**
     * Converts a decoded image to a UINT8 {@link ArrayImage} by the policy of the class documentation; the result
     * shares no memory with the input.
     *
     * @param keepAlpha whether an alpha channel is kept (RGBA, 4 channels) or dropped
     * @throws ImageFormatException when {@code src} is null or has samples deeper than 16 bits or floating-point
     */
    public static ArrayImage toImage(BufferedImage src, boolean keepAlpha) {
        if (src == null) {
            throw new ImageFormatException("no image to convert (null); ImageIO.read returns null when no decoder "
                    + "recognises the data");
        }
        ColorModel cm = src.getColorModel();
        int transfer = src.getRaster().getTransferType();
        if (transfer == DataBuffer.TYPE_FLOAT || transfer == DataBuffer.TYPE_DOUBLE || maxBits(cm) > 16) {
            throw new ImageFormatException("images with " + maxBits(cm) + "-bit or floating-point samples are not "
                    + "supported (only 1 to 16 bits per sample); convert it to 8 or 16 bits per channel first");
        }
        if (cm instanceof IndexColorModel icm) {
            return palette(src, icm, keepAlpha);
        }
        ColorSpace cs = cm.getColorSpace();
        boolean gray = cs.getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1;
        boolean rgb = cs.isCS_sRGB() && cm.getNumColorComponents() == 3;
        boolean plain = (cm instanceof ComponentColorModel || cm instanceof DirectColorModel)
                && !cm.isAlphaPremultiplied() && src.getRaster().getNumBands() == cm.getNumComponents();
        if ((gray || rgb) && plain) {
            ArrayImage fast = fastPath(src, keepAlpha);
            return fast != null ? fast : raw(src, gray, keepAlpha && cm.hasAlpha());
        }
        return viaRgb(src, cm.getNumColorComponents() == 1, keepAlpha && cm.hasAlpha());
    }

    /** The deepest component of {@code cm}, in bits. */
    public static int maxBits(ColorModel cm) {
        int max = 0;
        for (int s : cm.getComponentSize()) {
            max = Math.max(max, s);
        }
        return max;
    }

    /** The common decoder outputs (8-bit gray, BGR, ABGR), copied straight from their byte arrays. */
    private static ArrayImage fastPath(BufferedImage src, boolean keepAlpha) {
        int w = src.getWidth();
        int h = src.getHeight();
        if (!(src.getRaster().getDataBuffer() instanceof DataBufferByte db) || db.getNumBanks() != 1
                || src.getRaster().getSampleModelTranslateX() != 0 || src.getRaster().getSampleModelTranslateY() != 0) {
            return null;
        }
        byte[] data = db.getData();
        switch (src.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY:
                return data.length == w * h ? ArrayImage.ofBytes(h, w, 1, data) : null;
            case BufferedImage.TYPE_3BYTE_BGR: {
                if (data.length != w * h * 3) {
                    return null;
                }
                byte[] out = new byte[data.length];
                for (int i = 0; i < out.length; i += 3) {
                    out[i] = data[i + 2];
                    out[i + 1] = data[i + 1];
                    out[i + 2] = data[i];
                }
                return ArrayImage.wrapBytes(h, w, 3, out);
            }
            case BufferedImage.TYPE_4BYTE_ABGR: {
                if (data.length != w * h * 4) {
                    return null;
                }
                int c = keepAlpha ? 4 : 3;
                byte[] out = new byte[w * h * c];
                for (int i = 0, o = 0; i < data.length; i += 4, o += c) {
                    out[o] = data[i + 3];
                    out[o + 1] = data[i + 2];
                    out[o + 2] = data[i + 1];
                    if (c == 4) {
                        out[o + 3] = data[i];
                    }
                }
                return ArrayImage.wrapBytes(h, w, c, out);
            }
            default:
                return null;
        }
    }

    /** Gray or sRGB samples as stored (bands in R, G, B, A order), each scaled from its depth to 8 bits. */
    private static ArrayImage raw(BufferedImage src, boolean gray, boolean alpha) {
        int w = src.getWidth();
        int h = src.getHeight();
        Raster r = src.getRaster();
        int bands = r.getNumBands();
        int colours = gray ? 1 : 3;
        int outC = alpha ? 4 : colours;
        int[] bits = src.getColorModel().getComponentSize();
        int[] row = new int[w * bands];
        byte[] out = new byte[w * h * outC];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, row);
            for (int x = 0, o = y * w * outC; x < w; x++, o += outC) {
                int i = x * bands;
                for (int c = 0; c < colours; c++) {
                    out[o + c] = to8(row[i + c], bits[c]);
                }
                if (gray && alpha) {
                    out[o + 1] = out[o];
                    out[o + 2] = out[o];
                }
                if (alpha) {
                    out[o + 3] = to8(row[i + colours], bits[colours]);
                }
            }
        }
        return ArrayImage.wrapBytes(h, w, outC, out);
    }

    /** {@code round(v * 255 / (2^bits - 1))}; the identity for 8 bits. */
    private static byte to8(int v, int bits) {
        if (bits == 8) {
            return (byte) v;
        }
        long max = (1L << bits) - 1;
        return (byte) ((v * 255L + max / 2) / max);
    }

    private static ArrayImage palette(BufferedImage src, IndexColorModel icm, boolean keepAlpha) {
        int size = icm.getMapSize();
        int entries = Math.max(size, 1 << Math.min(16, icm.getPixelSize()));
        byte[] red = new byte[entries];
        byte[] green = new byte[entries];
        byte[] blue = new byte[entries];
        byte[] alphas = new byte[entries];
        icm.getReds(red);
        icm.getGreens(green);
        icm.getBlues(blue);
        icm.getAlphas(alphas);
        boolean alpha = keepAlpha && icm.hasAlpha();
        boolean allGray = true;
        for (int i = 0; i < size && allGray; i++) {
            allGray = red[i] == green[i] && green[i] == blue[i];
        }
        int outC = alpha ? 4 : allGray ? 1 : 3;
        int w = src.getWidth();
        int h = src.getHeight();
        Raster r = src.getRaster();
        int[] row = new int[w];
        byte[] out = new byte[w * h * outC];
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, row);
            for (int x = 0, o = y * w * outC; x < w; x++, o += outC) {
                int k = row[x];
                out[o] = red[k];
                if (outC > 1) {
                    out[o + 1] = green[k];
                    out[o + 2] = blue[k];
                }
                if (alpha) {
                    out[o + 3] = alphas[k];
                }
            }
        }
        return ArrayImage.wrapBytes(h, w, outC, out);
    }

    /** Java's conversion to 8-bit sRGB: CMYK, ICC colour spaces, premultiplied alpha. */
    private static ArrayImage viaRgb(BufferedImage src, boolean gray, boolean alpha) {
        int w = src.getWidth();
        int h = src.getHeight();
        int c = alpha ? 4 : gray ? 1 : 3;
        byte[] out = new byte[w * h * c];
        int[] argb = new int[w];
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0, o = y * w * c; x < w; x++, o += c) {
                int p = argb[x];
                out[o] = (byte) (p >>> 16);
                if (c > 1) {
                    out[o + 1] = (byte) (p >>> 8);
                    out[o + 2] = (byte) p;
                }
                if (alpha) {
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
        if (image == null) {
            throw new ImageFormatException("no image to convert (null)");
        }
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
