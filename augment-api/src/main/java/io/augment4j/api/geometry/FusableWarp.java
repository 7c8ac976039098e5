package io.augment4j.api.geometry;

import io.augment4j.api.Sample;
import io.augment4j.api.Transform;

/**
 * A geometric transform whose whole effect is one projective warp (flip, rotation, shear, affine, perspective, crop,
 * resize). A pipeline fuses a run of consecutive such steps with equal {@link #warpSettings()} into a single warp by
 * multiplying their matrices: one interpolation instead of several, so it is both faster and sharper.
 *
 * <p>Contract: {@link #sample} must depend on the input's shape only (height, width, channels, pixel type), because
 * inside a fused run it is called with a shape-only image ({@link ImageShape}) standing for the intermediate
 * result that is never computed.
 *
 * @param <P> sampled parameters, which give the matrix
 */
public interface FusableWarp<P extends ProjectiveParams> extends Transform<P> {
    /**
     * Warps {@code input} (image, and mask if supported) by {@code matrix} (3x3 row-major, input to output pixel
     * coordinates) into an output of {@code outWidth x outHeight}, with this transform's interpolation, border mode
     * and fill.
     */
    Sample warp(Sample input, double[] matrix, int outWidth, int outHeight);

    /**
     * A value object describing how this transform resamples (interpolation, border, fill). Steps with equal
     * settings may be fused; a change of settings starts a new warp. {@code null} means the transform is exact
     * under any settings (a flip: a whole-pixel map) and adopts those of the steps it is fused with.
     */
    Object warpSettings();
}
