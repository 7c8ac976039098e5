package io.augment4j.api.targets;

/**
 * A map of the plane in continuous pixel coordinates (pixel {@code i} covers {@code [i, i + 1)}): where a point of
 * the input image ends up in the output. Used to move keypoints and box outlines through maps that are not one
 * matrix (local warps).
 */
@FunctionalInterface
public interface PointMap {
    /** The output position of input point {@code (x, y)}, as {@code {x', y'}}; {@code null} if it has none. */
    double[] map(double x, double y);
}
