package io.augment4j.api.targets;

/**
 * Inverts a backward map numerically: a local warp's output pixel {@code (u, v)} reads the input at {@code (mapX,
 * mapY)} (pixel-centre coordinates, row-major); this finds, for an input point, the output point that reads it, by
 * Newton's method on a {@link BackwardMap} (for the constructors taking arrays, the bilinearly interpolated map, its
 * displacement held constant beyond the border), halving a step until the residual shrinks. Once the residual is under
 * the map's {@link BackwardMap#residualTolerance} (0.01 px for the constructors taking arrays), one last Newton step
 * through the Jacobian in hand is taken without another look-up (it leaves an error of the order of the residual
 * squared times how fast the map's Jacobian changes). Converges when the displacement varies slowly (its gradient well
 * below 1), as in grid, elastic and optical distortion; the point of smallest residual is returned otherwise. Points
 * are in continuous coordinates, as {@link PointMap} says; {@link #mapWithJacobian} gives the inverse's Jacobian as the
 * inverse of the map's Jacobian at the answer, at no extra cost. It also carries the outline spacing its warp declares
 * ({@link #outlineSpacing}).
 *
 * <p>Not thread-safe: a search starts from the previous call's answer, moved by the step between the two input
 * points through the inverse of the map's Jacobian there (plus a second-order term from how that Jacobian changed
 * since the call before), when they lie within 16 pixels or twice the outline spacing of each other (neighbouring
 * points of a box outline), from the caller's guess where one is given, and from the input point itself otherwise
 * or when that start does not converge. Create one per sample.
 */
public final class BackwardMapInverse implements PointMap {
    private static final int MAX_ITERATIONS = 30;
    private static final double WARM_RADIUS = 16;

    /** Outline spacing of the wrappers of arrays: suits displacement smooth at the scale of 8 pixels. */
    private static final double DEFAULT_SPACING = 8;

    private final BackwardMap backward;
    private final double spacing;
    private final double warmRadius;
    /** Residual (px) under which the search ends with one unchecked Newton step: the map's tolerance. */
    private final double accept;
    /** The last sample(): map value and its Jacobian (d map / d (u, v)), as {@link BackwardMap#sample} writes. */
    private final double[] s = new double[6];
    /** {@link #enclose}'s scratch: the box in pixel-centre coordinates, then each moved corner. */
    private final double[] scratch = new double[4];
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
    // The solve before: input point and the inverse's Jacobian at its answer (for the second-order warm start).
    private boolean hasPrev;
    private double prevPx;
    private double prevPy;
    private double prevG00;
    private double prevG01;
    private double prevG10;
    private double prevG11;

    /**
     * Inverts {@code backward}; box outlines moved through this inverse are sampled every {@code outlineSpacing}
     * pixels or less (see {@link #outlineSpacing}).
     */
    public BackwardMapInverse(BackwardMap backward, double outlineSpacing) {
        if (!(outlineSpacing > 0)) {
            throw new IllegalArgumentException("outline spacing must be positive, got " + outlineSpacing);
        }
        this.backward = backward;
        this.spacing = outlineSpacing;
        this.warmRadius = Math.max(WARM_RADIUS, 2 * outlineSpacing);
        this.accept = backward.residualTolerance();
        if (!(accept > 0)) {
            throw new IllegalArgumentException("the map's residual tolerance must be positive, got " + accept);
        }
    }

    /**
     * Wraps the arrays (not copied; the caller must not change them while this is in use); outline spacing 8 px.
     */
    public BackwardMapInverse(float[] mapX, float[] mapY, int height, int width) {
        this(new SampledBackwardMap(mapX, mapY, 0, 0, 1, height, width), DEFAULT_SPACING);
        if (mapX.length < height * width || mapY.length < height * width) {
            throw new IllegalArgumentException("maps need " + height * width + " values");
        }
    }

    /**
     * Wraps one interleaved map, {@code (x, y)} pairs row by row ({@code CV_32FC2}'s layout), not copied: the caller
     * must not change it while the inverse is in use. Outline spacing 8 px.
     */
    public static BackwardMapInverse interleaved(float[] mapXY, int height, int width) {
        if (mapXY.length < 2 * height * width) {
            throw new IllegalArgumentException("the interleaved map needs " + 2 * height * width + " values");
        }
        return new BackwardMapInverse(new SampledBackwardMap(mapXY, mapXY, 0, 1, 2, height, width), DEFAULT_SPACING);
    }

    /** A fresh inverse of the same map with another outline spacing (pixels, positive). */
    public BackwardMapInverse withOutlineSpacing(double outlineSpacing) {
        return new BackwardMapInverse(backward, outlineSpacing);
    }

    /** The spacing given at construction (8 px for the wrappers of arrays). */
    @Override
    public double outlineSpacing() {
        return spacing;
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
        return solveFor(x, y, false, 0, 0, out);
    }

    /** The inverse's Jacobian is the inverse of the map's Jacobian where the search ended (identity if singular). */
    @Override
    public boolean mapWithJacobian(double x, double y, double[] out) {
        return withJacobian(solveFor(x, y, false, 0, 0, out), out);
    }

    /** {@link #mapWithJacobian(double, double, double[])} starting from the guess (then as a cold start if need be). */
    @Override
    public boolean mapWithJacobian(double x, double y, double guessX, double guessY, double[] out) {
        return withJacobian(solveFor(x, y, true, guessX - 0.5, guessY - 0.5, out), out);
    }

    /**
     * For the maps given by their values at pixel centres (the constructors taking arrays): the moved box from the
     * extremes of its moved edges, scanned pixel column by pixel column (exact for the bilinear map at every column;
     * between two columns the edge is taken as its chord; beyond the image, through the held border), and its 4
     * corners moved by the search. {@code false} for other maps, and for an edge that no pixel column crosses (about
     * a pixel long or less).
     */
    @Override
    public boolean enclose(double xMin, double yMin, double xMax, double yMax, double[] out) {
        if (!(backward instanceof SampledBackwardMap sampled)) {
            return false;
        }
        double[] box = scratch;
        box[0] = xMin - 0.5;
        box[1] = yMin - 0.5;
        box[2] = xMax - 0.5;
        box[3] = yMax - 0.5;
        if (!sampled.scanEdges(box, out)) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            out[i] += 0.5;
        }
        // The corners, clockwise from the top-left (the ends of the scanned edges).
        for (int c = 0; c < 4; c++) {
            if (!mapInto(c == 1 || c == 2 ? xMax : xMin, c < 2 ? yMin : yMax, scratch)) {
                return false;
            }
            out[0] = Math.min(out[0], scratch[0]);
            out[1] = Math.min(out[1], scratch[1]);
            out[2] = Math.max(out[2], scratch[0]);
            out[3] = Math.max(out[3], scratch[1]);
        }
        return true;
    }

    private boolean withJacobian(boolean ok, double[] out) {
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

    /** The search for input point {@code (x, y)}, from {@code (gu, gv)} (pixel-centre coordinates) if {@code guess}. */
    private boolean solveFor(double x, double y, boolean guess, double gu, double gv, double[] out) {
        double px = x - 0.5;
        double py = y - 0.5;
        boolean near = Math.abs(px - lastPx) <= warmRadius && Math.abs(py - lastPy) <= warmRadius;
        boolean warm = guess || hasLast && near;
        // The inverse's Jacobian at the last answer (identity if the map's is singular there).
        double det = lastJ00 * lastJ11 - lastJ01 * lastJ10;
        boolean regular = Math.abs(det) > 1e-6;
        double g00 = regular ? lastJ11 / det : 1;
        double g01 = regular ? -lastJ01 / det : 0;
        double g10 = regular ? -lastJ10 / det : 0;
        double g11 = regular ? lastJ00 / det : 1;
        if (guess) {
            solve(px, py, gu, gv);
        } else if (warm) {
            // Previous answer plus the move through the inverse's Jacobian there (one free Newton step), plus the
            // second-order term along the way the last two points came: how that Jacobian changed over the last
            // step, scaled to this one (exact for a quadratic inverse when the points lie on a line, as an edge's).
            double ex = px - lastPx;
            double ey = py - lastPy;
            double gx = g00 * ex + g01 * ey;
            double gy = g10 * ex + g11 * ey;
            double fx = lastPx - prevPx;
            double fy = lastPy - prevPy;
            double ff = fx * fx + fy * fy;
            if (hasPrev && ff > 0 && Math.abs(fx) <= warmRadius && Math.abs(fy) <= warmRadius) {
                double k = 0.5 * (ex * fx + ey * fy) / ff;
                gx += k * ((g00 - prevG00) * ex + (g01 - prevG01) * ey);
                gy += k * ((g10 - prevG10) * ex + (g11 - prevG11) * ey);
            }
            solve(px, py, lastUx + gx, lastUy + gy);
        }
        if (!warm || lastR >= accept) {
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
        hasPrev = hasLast;
        prevPx = lastPx;
        prevPy = lastPy;
        prevG00 = g00;
        prevG01 = g01;
        prevG10 = g10;
        prevG11 = g11;
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
        backward.sample(ux, uy, s);
        double rx = px - s[0];
        double ry = py - s[1];
        // Squared residuals: compared only, so no square root per trial.
        double r = rx * rx + ry * ry;
        double a00 = s[2];
        double a01 = s[3];
        double a10 = s[4];
        double a11 = s[5];
        for (int i = 0; i < MAX_ITERATIONS && r >= accept * accept; i++) {
            // Newton step on the interpolated map's own Jacobian (a plain residual step if it is singular).
            double det = a00 * a11 - a01 * a10;
            double dx = rx;
            double dy = ry;
            if (Math.abs(det) > 1e-6) {
                dx = (a11 * rx - a01 * ry) / det;
                dy = (a00 * ry - a10 * rx) / det;
            }
            // Halve the step until the residual shrinks; s then holds the Jacobian at the new point.
            boolean improved = false;
            for (int k = 0; k < 8 && !improved; k++) {
                backward.sample(ux + dx, uy + dy, s);
                double nx = px - s[0];
                double ny = py - s[1];
                double nr = nx * nx + ny * ny;
                if (nr < r) {
                    ux += dx;
                    uy += dy;
                    rx = nx;
                    ry = ny;
                    r = nr;
                    a00 = s[2];
                    a01 = s[3];
                    a10 = s[4];
                    a11 = s[5];
                    improved = true;
                }
                dx /= 2;
                dy /= 2;
            }
            if (!improved) {
                break;
            }
        }
        if (r < accept * accept) {
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
}
