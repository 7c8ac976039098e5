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
    private static final int MAX_ITERATIONS = 30;
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
        double[] s = new double[2];
        double[] a = new double[2];
        double[] b = new double[2];
        sample(ux, uy, s);
        double rx = px - s[0];
        double ry = py - s[1];
        double r = Math.hypot(rx, ry);
        for (int i = 0; i < MAX_ITERATIONS && r >= TOLERANCE; i++) {
            // Jacobian of the map by central differences, then a Newton step (plain residual step if singular).
            sample(ux + 0.5, uy, a);
            sample(ux - 0.5, uy, b);
            double j00 = a[0] - b[0];
            double j10 = a[1] - b[1];
            sample(ux, uy + 0.5, a);
            sample(ux, uy - 0.5, b);
            double j01 = a[0] - b[0];
            double j11 = a[1] - b[1];
            double det = j00 * j11 - j01 * j10;
            double dx = rx;
            double dy = ry;
            if (Math.abs(det) > 1e-6) {
                dx = (j11 * rx - j01 * ry) / det;
                dy = (j00 * ry - j10 * rx) / det;
            }
            // Halve the step until the residual shrinks.
            boolean improved = false;
            for (int k = 0; k < 8 && !improved; k++) {
                sample(ux + dx, uy + dy, s);
                double nx = px - s[0];
                double ny = py - s[1];
                double nr = Math.hypot(nx, ny);
                if (nr < r) {
                    ux += dx;
                    uy += dy;
                    rx = nx;
                    ry = ny;
                    r = nr;
                    improved = true;
                }
                dx /= 2;
                dy /= 2;
            }
            if (!improved) {
                break;
            }
        }
        return new double[] {ux + 0.5, uy + 0.5};
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
