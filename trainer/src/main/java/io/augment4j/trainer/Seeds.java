package io.augment4j.trainer;

/**
 * The stream tags of training's random choices; the derivation itself is augment-api's
 * {@link io.augment4j.api.Rng#of(long...)}, the one owner of seed mixing in augment4j.
 *
 * <p>Every random choice in training takes its generator from {@code Rng.of(seed, TAG, coords...)}
 * instead of a shared stream: the split from {@code (seed, SPLIT, class)} (and {@code -1} for the
 * classes' shares), the shuffle of an
 * epoch from {@code (seed, SHUFFLE, epoch)}, the augmentation of an example from
 * {@code (seed, AUGMENT, epoch, example)}, the dropout masks of a step from
 * {@code (seed, DROPOUT, step)} and the initial weights of a parameter from
 * {@code (seed, INIT, parameter)}. Results then do not depend on thread timing, and a run resumed
 * at epoch {@code e} draws exactly what an uninterrupted run draws there, with no generator state
 * to save. The tags keep e.g. the shuffle of epoch 3 apart from the augmentation of example 3.
 */
public final class Seeds {

    /** Tag for the train/val/test split. */
    public static final long SPLIT = 0x5917L;
    /** Tag for epoch shuffles. */
    public static final long SHUFFLE = 0x5AFFL;
    /** Tag for per-example augmentation. */
    public static final long AUGMENT = 0xA06L;
    /** Tag for dropout masks (the engine's generator is reseeded per step). */
    public static final long DROPOUT = 0xD409L;
    /** Tag for weight initialization. */
    public static final long INIT = 0x1417L;

    private Seeds() {}
}
