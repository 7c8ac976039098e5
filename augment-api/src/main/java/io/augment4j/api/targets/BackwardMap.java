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
}
