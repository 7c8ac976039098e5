package io.augment4j.api.targets;

/**
 * Inverts a backward map numerically: a local warp's output pixel {@code (u, v)} reads the input at
 * {@code (mapX, mapY)} (pixel-centre coordinates, row-major); this finds, for an input point, the output point that
 * reads it, by Newton's method on the bilinearly interpolated map (its displacement held constant beyond the border),
 * halving a step until the residual shrinks. Once the residual is under 0.01 px, one last Newton step through the
 * Jacobian in hand is taken without another look-up (it leaves an error of the order of the residual squared times
 * the map's curvature, far below 0.001 px for smooth maps). Converges when the displacement varies slowly (its
 * gradient well below 1), as in grid, elastic and optical distortion; the point of smallest residual is returned
 * otherwise. Points are in continuous coordinates, as {@link PointMap} says; {@link #mapWithJacobian} gives the
 * inverse's Jacobian as the inverse of the map's Jacobian at the answer, at no extra cost.
 *
 * <p>Not thread-safe: a search starts from the previous call's answer, moved by the step between the two input
 * points through the inverse of the map's Jacobian there, when they lie within 16 pixels of each other (neighbouring
 * points of a box outline), and from the input point itself otherwise or when that warm start does not converge.
 * Create one per sample.
 */
public final class BackwardMapInverse implements PointMap {
    private static final int MAX_ITERATIONS = 30;
    /** Residual (px) under which the search ends with one unchecked Newton step. */
    private static final double ACCEPT = 0.01;
    private static final double WARM_RADIUS = 16;

    private final float[] xs;
    private final float[] ys;
    private final int offsetX;
    private final int offsetY;
    private final int stride;
    private final int height;
    private final int width;

    // The last sample(): map value and its Jacobian (d map / d (u, v)).
    private double mx;
    private double my;
    private double j00;
    private double j01;
    private double j10;
    private double j11;
    // The last solve: input point (pixel-centre coordinates) and the output point found, with its residual.
    private boolean hasLast;
    private double lastPx;
    private double lastPy;
    private double lastUx;
    private double lastUy;
    private double lastR;
    private double lastJ00;
    private double lastJ01;
    private double lastJ10;
    private double lastJ11;

    private BackwardMapInverse(float[] xs, float[] ys, int offsetX, int offsetY, int stride, int height, int width) {
        this.xs = xs;
        this.ys = ys;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
        this.stride = stride;
        this.height = height;
        this.width = width;
    }

    /** Wraps the arrays (not copied; the caller must not change them while this is in use). */
    public BackwardMapInverse(float[] mapX, float[] mapY, int height, int width) {
        this(mapX, mapY, 0, 0, 1, height, width);
        if (mapX.length < height * width || mapY.length < height * width) {
            throw new IllegalArgumentException("maps need " + height * width + " values");
        }
    }

    /**
     * Wraps one interleaved map, {@code (x, y)} pairs row by row ({@code CV_32FC2}'s layout), not copied: the caller
     * must not change it while the inverse is in use.
     */
    public static BackwardMapInverse interleaved(float[] mapXY, int height, int width) {
        if (mapXY.length < 2 * height * width) {
            throw new IllegalArgumentException("the interleaved map needs " + 2 * height * width + " values");
        }
        return new BackwardMapInverse(mapXY, mapXY, 0, 1, 2, height, width);
    }

    @Override
    public double[] map(double x, double y) {
        double[] out = new double[2];
        mapInto(x, y, out);
        return out;
    }

    /**
     * {@code true} unless the map holds non-finite values: every point has an answer (the one of smallest residual
     * if the search fails).
     */
    @Override
    public boolean mapInto(double x, double y, double[] out) {
        return solveFor(x, y, out);
    }

    /** The inverse's Jacobian is the inverse of the map's Jacobian where the search ended (identity if singular). */
    @Override
    public boolean mapWithJacobian(double x, double y, double[] out) {
        boolean ok = solveFor(x, y, out);
        double det = lastJ00 * lastJ11 - lastJ01 * lastJ10;
        if (Math.abs(det) > 1e-6) {
            out[2] = lastJ11 / det;
            out[3] = -lastJ01 / det;
            out[4] = -lastJ10 / det;
            out[5] = lastJ00 / det;
        } else {
            out[2] = 1;
            out[3] = 0;
            out[4] = 0;
            out[5] = 1;
        }
        return ok && Double.isFinite(out[2] + out[3] + out[4] + out[5]);
    }

    private boolean solveFor(double x, double y, double[] out) {
        double px = x - 0.5;
        double py = y - 0.5;
        boolean warm = hasLast && Math.abs(px - lastPx) <= WARM_RADIUS && Math.abs(py - lastPy) <= WARM_RADIUS;
        if (warm) {
            // Previous answer plus the move through the inverse of the map's Jacobian there (one free Newton step).
            double ex = px - lastPx;
            double ey = py - lastPy;
            double det = lastJ00 * lastJ11 - lastJ01 * lastJ10;
            double gx = ex;
            double gy = ey;
            if (Math.abs(det) > 1e-6) {
                gx = (lastJ11 * ex - lastJ01 * ey) / det;
                gy = (lastJ00 * ey - lastJ10 * ex) / det;
            }
            solve(px, py, lastUx + gx, lastUy + gy);
        }
        if (!warm || lastR >= ACCEPT) {
            double wx = lastUx;
            double wy = lastUy;
            double wr = lastR;
            double w00 = lastJ00;
            double w01 = lastJ01;
            double w10 = lastJ10;
            double w11 = lastJ11;
            solve(px, py, px, py);
            if (warm && wr < lastR) {
                lastUx = wx;
                lastUy = wy;
                lastR = wr;
                lastJ00 = w00;
                lastJ01 = w01;
                lastJ10 = w10;
                lastJ11 = w11;
            }
        }
        lastPx = px;
        lastPy = py;
        hasLast = true;
        out[0] = lastUx + 0.5;
        out[1] = lastUy + 0.5;
        return Double.isFinite(out[0]) && Double.isFinite(out[1]);
    }

    /**
     * Solves {@code map(u) = p} from {@code u0}; leaves the answer in {@code lastUx, lastUy, lastR} and the map's
     * Jacobian there in {@code lastJ..}.
     */
    private void solve(double px, double py, double ux, double uy) {
        sample(ux, uy);
        double rx = px - mx;
        double ry = py - my;
        // Squared residuals: compared only, so no square root per trial.
        double r = rx * rx + ry * ry;
        double a00 = j00;
        double a01 = j01;
        double a10 = j10;
        double a11 = j11;
        for (int i = 0; i < MAX_ITERATIONS && r >= ACCEPT * ACCEPT; i++) {
            // Newton step on the interpolated map's own Jacobian (a plain residual step if it is singular).
            double det = a00 * a11 - a01 * a10;
            double dx = rx;
            double dy = ry;
            if (Math.abs(det) > 1e-6) {
                dx = (a11 * rx - a01 * ry) / det;
                dy = (a00 * ry - a10 * rx) / det;
            }
            // Halve the step until the residual shrinks; sample() then holds the Jacobian at the new point.
            boolean improved = false;
            for (int k = 0; k < 8 && !improved; k++) {
                sample(ux + dx, uy + dy);
                double nx = px - mx;
                double ny = py - my;
                double nr = nx * nx + ny * ny;
                if (nr < r) {
                    ux += dx;
                    uy += dy;
                    rx = nx;
                    ry = ny;
                    r = nr;
                    a00 = j00;
                    a01 = j01;
                    a10 = j10;
                    a11 = j11;
                    improved = true;
                }
                dx /= 2;
                dy /= 2;
            }
            if (!improved) {
                break;
            }
        }
        if (r < ACCEPT * ACCEPT) {
            // The last, unchecked Newton step: quadratic convergence makes it worth a look-up it does not cost.
            double det = a00 * a11 - a01 * a10;
            if (Math.abs(det) > 1e-6) {
                ux += (a11 * rx - a01 * ry) / det;
                uy += (a00 * ry - a10 * rx) / det;
            }
        }
        lastUx = ux;
        lastUy = uy;
        lastR = Math.sqrt(r);
        lastJ00 = a00;
        lastJ01 = a01;
        lastJ10 = a10;
        lastJ11 = a11;
    }

    /**
     * The map at {@code (u, v)} into {@code mx, my} and its Jacobian into {@code j..}: bilinear inside, the border's
     * displacement outside ({@code map(u) = u + d(clamped u)}).
     */
    private void sample(double u, double v) {
        double cu = Math.max(0, Math.min(width - 1, u));
        double cv = Math.max(0, Math.min(height - 1, v));
        // cu, cv >= 0, so the cast floors.
        int x0 = Math.min((int) cu, Math.max(0, width - 2));
        int y0 = Math.min((int) cv, Math.max(0, height - 2));
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = cu - x0;
        double fy = cv - y0;
        int i00 = (y0 * width + x0) * stride;
        int i01 = (y0 * width + x1) * stride;
        int i10 = (y1 * width + x0) * stride;
        int i11 = (y1 * width + x1) * stride;
        double x00 = xs[i00 + offsetX];
        double x01 = xs[i01 + offsetX];
        double x10 = xs[i10 + offsetX];
        double x11 = xs[i11 + offsetX];
        double y00 = ys[i00 + offsetY];
        double y01 = ys[i01 + offsetY];
        double y10 = ys[i10 + offsetY];
        double y11 = ys[i11 + offsetY];
        double xTop = x00 + fx * (x01 - x00);
        double xBottom = x10 + fx * (x11 - x10);
        double yTop = y00 + fx * (y01 - y00);
        double yBottom = y10 + fx * (y11 - y10);
        mx = xTop + fy * (xBottom - xTop) + (u - cu);
        my = yTop + fy * (yBottom - yTop) + (v - cv);
        // Clamped directions: the map moves with u there (d/du = 1, the other derivative 0).
        boolean inU = u == cu && x1 != x0;
        boolean inV = v == cv && y1 != y0;
        j00 = inU ? (1 - fy) * (x01 - x00) + fy * (x11 - x10) : 1;
        j10 = inU ? (1 - fy) * (y01 - y00) + fy * (y11 - y10) : 0;
        j01 = inV ? xBottom - xTop : 0;
        j11 = inV ? yBottom - yTop : 1;
    }
}
