package io.augment4j.opencv.noise;

import io.augment4j.api.Rng;
import org.opencv.core.Mat;

/**
 * Fast, seeded, thread-independent noise for the noise transforms. Value {@code i} of a stream depends only on the
 * seed and {@code i}: four 16-bit indices come from each SplitMix64 hash of {@code (seed, i / 4)}, and each index
 * picks one of 65536 standard-normal quantiles {@code Phi^-1((k + 0.5) / 65536)} (rescaled to unit variance). The
 * result has the normal distribution's shape up to 16-bit quantisation (|z| up to about 4.3), costs a table load per
 * value, and is identical on every thread for the same seed.
 *
 * <p>Java-heap pixel buffers are kept per thread (one of each kind, resized when the image size changes), so
 * steady-state calls allocate nothing.
 */
final class NoiseSource {
    private static final long GAMMA = 0x9e3779b97f4a7c15L;
    /** Standard-normal quantiles with mean 0 and variance exactly 1. */
    static final float[] GAUSS = gaussTable();

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private NoiseSource() {
    }

    /** Per-thread heap buffers. */
    static final class Buffers {
        private byte[] bytes = new byte[0];
        private float[] floats = new float[0];

        byte[] bytes(int n) {
            if (bytes.length != n) {
                bytes = new byte[n];
            }
            return bytes;
        }

        float[] floats(int n) {
            if (floats.length != n) {
                floats = new float[n];
            }
            return floats;
        }
    }

    static Buffers buffers() {
        return BUFFERS.get();
    }

    /** The 64 random bits of block {@code k} of the stream {@code seed}. */
    static long block(long seed, long k) {
        return Rng.mix64(seed + (k + 1) * GAMMA);
    }

    /** Number of values of a Mat ({@code rows * cols * channels}). */
    /** Changes a run of values in place: the first {@code n} of {@code values}. */
    interface ValueOp<A> {
        void apply(A values, int n);
    }

    /**
     * Reads {@code src} into this thread's buffer, lets {@code bytes} (UINT8) or {@code floats} (FLOAT32) change the
     * values, and writes them to {@code dst}: the one pass over the pixels every noise transform makes.
     */
    static void rewrite(Mat src, Mat dst, ValueOp<byte[]> bytes, ValueOp<float[]> floats) {
        int n = values(src);
        Buffers buf = buffers();
        if (src.depth() == org.opencv.core.CvType.CV_8U) {
            byte[] b = buf.bytes(n);
            src.get(0, 0, b);
            bytes.apply(b, n);
            dst.put(0, 0, b);
        } else {
            float[] f = buf.floats(n);
            src.get(0, 0, f);
            floats.apply(f, n);
            dst.put(0, 0, f);
        }
    }

    static int values(Mat m) {
        return Math.toIntExact(m.total() * m.channels());
    }

    /**
     * UINT8 {@code b[i] = saturate(round(b[i] + mean + sigma * z))} in place, one z per value, or per run of
     * {@code group} values (a pixel's channels) when {@code group > 1}.
     */
    static void addGaussian(byte[] b, int n, long seed, float mean, float sigma, int group) {
        float[] g = GAUSS;
        if (group == 1) {
            int i = 0;
            long k = 0;
            for (; i + 4 <= n; i += 4, k++) {
                long r = block(seed, k);
                b[i] = sat8((b[i] & 0xFF) + mean + sigma * g[(int) r & 0xFFFF]);
                b[i + 1] = sat8((b[i + 1] & 0xFF) + mean + sigma * g[(int) (r >>> 16) & 0xFFFF]);
                b[i + 2] = sat8((b[i + 2] & 0xFF) + mean + sigma * g[(int) (r >>> 32) & 0xFFFF]);
                b[i + 3] = sat8((b[i + 3] & 0xFF) + mean + sigma * g[(int) (r >>> 48) & 0xFFFF]);
            }
            long r = block(seed, k);
            for (int j = 0; i < n; i++, j++) {
                b[i] = sat8((b[i] & 0xFF) + mean + sigma * g[(int) (r >>> (16 * j)) & 0xFFFF]);
            }
            return;
        }
        int pixels = n / group;
        for (int p = 0; p < pixels; p++) {
            long r = block(seed, p >>> 2);
            float noise = mean + sigma * g[(int) (r >>> (16 * (p & 3))) & 0xFFFF];
            for (int i = p * group, e = i + group; i < e; i++) {
                b[i] = sat8((b[i] & 0xFF) + noise);
            }
        }
    }

    /** FLOAT32 {@code f[i] += mean + sigma * z} in place (not clipped); grouping as for the UINT8 version. */
    static void addGaussian(float[] f, int n, long seed, float mean, float sigma, int group) {
        float[] g = GAUSS;
        if (group == 1) {
            int i = 0;
            long k = 0;
            for (; i + 4 <= n; i += 4, k++) {
                long r = block(seed, k);
                f[i] += mean + sigma * g[(int) r & 0xFFFF];
                f[i + 1] += mean + sigma * g[(int) (r >>> 16) & 0xFFFF];
                f[i + 2] += mean + sigma * g[(int) (r >>> 32) & 0xFFFF];
                f[i + 3] += mean + sigma * g[(int) (r >>> 48) & 0xFFFF];
            }
            long r = block(seed, k);
            for (int j = 0; i < n; i++, j++) {
                f[i] += mean + sigma * g[(int) (r >>> (16 * j)) & 0xFFFF];
            }
            return;
        }
        int pixels = n / group;
        for (int p = 0; p < pixels; p++) {
            long r = block(seed, p >>> 2);
            float noise = mean + sigma * g[(int) (r >>> (16 * (p & 3))) & 0xFFFF];
            for (int i = p * group, e = i + group; i < e; i++) {
                f[i] += noise;
            }
        }
    }

    /** UINT8 {@code b[i] = saturate(round(b[i] * (1 + sigma * z)))} in place, one z per value. */
    static void multiplyGaussian(byte[] b, int n, long seed, float sigma) {
        float[] g = GAUSS;
        int i = 0;
        long k = 0;
        for (; i + 4 <= n; i += 4, k++) {
            long r = block(seed, k);
            b[i] = sat8((b[i] & 0xFF) * (1f + sigma * g[(int) r & 0xFFFF]));
            b[i + 1] = sat8((b[i + 1] & 0xFF) * (1f + sigma * g[(int) (r >>> 16) & 0xFFFF]));
            b[i + 2] = sat8((b[i + 2] & 0xFF) * (1f + sigma * g[(int) (r >>> 32) & 0xFFFF]));
            b[i + 3] = sat8((b[i + 3] & 0xFF) * (1f + sigma * g[(int) (r >>> 48) & 0xFFFF]));
        }
        long r = block(seed, k);
        for (int j = 0; i < n; i++, j++) {
            b[i] = sat8((b[i] & 0xFF) * (1f + sigma * g[(int) (r >>> (16 * j)) & 0xFFFF]));
        }
    }

    /** FLOAT32 {@code f[i] *= 1 + sigma * z} in place (not clipped), one z per value. */
    static void multiplyGaussian(float[] f, int n, long seed, float sigma) {
        float[] g = GAUSS;
        int i = 0;
        long k = 0;
        for (; i + 4 <= n; i += 4, k++) {
            long r = block(seed, k);
            f[i] *= 1f + sigma * g[(int) r & 0xFFFF];
            f[i + 1] *= 1f + sigma * g[(int) (r >>> 16) & 0xFFFF];
            f[i + 2] *= 1f + sigma * g[(int) (r >>> 32) & 0xFFFF];
            f[i + 3] *= 1f + sigma * g[(int) (r >>> 48) & 0xFFFF];
        }
        long r = block(seed, k);
        for (int j = 0; i < n; i++, j++) {
            f[i] *= 1f + sigma * g[(int) (r >>> (16 * j)) & 0xFFFF];
        }
    }

    /** Round half up and saturate to 0..255 (integer clamps, which compile to branch-free code). */
    static byte sat8(float v) {
        int q = (int) (v + 0.5f);
        return (byte) (q < 0 ? 0 : Math.min(q, 255));
    }

    /** Uniform integer in {@code [0, bound)} for draw {@code k} of the stream {@code seed}. */
    static int uniformInt(long seed, long k, int bound) {
        return (int) (((block(seed, k) >>> 33) * bound) >>> 31);
    }

    private static float[] gaussTable() {
        int n = 1 << 16;
        double[] z = new double[n];
        double sum2 = 0;
        for (int k = 0; k < n; k++) {
            z[k] = inverseNormal((k + 0.5) / n);
            sum2 += z[k] * z[k];
        }
        // The table is symmetric (mean exactly 0); rescale so its variance is exactly 1.
        double scale = 1 / Math.sqrt(sum2 / n);
        float[] t = new float[n];
        for (int k = 0; k < n; k++) {
            t[k] = (float) (z[k] * scale);
        }
        return t;
    }

    /** Acklam's inverse of the standard normal CDF (relative error below 1.2e-9). */
    static double inverseNormal(double p) {
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                3.754408661907416e+00};
        double plow = 0.02425;
        if (p < plow) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - plow) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
