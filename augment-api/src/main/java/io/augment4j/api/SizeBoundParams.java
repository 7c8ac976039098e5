package io.augment4j.api;

/**
 * Marks sampled parameters that only fit the image size they were drawn for, because they hold pixel positions or
 * sizes of that image: a crop box, a rotation centre, a warp matrix and output size, hole positions, a random field
 * drawn per pixel. Every {@link io.augment4j.api.geometry.ProjectiveParams} is size-bound.
 *
 * <p>{@link io.augment4j.api.pipeline.Pipeline#replay} refuses to apply such parameters to an image of another size
 * than the recorded one (re-deriving them, e.g. scaling a crop box, would not re-create the recorded result). A
 * transform whose parameters hold no pixel positions (a brightness factor, a noise seed and strength, a grid
 * displacement given as fractions of the image) leaves this off, and its replay applies to an image of any size.
 */
public interface SizeBoundParams {
}
