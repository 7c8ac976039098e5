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

    /**
     * {@link #mapInto} plus the map's Jacobian at the point, row-major in {@code out[2..5]}
     * ({@code dx'/dx, dx'/dy, dy'/dx, dy'/dy}); {@code false} (and {@code out} unspecified) if the point has no finite
     * output position. The default takes central differences over half a pixel each way (5 calls of
     * {@link #mapInto}); the Jacobian is the identity where a neighbour has no image.
     */
    default boolean mapWithJacobian(double x, double y, double[] out) {
        double[] n = new double[8];
        double[] t = new double[2];
        double h = 0.5;
        boolean all = true;
        double[][] steps = {{h, 0}, {-h, 0}, {0, h}, {0, -h}};
        for (int i = 0; i < 4 && all; i++) {
            all = mapInto(x + steps[i][0], y + steps[i][1], t);
            n[2 * i] = t[0];
            n[2 * i + 1] = t[1];
        }
        if (!mapInto(x, y, out)) {
            return false;
        }
        if (all) {
            out[2] = (n[0] - n[2]) / (2 * h);
            out[3] = (n[4] - n[6]) / (2 * h);
            out[4] = (n[1] - n[3]) / (2 * h);
            out[5] = (n[5] - n[7]) / (2 * h);
        } else {
            out[2] = 1;
            out[3] = 0;
            out[4] = 0;
            out[5] = 1;
        }
        return true;
    }

    /**
     * {@link #mapWithJacobian} for a point whose output position the caller expects near {@code (guessX, guessY)}
     * (say, interpolated between neighbouring points it has moved): a map that searches may start there. The default
     * ignores the guess.
     */
    default boolean mapWithJacobian(double x, double y, double guessX, double guessY, double[] out) {
        return mapWithJacobian(x, y, out);
    }

    /**
     * The box enclosing the moved outline of the box {@code [xMin, xMax] x [yMin, yMax]} (continuous coordinates),
     * written into {@code out} as {@code xMin, yMin, xMax, yMax}, for a map that can find it directly, faster than
     * {@link TargetMover} moving the outline point by point; {@code false} to let it do that. The default finds
     * nothing.
     */
    default boolean enclose(double xMin, double yMin, double xMax, double yMax, double[] out) {
        return false;
    }

    /**
     * The longest spacing, in pixels, at which box outlines moved through this map are sampled
     * ({@link TargetMover#follow(io.augment4j.api.Sample, io.augment4j.api.Sample, PointMap)}): the map must be close
     * to a cubic between samples that far apart, so a fraction of the scale over which its displacement varies. The
     * default, 8, suits displacement smooth at the scale of a few tens of pixels.
     */
    default double outlineSpacing() {
        return 8;
    }
}
