package io.augment4j.api.geometry;

import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import io.augment4j.api.targets.BoxMethod;

/**
 * A geometric transform whose whole effect is one projective warp (flip, rotation, shear, affine, perspective, crop,
 * resize). If it claims boxes or keypoints, its {@link #apply} must move them through its parameters' matrix with
 * {@link io.augment4j.api.targets.TargetMover#follow(Sample, Sample, double[], BoxMethod)}, as a fused run does. A pipeline fuses a run of consecutive such steps with equal {@link #warpSettings()} into a single warp by
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
     * and fill. Boxes and keypoints need not be moved: the pipeline replaces them by moving them through each step's
     * parameters ({@link io.augment4j.api.targets.TargetMover}, with each step's {@link #boxMethod()}).
     */
    Sample warp(Sample input, double[] matrix, int outWidth, int outHeight);

    /**
     * A value object describing how this transform resamples (interpolation, border, fill). Steps with equal
     * settings may be fused; a change of settings starts a new warp. {@code null} means the transform is exact
     * under any settings (a flip: a whole-pixel map) and adopts those of the steps it is fused with.
     */
    Object warpSettings();

    /**
     * How this transform rebuilds a box whose edges its map turns (by default {@link BoxMethod#CORNERS}). Its
     * {@link #apply} moves boxes with this method, and so does a fused run.
     */
    default BoxMethod boxMethod() {
        return BoxMethod.CORNERS;
    }
}
