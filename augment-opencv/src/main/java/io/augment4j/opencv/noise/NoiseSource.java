package io.augment4j.opencv.noise;

import io.augment4j.api.Rng;
import io.augment4j.opencv.MatPool;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Fast, seeded, thread-independent noise for the noise transforms. Value {@code i} of a stream depends only on the
 * seed and {@code i} (a counter-based generator), so the same seed gives the same noise on every thread.
 *
 * <p>Gaussian values ({@link #normalQ12}): a keyed 32-bit hash of the counter {@code i} (Wellons' "lowbias32"
 * mixer, keyed by the two halves of the seed) gives four uniform bytes; their sum, centred, is close to normal
 * (Irwin-Hall with 4 terms) and an odd degree-9 polynomial, fitted by weighted least squares to the normal
 * quantiles of that sum's exact distribution, maps it onto the standard normal. The result is returned in fixed
 * point ({@code z * 4096}); its exact distribution has mean 0, variance 1 and kurtosis 3 to 4 decimals, tail
 * probabilities within 4 % of the normal's up to 4 sigma, and values up to 5.1 sigma ({@code NoiseTest} checks all
 * of this by enumerating the 1021 possible sums). Everything is 32-bit integer arithmetic without table loads, so
 * HotSpot's C2 compiles the bulk loop ({@link #levelPairs}) to SIMD code: about 3x faster than the earlier
 * table-driven generator (one SplitMix64 hash per four values and a 65536-entry quantile table).
 *
 * <p>Java-heap pixel buffers are kept per thread (one of each kind, resized when the image size changes), so
 * steady-state calls allocate nothing.
 */
final class NoiseSource {
    private static final long GAMMA = 0x9e3779b97f4a7c15L;
    /** Coefficients (Q22, in powers of {@code x^2 / 2^18}) of the polynomial that maps the byte sum to z. */
    private static final int P0 = 27310;
    private static final int P1 = 3157;
    private static final int P2 = 7323;
    private static final int P3 = -17747;
    private static final int P4 = 22392;
    /**
     * {@code sequence[i] = i}, grown on demand and never changed once published: the bulk loops read their counters
     * from it, because C2 does not vectorise a loop that computes with its own index.
     */
    private static volatile int[] sequence = new int[0];

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private NoiseSource() {
    }

    /**
     * A Mat over a direct buffer, re-made only when the shape changes: where generated noise is copied in bulk for
     * OpenCV to read. The Mat does not own the buffer; this holder keeps both, one per use and thread.
     */
    private static final class DirectMat {
        private final ByteOrder order;
        private ByteBuffer buffer;
        private Mat mat;

        DirectMat(ByteOrder order) {
            this.order = order;
        }

        /** The buffer, cleared, under a Mat of this shape of {@code bytes} bytes; see {@link #mat}. */
        ByteBuffer reserve(int rows, int cols, int type, int bytes) {
            if (mat == null || mat.rows() != rows || mat.cols() != cols || mat.type() != type
                    || buffer.capacity() < bytes) {
                if (mat != null) {
                    mat.release();
                }
                buffer = ByteBuffer.allocateDirect(bytes).order(order);
                mat = new Mat(rows, cols, type, buffer);
            }
            buffer.clear();
            return buffer;
        }

        Mat mat() {
            return mat;
        }
    }

    /** Per-thread buffers: heap arrays resized to the image, and the direct Mats noise is copied into. */
    static final class Buffers {
        private byte[] bytes = new byte[0];
        private float[] floats = new float[0];
        private int[] ints = new int[0];
        private int[] zq = new int[0];
        private float[] gains = new float[0];
        // int16 level pairs as little-endian ints (value 2j in the low half); gains as floats in the Mat's order.
        private final DirectMat levels = new DirectMat(ByteOrder.LITTLE_ENDIAN);
        private final DirectMat gainMat = new DirectMat(ByteOrder.nativeOrder());

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

        int[] ints(int n) {
            if (ints.length != n) {
                ints = new int[n];
            }
            return ints;
        }

        /** Speckle's normal values in fixed point, apart from {@link #ints} (gaussian_noise's level pairs). */
        int[] zq(int n) {
            if (zq.length != n) {
                zq = new int[n];
            }
            return zq;
        }

        /** Speckle's gains, apart from {@link #floats} (which holds a FLOAT32 image's values meanwhile). */
        float[] gains(int n) {
            if (gains.length != n) {
                gains = new float[n];
            }
            return gains;
        }

        /**
         * An int16 Mat of the given shape filled with {@code values} (int16 pairs, as from {@link #levelPairs}) by
         * one bulk copy. Owned by this thread's buffers; valid until the next call.
         */
        Mat int16(int rows, int cols, int type, int[] values, int count) {
            levels.reserve(rows, cols, type, 4 * count).asIntBuffer().put(values, 0, count);
            return levels.mat();
        }

        /** A float Mat of the given shape filled with the first {@code count} of {@code values}; as {@link #int16}. */
        Mat float32(int rows, int cols, int type, float[] values, int count) {
            gainMat.reserve(rows, cols, type, 4 * count).asFloatBuffer().put(values, 0, count);
            return gainMat.mat();
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
     * Standard-normal value number {@code counter} of the stream keyed by {@code (k1, k2)}, times 4096 and rounded
     * (|result| at most 20931, i.e. 5.11 sigma). See the class comment.
     */
    static int normalQ12(int counter, int k1, int k2) {
        int h = counter ^ k1;
        h ^= h >>> 16;
        h *= 0x7feb352d;
        h += k2;
        h ^= h >>> 15;
        h *= 0x846ca68b;
        h ^= h >>> 16;
        int t = (h & 0x00FF00FF) + ((h >>> 8) & 0x00FF00FF);
        return fromSum((t & 0xFFFF) + (t >>> 16) - 510);
    }

    /** z * 4096 for {@code x}, the centred sum of four uniform bytes (-510..510): the fitted odd polynomial. */
    static int fromSum(int x) {
        int v = (x * x) >> 3; // x^2 / 2^18 in Q15
        int p = P3 + ((P4 * v) >> 15);
        p = P2 + ((p * v) >> 15);
        p = P1 + ((p * v) >> 15);
        p = P0 + ((p * v) >> 15); // Q22, 27310..42017
        return (x * p + 512) >> 10;
    }

    /** The two 32-bit keys of a 64-bit seed. */
    static int key1(long seed) {
        return (int) seed;
    }

    static int key2(long seed) {
        return (int) (seed >>> 32);
    }

    /** Standard-normal value number {@code counter} of stream {@code seed}, as a float. */
    static float normal(long seed, int counter) {
        return normalQ12(counter, key1(seed), key2(seed)) * (1f / 4096);
    }

    private static int[] sequence(int n) {
        int[] c = sequence;
        if (c.length < n) {
            c = new int[Math.max(n, 2 * c.length)];
            for (int j = 0; j < c.length; j++) {
                c[j] = j;
            }
            sequence = c;
        }
        return c;
    }

    /**
     * Integer noise levels {@code floor(mean + sigma * z + 0.5)} in fixed point: {@code level(zq) = ((zq * scale +
     * frac) >> shift) + whole} with {@code zq = z * 4096}. Exact to the rounding of {@code sigma} to 15 significant
     * bits; every level lies within int16 when {@link #fitsInt16}.
     */
    record Levels(int scale, int frac, int shift, int whole) {
        static Levels of(double mean, double sigma) {
            double m = mean + 0.5;
            double whole = Math.floor(m);
            // scale = sigma * 2^(shift - 12) below 2^15, so zq * scale < 2^30; frac < 2^30 too: no int overflow
            int shift = 30;
            if (sigma > 0) {
                shift = (int) Math.min(30, 12 + Math.floor(Math.log(32000 / sigma) / Math.log(2)));
            }
            int scale = (int) Math.round(sigma * Math.pow(2, shift - 12));
            int frac = (int) Math.round((m - whole) * Math.pow(2, shift));
            return new Levels(scale, frac, shift, (int) whole);
        }

        /** Whether every level fits in a signed 16-bit value (and the fixed point is valid). */
        static boolean fitsInt16(double mean, double sigma) {
            return sigma >= 0 && sigma < 6000 && Math.abs(mean) < 1000;
        }

        int level(int zq) {
            return ((zq * scale + frac) >> shift) + whole;
        }
    }

    /**
     * Fills {@code out[j]} with the noise levels of values {@code 2j} (low 16 bits) and {@code 2j + 1} (high 16
     * bits), for {@code j < pairs}: the memory layout of an int16 image, little-endian. Integer arithmetic only, so
     * C2 vectorises the loop.
     */
    static void levelPairs(int[] out, int pairs, long seed, Levels l) {
        int[] c = sequence(pairs);
        int k1 = key1(seed);
        int k2 = key2(seed);
        int scale = l.scale();
        int frac = l.frac();
        int shift = l.shift();
        int whole = l.whole();
        for (int j = 0; j < pairs; j++) {
            int cj = 2 * c[j];
            int lo = ((normalQ12(cj, k1, k2) * scale + frac) >> shift) + whole;
            int hi = ((normalQ12(cj + 1, k1, k2) * scale + frac) >> shift) + whole;
            out[j] = (lo & 0xFFFF) | (hi << 16);
        }
    }

    /**
     * UINT8 {@code dst = saturate(src + level(z))}, one z per value: the levels are made in bulk ({@link
     * #levelPairs}), copied once into an int16 Mat, and added by three SIMD passes of OpenCV (widen to int16, add,
     * narrow with saturation). Needs {@link Levels#fitsInt16}.
     */
    static void addGaussianU8(Mat src, Mat dst, long seed, double mean, double sigma) {
        int n = values(src);
        int pairs = (n + 1) / 2;
        Buffers buf = buffers();
        int[] ints = buf.ints(pairs);
        levelPairs(ints, pairs, seed, Levels.of(mean, sigma));
        int type16 = CvType.makeType(CvType.CV_16S, src.channels());
        Mat noise = buf.int16(src.rows(), src.cols(), type16, ints, pairs);
        Mat wide = MatPool.acquire(src.rows(), src.cols(), type16);
        try {
            src.convertTo(wide, CvType.CV_16S);
            Core.add(wide, noise, wide);
            wide.convertTo(dst, CvType.CV_8U);
        } finally {
            MatPool.recycle(wide);
        }
    }

    /**
     * UINT8 {@code b[i] = saturate(b[i] + level(z))} in place, one z per run of {@code group} values (a pixel); the
     * same levels as {@link #addGaussianU8} where both apply.
     */
    static void addLevels(byte[] b, int n, long seed, double mean, double sigma, int group) {
        int k1 = key1(seed);
        int k2 = key2(seed);
        Levels l = Levels.fitsInt16(mean, sigma) ? Levels.of(mean, sigma) : null;
        for (int p = 0, i = 0; i < n; p++) {
            int zq = normalQ12(p, k1, k2);
            int level = l != null ? l.level(zq)
                    : (int) Math.max(-256, Math.min(256, Math.floor(mean + sigma * zq / 4096.0 + 0.5)));
            for (int e = Math.min(n, i + group); i < e; i++) {
                int v = (b[i] & 0xFF) + level;
                b[i] = (byte) (v < 0 ? 0 : Math.min(v, 255));
            }
        }
    }

    /** FLOAT32 {@code f[i] += mean + sigma * z} in place (not clipped), one z per run of {@code group} values. */
    static void addGaussian(float[] f, int n, long seed, float mean, float sigma, int group) {
        int k1 = key1(seed);
        int k2 = key2(seed);
        float unit = sigma / 4096;
        for (int p = 0, i = 0; i < n; p++) {
            float noise = mean + unit * normalQ12(p, k1, k2);
            for (int e = Math.min(n, i + group); i < e; i++) {
                f[i] += noise;
            }
        }
    }

    /**
     * {@code dst = src * (1 + sigma * z)}, one z per value: the gains are made in bulk ({@link #gains}), copied once
     * into a float Mat and applied by OpenCV's SIMD passes (UINT8: to float, multiply, back with rounding to nearest
     * and saturation, the same values as the Python baseline's one mixed-type {@code multiply(img, gain, dtype)}, in
     * about 60 % of its time; FLOAT32: one {@code multiply}, not clipped).
     */
    static void multiplyGaussian(Mat src, Mat dst, long seed, float sigma) {
        int n = values(src);
        Buffers buf = buffers();
        float[] g = buf.gains(n);
        gains(g, buf.zq(n), n, seed, sigma);
        int floatType = CvType.makeType(CvType.CV_32F, src.channels());
        Mat gain = buf.float32(src.rows(), src.cols(), floatType, g, n);
        if (src.depth() == CvType.CV_32F) {
            Core.multiply(src, gain, dst);
            return;
        }
        Mat f = MatPool.acquire(src.rows(), src.cols(), floatType);
        try {
            src.convertTo(f, CvType.CV_32F);
            Core.multiply(f, gain, f);
            f.convertTo(dst, src.depth());
        } finally {
            MatPool.recycle(f);
        }
    }

    /**
     * {@code out[i] = 1 + sigma * z_i} for {@code i < n}, in two loops that C2 vectorises apart: the integer hashing
     * into {@code z}, then the conversion to float (in one loop, neither is vectorised: 8x slower).
     */
    static void gains(float[] out, int[] z, int n, long seed, float sigma) {
        int[] c = sequence(n);
        int k1 = key1(seed);
        int k2 = key2(seed);
        for (int i = 0; i < n; i++) {
            z[i] = normalQ12(c[i], k1, k2);
        }
        float unit = sigma / 4096;
        for (int i = 0; i < n; i++) {
            out[i] = 1f + unit * z[i];
        }
    }

    /** Uniform integer in {@code [0, bound)} for draw {@code k} of the stream {@code seed}. */
    static int uniformInt(long seed, long k, int bound) {
        return (int) (((block(seed, k) >>> 33) * bound) >>> 31);
    }
}
