package io.augment4j.api.targets;

/**
 * A local warp's backward map with its Jacobian, in pixel-centre coordinates: output pixel {@code (u, v)} reads the
 * input at {@code map(u, v)}. {@link BackwardMapInverse} inverts it to move points forward.
 */
@FunctionalInterface
public interface BackwardMap {
    /**
     * Writes {@code map(u, v)} into {@code out[0..1]} and its Jacobian, row-major, into {@code out[2..5]}
     * ({@code dx/du, dx/dv, dy/du, dy/dv}). Defined on the whole plane: beyond the image the map's displacement is
     * held at the border's.
     */
    void sample(double u, double v, double[] out);

    /**
     * The residual, in pixels, at which a Newton search on this map ({@link BackwardMapInverse}) may stop and take one
     * last step through the Jacobian in hand without checking it. That step leaves an error of about the residual
     * squared times how fast the Jacobian changes, so a map whose Jacobian is continuous and varies slowly (a cubic
     * between nodes tens of pixels apart) can stop at a larger residual than one interpolated bilinearly between
     * pixels, whose Jacobian jumps at every pixel edge. The default, 0.01, suits the latter.
     */
    default double residualTolerance() {
        return 0.01;
    }
}
