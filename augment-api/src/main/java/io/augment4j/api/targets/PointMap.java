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

    /**
     * {@link #map} written into {@code out[0]} and {@code out[1]}, for callers that move many points; {@code false}
     * (and {@code out} unspecified) if the point has no finite output position. The default calls {@link #map}.
     */
    default boolean mapInto(double x, double y, double[] out) {
        double[] p = map(x, y);
        if (p == null || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
            return false;
        }
        out[0] = p[0];
        out[1] = p[1];
        return true;
    }
}
