package io.augment4j.api.targets;

/**
 * Inverts a backward map numerically: a local warp's output pixel {@code (u, v)} reads the input at
 * {@code (mapX, mapY)} (pixel-centre coordinates, row-major arrays); this finds, for an input point, the output point
 * that reads it, by fixed-point iteration {@code u <- u + (p - map(u))} with the map interpolated bilinearly (its
 * displacement held constant beyond the border). Converges when the displacement varies slowly (its gradient well
 * below 1), as in grid, elastic and optical distortion; the point of smallest residual is returned otherwise.
 * Points are in continuous coordinates, as {@link PointMap} says.
 */
public final class BackwardMapInverse implements PointMap {
    private static final int MAX_ITERATIONS = 60;
    private static final double TOLERANCE = 1e-4;

    private final float[] mapX;
    private final float[] mapY;
    private final int height;
    private final int width;

    /** Wraps the arrays (not copied; the caller must not change them afterwards). */
    public BackwardMapInverse(float[] mapX, float[] mapY, int height, int width) {
        if (mapX.length < height * width || mapY.length < height * width) {
            throw new IllegalArgumentException("maps need " + height * width + " values");
        }
        this.mapX = mapX;
        this.mapY = mapY;
        this.height = height;
        this.width = width;
    }

    @Override
    public double[] map(double x, double y) {
        double px = x - 0.5;
        double py = y - 0.5;
        double ux = px;
        double uy = py;
        double bestX = ux;
        double bestY = uy;
        double best = Double.POSITIVE_INFINITY;
        double[] s = new double[2];
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            sample(ux, uy, s);
            double rx = px - s[0];
            double ry = py - s[1];
            double r = Math.hypot(rx, ry);
            if (r < best) {
                best = r;
                bestX = ux;
                bestY = uy;
            }
            if (r < TOLERANCE) {
                break;
            }
            ux += rx;
            uy += ry;
        }
        return new double[] {bestX + 0.5, bestY + 0.5};
    }

    /** The map at {@code (u, v)}: bilinear inside, the border's displacement outside. */
    private void sample(double u, double v, double[] out) {
        double cu = Math.max(0, Math.min(width - 1, u));
        double cv = Math.max(0, Math.min(height - 1, v));
        int x0 = Math.min((int) Math.floor(cu), Math.max(0, width - 2));
        int y0 = Math.min((int) Math.floor(cv), Math.max(0, height - 2));
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = cu - x0;
        double fy = cv - y0;
        int i00 = y0 * width + x0;
        int i01 = y0 * width + x1;
        int i10 = y1 * width + x0;
        int i11 = y1 * width + x1;
        double mx = (1 - fy) * ((1 - fx) * mapX[i00] + fx * mapX[i01]) + fy * ((1 - fx) * mapX[i10] + fx * mapX[i11]);
        double my = (1 - fy) * ((1 - fx) * mapY[i00] + fx * mapY[i01]) + fy * ((1 - fx) * mapY[i10] + fx * mapY[i11]);
        // Beyond the border, keep the border's displacement: map(u) = u + d(clamped u).
        out[0] = mx + (u - cu);
        out[1] = my + (v - cv);
    }
}
