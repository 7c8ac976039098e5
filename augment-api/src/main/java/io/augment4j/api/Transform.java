package io.augment4j.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * One augmentation step, split into two parts as in Albumentations' {@code get_params}/{@code apply}:
 * {@link #sample} draws the random parameters (an angle, a crop box, a noise seed) into a small value object, and
 * {@link #apply} applies given parameters. The split gives replay (record the parameters, apply them again),
 * targets (apply the same parameters to a mask or to boxes) and fusion of geometric steps.
 *
 * <p>Contract for implementations, checked by the plugin test kit:
 * <ul>
 *   <li>Immutable and thread-safe: one instance serves every thread; all randomness comes from the {@link Rng}.
 *   <li>{@code apply} is a pure function of its arguments: same input and parameters, same output, bit for bit.
 *   <li>The input sample and its images are never modified or closed; the result is a new sample, which may share
 *       the input's unchanged parts.
 *   <li>Parameter objects are records or enums that Jackson can write and read as JSON (used by replay files).
 *   <li>The output has the input's height and width, unless the descriptor declares
 *       {@link io.augment4j.api.spi.OutputSize#MAY_CHANGE}; a transform that claims {@link Target#MASK} returns the
 *       mask moved along with the image, so it keeps the output image's size.
 *   <li>To refuse an input, throw an {@link AugmentException} naming the transform; anything else it throws is a
 *       failure of the transform, reported as a {@link TransformFailedException} naming it and its jar.
 * </ul>
 *
 * @param <P> the type of the sampled parameters; {@link NoParams} when nothing is random
 */
public interface Transform<P> {
    /** Draws this step's random parameters for {@code input}. */
    P sample(Sample input, Rng rng);

    /** Applies previously drawn parameters to {@code input}. */
    Sample apply(Sample input, P params);

    /** The parameter class, used to read recorded parameters back from JSON. */
    Class<P> paramsType();

    /**
     * The targets this transform can handle. A sample carrying anything else is refused with an
     * {@link UnsupportedTargetException} (a pipeline checks every step before running a sample). Transforms that only
     * change pixel values leave masks, boxes and keypoints as they are and should return all targets. A transform
     * that claims {@link Target#BOXES} or {@link Target#KEYPOINTS} returns them moved with the image and unfiltered,
     * in continuous pixel coordinates of its output ({@link io.augment4j.api.targets.TargetMover}); the pipeline
     * filters them ({@link io.augment4j.api.targets.TargetOptions}).
     */
    default Set<Target> targets() {
        return EnumSet.of(Target.IMAGE);
    }

    /** Convenience: sample, then apply. */
    default Sample sampleAndApply(Sample input, Rng rng) {
        return apply(input, sample(input, rng));
    }
}
