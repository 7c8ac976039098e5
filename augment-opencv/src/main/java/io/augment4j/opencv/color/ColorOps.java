package io.augment4j.opencv.color;

import io.augment4j.opencv.MatPool;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * The pixel maths of the colour family, as pure functions from a source Mat (never modified) to a new Mat taken
 * from the {@link io.augment4j.opencv.MatPool} that the caller owns. Temporaries come from the pool and go back
 * before returning, so a call allocates no native memory in steady state.
 *
 * <p>Conventions: images are RGB(A); with 4 channels the alpha channel is never changed. UINT8 results are rounded
 * to nearest and saturated to 0..255. Each UINT8 operation is the fastest single OpenCV pass measured for it on the
 * openpnp 4.9 build: {@code convertTo} for a linear map (faster than this build's {@code LUT}), a one-channel
 * {@code LUT} for other point curves, one colour-matrix {@code transform} for saturation. FLOAT32 images are not
 * clipped: brightness, contrast, saturation, hue and RGB shift are linear (or HSV-based) and keep whatever value
 * scale the image has; gamma alone assumes the 0..255 scale.
 */
final class ColorOps {
    /** ITU-R BT.601 luma weights, as OpenCV's {@code COLOR_RGB2GRAY}. */
    static final double WR = 0.299;
    static final double WG = 0.587;
    static final double WB = 0.114;

    private ColorOps() {
    }

    static boolean isU8(Mat m) {
        return m.depth() == CvType.CV_8U;
    }

    /** Number of colour channels (alpha excluded): 1 or 3. */
    static int colorChannels(int cn) {
        return Math.min(cn, 3);
    }

    static int sat8(double v) {
        double r = Math.rint(v);
        return r <= 0 ? 0 : r >= 255 ? 255 : (int) r;
    }

    /** A copy of {@code src} in a pooled Mat. */
    static Mat copy(Mat src) {
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        src.copyTo(dst);
        return dst;
    }

    // ------------------------------------------------------------------------------------------ UINT8 lookup tables
    // Tables are single-channel (256 entries) and applied to every colour channel: OpenCV's LUT with a one-channel
    // table is about twice as fast as with a per-channel table (measured, openpnp 4.9); alpha is restored after.

    /** {@code saturate(round(255 * (v / 255)^gamma))}, as the baseline's gamma LUT. */
    static int[] gammaTable(double gamma) {
        int[] t = new int[256];
        for (int v = 0; v < 256; v++) {
            t[v] = sat8(Math.pow(v / 255.0, gamma) * 255.0);
        }
        return t;
    }

    /** The table applied to every colour channel in one {@code LUT} pass into a new pooled Mat (alpha kept). */
    static Mat applyTable(Mat src, int[] table) {
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        try {
            lut(src, dst, table);
            if (src.channels() == 4) {
                copyAlpha(src, dst);
            }
            return dst;
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        }
    }

    /** {@code LUT(src, table) -> dst} with a one-channel table held in a pooled Mat. */
    static void lut(Mat src, Mat dst, int[] table) {
        Mat lut = MatPool.acquire(1, 256, CvType.CV_8UC1);
        try {
            byte[] b = new byte[256];
            for (int i = 0; i < 256; i++) {
                b[i] = (byte) table[i];
            }
            lut.put(0, 0, b);
            Core.LUT(src, lut, dst);
        } finally {
            MatPool.recycle(lut);
        }
    }

    /**
     * {@code saturate(round(scale * v + offset))} on every colour channel in one SIMD {@code convertTo} pass (as the
     * baseline's {@code convertScaleAbs}/{@code addWeighted}); alpha kept. FLOAT32: the same without saturation.
     */
    static Mat linear(Mat src, double scale, double offset) {
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        try {
            src.convertTo(dst, -1, scale, offset);
            if (src.channels() == 4) {
                copyAlpha(src, dst);
            }
            return dst;
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        }
    }

    // ------------------------------------------------------------------------------------------ shared linear maths

    /**
     * {@code dst[c] = scale[c] * src[c] + offset[c]} for every channel (alpha included: pass 1 and 0 to keep it), as a
     * FLOAT32 image whatever {@code src}'s depth: one {@code convertTo} when every channel has the same scale and
     * offset, else OpenCV's diagonal {@code transform} (after one conversion to float of a UINT8 {@code src}).
     */
    static Mat affinePerChannel(Mat src, double[] scale, double[] offset) {
        int cn = src.channels();
        int floatType = CvType.makeType(CvType.CV_32F, cn);
        Mat dst = MatPool.acquire(src.rows(), src.cols(), floatType);
        Mat f = null;
        try {
            boolean uniform = true;
            for (int c = 1; c < cn; c++) {
                uniform &= scale[c] == scale[0] && offset[c] == offset[0];
            }
            if (uniform) {
                src.convertTo(dst, CvType.CV_32F, scale[0], offset[0]);
                return dst;
            }
            float[] m = new float[cn * (cn + 1)];
            for (int c = 0; c < cn; c++) {
                m[c * (cn + 1) + c] = (float) scale[c];
                m[c * (cn + 1) + cn] = (float) offset[c];
            }
            if (src.depth() != CvType.CV_32F) {
                f = MatPool.acquire(src.rows(), src.cols(), floatType);
                src.convertTo(f, CvType.CV_32F);
            }
            transform(f == null ? src : f, dst, m, cn, cn + 1);
            return dst;
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        } finally {
            if (f != null) {
                MatPool.recycle(f);
            }
        }
    }

    /** {@code Core.transform} with a {@code rows x cols} row-major matrix held in a pooled Mat. */
    static void transform(Mat src, Mat dst, float[] m, int rows, int cols) {
        Mat mm = MatPool.acquire(rows, cols, CvType.CV_32F);
        try {
            mm.put(0, 0, m);
            Core.transform(src, dst, mm);
        } finally {
            MatPool.recycle(mm);
        }
    }

    /**
     * A 3x3 colour matrix on RGB (rows: output channel) applied in one pass; with 4 channels alpha is kept. UINT8
     * uses OpenCV's fixed-point path (weights to 1/1024), so results may differ by one level from exact maths.
     */
    static Mat colorMatrix(Mat src, double[] m3) {
        int cn = src.channels();
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        try {
            float[] m = new float[cn * cn];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    m[r * cn + c] = (float) m3[r * 3 + c];
                }
            }
            if (cn == 4) {
                m[15] = 1f;
            }
            transform(src, dst, m, cn, cn);
            return dst;
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        }
    }

    /**
     * Mean of OpenCV's ITU-R 601 gray image ({@code COLOR_RGB2GRAY}, rounded to the pixel type), as the Python
     * baseline's {@code mean(cvtColor(img, RGB2GRAY))}. On 3 and 4 channels that is half the time of
     * {@code Core.mean} of the colour image (15 against 30 us at 224, 80 against 160 us at 512).
     */
    static double grayMean(Mat src) {
        int cn = src.channels();
        if (cn == 1) {
            return Core.mean(src).val[0];
        }
        Mat gray = MatPool.acquire(src.rows(), src.cols(), CvType.makeType(src.depth(), 1));
        try {
            Imgproc.cvtColor(src, gray, cn == 4 ? Imgproc.COLOR_RGBA2GRAY : Imgproc.COLOR_RGB2GRAY);
            return Core.mean(gray).val[0];
        } finally {
            MatPool.recycle(gray);
        }
    }

    // ------------------------------------------------------------------------------------------ the operations

    /** Multiplies colour values by {@code f} (torchvision {@code adjust_brightness}). */
    static Mat brightness(Mat src, double f) {
        return linear(src, f, 0);
    }

    /** Blends with the mean of the gray image: {@code f * x + (1 - f) * mean} (torchvision {@code adjust_contrast}). */
    static Mat contrast(Mat src, double f) {
        return linear(src, f, (1 - f) * grayMean(src));
    }

    /** {@code 255 * (x / 255)^gamma}; FLOAT32 values are read on the 0..255 scale and negatives clipped to 0. */
    static Mat gamma(Mat src, double g) {
        int cn = src.channels();
        if (isU8(src)) {
            return applyTable(src, gammaTable(g));
        }
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        try {
            Core.max(src, Scalar.all(0), dst);
            Core.pow(dst, g, dst);
            dst.convertTo(dst, -1, Math.pow(255.0, 1 - g));
            if (cn == 4) {
                copyAlpha(src, dst);
            }
            return dst;
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        }
    }

    /**
     * Blends each pixel with its own gray value: {@code f * x + (1 - f) * gray(x)} (torchvision
     * {@code adjust_saturation}), as one colour-matrix pass. One-channel images are returned as a copy.
     */
    static Mat saturation(Mat src, double f) {
        if (src.channels() == 1) {
            return copy(src);
        }
        double g = 1 - f;
        double[] m = new double[9];
        double[] w = {WR, WG, WB};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r * 3 + c] = g * w[c] + (r == c ? f : 0);
            }
        }
        return colorMatrix(src, m);
    }

    /** The UINT8 hue table on OpenCV's 0..179 H channel: {@code rint(h + turns * 180) mod 180}, as the baseline. */
    static int[] hueTable(double turns) {
        int[] t = new int[256];
        double units = turns * 180.0;
        for (int v = 0; v < 256; v++) {
            t[v] = (int) Math.floorMod((long) Math.rint(v + units), 180L);
        }
        return t;
    }

    /** True when shifting the hue by {@code turns} changes nothing (for UINT8: the H table is the identity). */
    static boolean hueIsIdentity(double turns, boolean u8) {
        if (!u8) {
            return turns == Math.rint(turns);
        }
        int[] t = hueTable(turns);
        for (int v = 0; v < 180; v++) {
            if (t[v] != v) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rotates the hue by {@code turns} (torchvision {@code hue_factor}, -0.5..0.5) through HSV: UINT8 via a LUT on
     * OpenCV's 180-unit H plane only (a third of the data a per-channel LUT would read), FLOAT32 by adding degrees.
     * One-channel images and identity shifts give a copy.
     */
    static Mat hue(Mat src, double turns) {
        int cn = src.channels();
        boolean u8 = isU8(src);
        if (cn == 1 || hueIsIdentity(turns, u8)) {
            return copy(src);
        }
        Mat hsv = MatPool.acquire(src.rows(), src.cols(), CvType.makeType(src.depth(), 3));
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        try {
            Imgproc.cvtColor(src, hsv, Imgproc.COLOR_RGB2HSV);
            if (u8) {
                Mat h = MatPool.acquire(src.rows(), src.cols(), CvType.CV_8UC1);
                Mat shifted = MatPool.acquire(src.rows(), src.cols(), CvType.CV_8UC1);
                try {
                    Core.extractChannel(hsv, h, 0);
                    lut(h, shifted, hueTable(turns));
                    Core.insertChannel(shifted, hsv, 0);
                } finally {
                    MatPool.recycle(h);
                    MatPool.recycle(shifted);
                }
            } else {
                // H in degrees [0, 360); add a non-negative shift, HSV2RGB wraps values up to 720.
                double deg = 360.0 * (turns - Math.floor(turns));
                Core.add(hsv, new Scalar(deg, 0, 0), hsv);
            }
            Imgproc.cvtColor(hsv, dst, Imgproc.COLOR_HSV2RGB, cn);
            if (cn == 4) {
                copyAlpha(src, dst);
            }
            return dst;
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        } finally {
            MatPool.recycle(hsv);
        }
    }

    /** Copies channel 3 of {@code src} into channel 3 of {@code dst} (both 4-channel, same size and depth). */
    static void copyAlpha(Mat src, Mat dst) {
        Mat alpha = MatPool.acquire(src.rows(), src.cols(), CvType.makeType(src.depth(), 1));
        try {
            Core.extractChannel(src, alpha, 3);
            Core.insertChannel(alpha, dst, 3);
        } finally {
            MatPool.recycle(alpha);
        }
    }
}
