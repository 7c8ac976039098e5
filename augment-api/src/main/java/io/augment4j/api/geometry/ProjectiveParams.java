package io.augment4j.api.geometry;

import io.augment4j.api.SizeBoundParams;

/**
 * Sampled parameters of a geometric transform that maps the plane by a 3x3 matrix (flip, rotation, shear, affine,
 * perspective, crop, resize, pad). The built-in transforms move masks, boxes and keypoints through this matrix, and
 * consecutive projective steps can be fused into one warp by multiplying their matrices.
 *
 * <p>Coordinates are pixel centres: pixel {@code (col, row)} sits at {@code (x, y) = (col, row)}, as in OpenCV's
 * {@code warpAffine}/{@code warpPerspective}. Boxes and keypoints use continuous coordinates (pixel {@code i} covers
 * {@code [i, i + 1)}), half a pixel off: {@link io.augment4j.api.targets.TargetMover#continuous} converts the matrix.
 * The matrix and the output size are in pixels of the image the parameters were drawn for, so they are
 * {@link SizeBoundParams}.
 */
public interface ProjectiveParams extends SizeBoundParams {
    /** The 3x3 matrix, row-major (9 values), taking input {@code (x, y, 1)} to output coordinates (homogeneous). */
    double[] matrix();

    /** Width of the output image. */
    int outputWidth();

    /** Height of the output image. */
    int outputHeight();

    /** Maps one input point to output coordinates, both pixel-centre coordinates: {@code {x', y'}}. */
    default double[] mapPoint(double x, double y) {
        double[] m = matrix();
        double w = m[6] * x + m[7] * y + m[8];
        return new double[] {(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w};
    }
}
