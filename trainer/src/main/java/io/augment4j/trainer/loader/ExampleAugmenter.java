package io.augment4j.trainer.loader;

import io.augment4j.api.Rng;
import io.augment4j.trainer.Seeds;

/**
 * Train-time augmentation of one example: the seam between the trainer and augment pipelines.
 *
 * <p>Called from loader worker threads, concurrently, so implementations must be thread-safe
 * (stateless, or state per call). All randomness must come from {@code seed}: the loaders derive
 * it from (run seed, epoch, example index) with {@link #seedFor}, which makes results independent
 * of thread timing and lets a resumed run replay the same augmentations. Bridging an augment-api
 * {@code Pipeline} is one line: wrap the array in a {@code Sample}, call
 * {@code pipeline.apply(sample, new Rng(seed))}, return its pixels
 * ({@code io.augment4j.trainer.augment.PipelineAugmenter} does that).
 */
@FunctionalInterface
public interface ExampleAugmenter {

    /**
     * Augments one image.
     *
     * @param hwc pixels in HWC order, float, in the dataset's range (0..255 for uint8 data);
     *     the implementation may modify and return it
     * @param height image height
     * @param width image width
     * @param channels channels
     * @param seed the only source of randomness allowed
     * @return an image of the same shape (may be {@code hwc} itself)
     */
    float[] augment(float[] hwc, int height, int width, int channels, long seed);

    /**
     * The seed the loaders hand to {@link #augment} for one example of one epoch.
     *
     * @param runSeed the run's seed
     * @param epoch epoch number
     * @param example dataset index of the example
     * @return {@code Rng.of(runSeed, Seeds.AUGMENT, epoch, example).nextLong()}
     */
    static long seedFor(long runSeed, int epoch, int example) {
        return Rng.of(runSeed, Seeds.AUGMENT, epoch, example).nextLong();
    }
}
