package io.augment4j.api;

/**
 * A small, fast, splittable pseudo-random generator (SplitMix64) whose output is fixed by this class, not by the
 * JDK, so a seed gives the same augmentations on every JVM version and platform.
 *
 * <p>Randomness is per sample, not per thread: a pipeline derives each sample's generator from
 * {@code (pipeline seed, sample index)} with {@link #forSample}, and each step draws from its own
 * {@link #split() split}. Results therefore do not depend on thread scheduling. An instance is not thread-safe;
 * it is meant to live for one sample on one thread.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private long state;
    private boolean hasSpareGaussian;
    private double spareGaussian;

    /** A generator started from {@code seed}. */
    public Rng(long seed) {
        this.state = seed;
    }

    /** The generator for sample {@code index} of a run seeded with {@code seed}. */
    public static Rng forSample(long seed, long index) {
        return new Rng(mix64(seed ^ mix64(index + GOLDEN_GAMMA)));
    }

    /** A generator derived from several keys, e.g. {@code (seed, epoch, index)}. */
    public static Rng of(long... keys) {
        long h = 0x6a09e667f3bcc909L;
        for (long k : keys) {
            h = mix64(h ^ mix64(k + GOLDEN_GAMMA));
        }
        return new Rng(h);
    }

    /** The SplitMix64 finalizer: a bijective 64-bit mix. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        return mix64(state += GOLDEN_GAMMA);
    }

    /** A new generator whose stream is independent of this one's; this one advances by one draw. */
    public Rng split() {
        return new Rng(nextLong());
    }

    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in {@code [0, bound)} (multiply-shift; bias below bound / 2^31). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long r = (nextLong() >>> 33) * bound;
        return (int) (r >>> 31);
    }

    /**
     * Shuffles {@code a} in place (Fisher-Yates, drawing with {@link #nextInt(int)}): every order is equally likely
     * up to that method's bias, and a seed gives the same order on every JVM.
     */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Uniform integer in {@code [lo, hi]}, both inclusive. */
    public int nextInt(int lo, int hi) {
        if (hi < lo) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        }
        return lo + (int) ((nextLong() >>> 1) % ((long) hi - lo + 1));
    }

    /** Uniform in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in {@code [lo, hi)}; returns {@code lo} when {@code lo == hi}. */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Standard normal, by the Marsaglia polar method. */
    public double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * m;
        hasSpareGaussian = true;
        return u * m;
    }
}
