package io.augment4j.trainer;

/**
 * Derives independent seeds from a root seed and coordinates such as (epoch, sample index).
 *
 * <p>Every random choice in training (split, shuffle, augmentation, dropout mask, weight init)
 * takes its generator from {@code derive(seed, ...)} instead of a shared stream. Results then
 * do not depend on thread timing, and a run resumed at epoch {@code e} draws exactly what an
 * uninterrupted run draws there, with no generator state to save.
 */
public final class Seeds {

    /** Stream tags keep e.g. the shuffle of epoch 3 apart from the augmentation of sample 3. */
    public static final long SPLIT = 0x5917L;
    /** Tag for epoch shuffles. */
    public static final long SHUFFLE = 0x5AFFL;
    /** Tag for per-sample augmentation. */
    public static final long AUGMENT = 0xA06L;
    /** Tag for dropout masks (the engine's generator is reseeded per step). */
    public static final long DROPOUT = 0xD409L;
    /** Tag for weight initialization. */
    public static final long INIT = 0x1417L;

    private Seeds() {}

    /**
     * SplitMix64's finalizer: a bijective, well-mixing 64-bit hash.
     *
     * @param z input
     * @return mixed value
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Combines a seed with any number of coordinates into a new seed.
     *
     * @param seed root seed
     * @param coords coordinates, e.g. tag, epoch, index
     * @return derived seed
     */
    public static long derive(long seed, long... coords) {
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        for (long c : coords) {
            h = mix(h ^ mix(c + 0x9E3779B97F4A7C15L));
        }
        return h;
    }
}
