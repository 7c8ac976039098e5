package io.augment4j.api.targets;

import io.augment4j.api.BoundingBox;
import io.augment4j.api.Keypoint;
import io.augment4j.api.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves boxes and keypoints through the map that moved the pixels, so there is one draw and one map for everything.
 * Transforms call it; it does not filter (see {@link TargetOptions}).
 *
 * <p>A matrix here is what the image was warped by: 3x3, row-major, on pixel-centre coordinates (pixel
 * {@code (col, row)} at {@code (col, row)}, OpenCV's convention). Boxes and keypoints live in continuous coordinates
 * (pixel {@code i} covers {@code [i, i + 1)}), so a point {@code p} moves to {@code M (p - 0.5) + 0.5}: under a
 * horizontal flip ({@code x -> W - 1 - x} on centres) a box edge {@code x} goes to {@code W - x}.
 *
 * <p>Boxes: the box enclosing the moved corners ({@link BoxMethod#CORNERS}) or the moved inscribed ellipse
 * ({@link BoxMethod#ELLIPSE}); for maps that keep edges axis-aligned (flips, crops, resizes, pads, quarter turns)
 * both are the exact moved box. Keypoints: position by the map; angle and scale by its Jacobian at the point (see
 * {@link Keypoint}). A box or keypoint the map sends to infinity (beyond a perspective horizon) is dropped.
 *
 * <p>Local warps ({@link #follow(Sample, Sample, PointMap)}): keypoints move through the point map (angle and scale
 * through its Jacobian, {@link PointMap#mapWithJacobian}); a box becomes the box enclosing its moved outline. A map
 * that can find that box directly says so ({@link PointMap#enclose}): the maps given by their values at pixel centres
 * (elastic distortion's) scan each moved edge pixel column by pixel column, exactly for their bilinear map, and move
 * the 4 corners. Otherwise, and for an edge about a pixel long or less (no pixel column crosses it), the
 * outline is sampled every {@link PointMap#outlineSpacing} pixels or less along each edge (corners included),
 * with the extremes between samples found on the cubic Hermite curve through them and the points there moved too
 * (see {@code Outline.move}). That assumes the map is close to a cubic at that scale, which the map declares (grid
 * distortion: half its node spacing; elastic: twice its blur's sigma, at most 8 px; optical distortion: an eighth of
 * the image); a bump narrower than that between two samples can be missed, by at most its height.
 */
public final class TargetMover {
    private static final int ELLIPSE_POINTS = 360;

    private TargetMover() {
    }

    /**
     * {@code output} with {@code input}'s boxes and keypoints moved by {@code matrix}; {@code output} itself when
     * {@code input} has none.
     */
    public static Sample follow(Sample input, Sample output, double[] matrix, BoxMethod method) {
        if (input.boxes().isEmpty() && input.keypoints().isEmpty()) {
            return output;
        }
        double[] m = continuous(matrix);
        List<BoundingBox> boxes = new ArrayList<>(input.boxes().size());
        for (BoundingBox b : input.boxes()) {
            BoundingBox moved = moveBox(b, m, method);
            if (moved != null) {
                boxes.add(moved);
            }
        }
        List<Keypoint> kps = new ArrayList<>(input.keypoints().size());
        for (Keypoint k : input.keypoints()) {
            Keypoint moved = moveKeypoint(k, m);
            if (moved != null) {
                kps.add(moved);
            }
        }
        return output.withBoxes(boxes).withKeypoints(kps);
    }

    /** {@code output} with {@code input}'s boxes and keypoints moved through {@code map} (continuous coordinates). */
    public static Sample follow(Sample input, Sample output, PointMap map) {
        if (input.boxes().isEmpty() && input.keypoints().isEmpty()) {
            return output;
        }
        List<BoundingBox> boxes = new ArrayList<>(input.boxes().size());
        Outline outline = null;
        double[] edges = new double[4];
        for (BoundingBox b : input.boxes()) {
            BoundingBox moved;
            if (map.enclose(b.xMin(), b.yMin(), b.xMax(), b.yMax(), edges)) {
                moved = b.withEdges(edges[0], edges[1], edges[2], edges[3]);
            } else {
                outline = outline == null ? new Outline(map) : outline;
                moved = outline.move(b);
            }
            if (moved != null) {
                boxes.add(moved);
            }
        }
        List<Keypoint> kps = new ArrayList<>(input.keypoints().size());
        for (Keypoint k : input.keypoints()) {
            Keypoint moved = moveKeypoint(k, map);
            if (moved != null) {
                kps.add(moved);
            }
        }
        return output.withBoxes(boxes).withKeypoints(kps);
    }

    /** The matrix on continuous coordinates equivalent to {@code m} on pixel centres: {@code T(0.5) m T(-0.5)}. */
    public static double[] continuous(double[] m) {
        double[] r = m.clone();
        // Right-multiplying by T(-0.5) shifts the third column; left-multiplying by T(0.5) adds 0.5 * row 3.
        r[2] = m[2] - 0.5 * (m[0] + m[1]);
        r[5] = m[5] - 0.5 * (m[3] + m[4]);
        r[8] = m[8] - 0.5 * (m[6] + m[7]);
        for (int c = 0; c < 3; c++) {
            r[c] += 0.5 * r[6 + c];
            r[3 + c] += 0.5 * r[6 + c];
        }
        return r;
    }

    /** Maps a point by a continuous-coordinate matrix; {@code null} if it goes to infinity. */
    static double[] apply(double[] m, double x, double y) {
        double w = m[6] * x + m[7] * y + m[8];
        if (!(w > 1e-12) && !(w < -1e-12)) {
            return null;
        }
        double px = (m[0] * x + m[1] * y + m[2]) / w;
        double py = (m[3] * x + m[4] * y + m[5]) / w;
        return Double.isFinite(px) && Double.isFinite(py) ? new double[] {px, py} : null;
    }

    /** A box moved by the continuous-coordinate matrix {@code m}, or {@code null} if it goes to infinity. */
    public static BoundingBox moveBox(BoundingBox b, double[] m, BoxMethod method) {
        boolean affine = m[6] == 0 && m[7] == 0 && m[8] == 1;
        if (method == BoxMethod.ELLIPSE && affine) {
            // The inscribed ellipse maps to an ellipse whose half-extents follow from the linear part.
            double a = b.width() / 2;
            double bb = b.height() / 2;
            double[] c = apply(m, b.xMin() + a, b.yMin() + bb);
            double ex = Math.hypot(m[0] * a, m[1] * bb);
            double ey = Math.hypot(m[3] * a, m[4] * bb);
            return b.withEdges(c[0] - ex, c[1] - ey, c[0] + ex, c[1] + ey);
        }
        double[] xs;
        double[] ys;
        if (method == BoxMethod.ELLIPSE) {
            xs = new double[ELLIPSE_POINTS];
            ys = new double[ELLIPSE_POINTS];
            for (int i = 0; i < ELLIPSE_POINTS; i++) {
                double t = 2 * Math.PI * i / ELLIPSE_POINTS;
                xs[i] = (b.xMin() + b.xMax()) / 2 + b.width() / 2 * Math.cos(t);
                ys[i] = (b.yMin() + b.yMax()) / 2 + b.height() / 2 * Math.sin(t);
            }
        } else {
            xs = new double[] {b.xMin(), b.xMax(), b.xMax(), b.xMin()};
            ys = new double[] {b.yMin(), b.yMin(), b.yMax(), b.yMax()};
        }
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            double[] p = apply(m, xs[i], ys[i]);
            if (p == null) {
                return null;
            }
            x0 = Math.min(x0, p[0]);
            y0 = Math.min(y0, p[1]);
            x1 = Math.max(x1, p[0]);
            y1 = Math.max(y1, p[1]);
        }
        return b.withEdges(x0, y0, x1, y1);
    }

    /** A keypoint moved by the continuous-coordinate matrix {@code m}, or {@code null} if it goes to infinity. */
    public static Keypoint moveKeypoint(Keypoint k, double[] m) {
        double[] p = apply(m, k.x(), k.y());
        if (p == null) {
            return null;
        }
        double w = m[6] * k.x() + m[7] * k.y() + m[8];
        double[] jac = {
                (m[0] - p[0] * m[6]) / w, (m[1] - p[0] * m[7]) / w,
                (m[3] - p[1] * m[6]) / w, (m[4] - p[1] * m[7]) / w};
        return withJacobian(k, p, jac);
    }

    private static Keypoint moveKeypoint(Keypoint k, PointMap map) {
        double[] p = new double[6];
        if (!k.hasAngle() && !k.hasScale()) {
            return map.mapInto(k.x(), k.y(), p) ? k.moved(p[0], p[1], k.angle(), k.scale()) : null;
        }
        if (!map.mapWithJacobian(k.x(), k.y(), p)) {
            return null;
        }
        return withJacobian(k, p, new double[] {p[2], p[3], p[4], p[5]});
    }

    /** Angle (counter-clockwise on screen, so direction {@code (cos a, -sin a)}) and scale through {@code jac}. */
    private static Keypoint withJacobian(Keypoint k, double[] p, double[] jac) {
        double angle = k.angle();
        if (k.hasAngle()) {
            double dx = Math.cos(angle);
            double dy = -Math.sin(angle);
            double nx = jac[0] * dx + jac[1] * dy;
            double ny = jac[2] * dx + jac[3] * dy;
            angle = Math.atan2(-ny, nx);
        }
        double scale = k.scale();
        if (k.hasScale()) {
            double t = jac[0] * jac[0] + jac[1] * jac[1] + jac[2] * jac[2] + jac[3] * jac[3];
            double d = jac[0] * jac[3] - jac[1] * jac[2];
            scale *= Math.sqrt((t + Math.sqrt(Math.max(0, t * t - 4 * d * d))) / 2);
        }
        return k.moved(p[0], p[1], angle, scale);
    }

    /**
     * Box outlines moved through one map: the samples of the current box (input point, moved point, Jacobian) and
     * the moved box growing around them. Its buffers are reused from box to box.
     */
    private static final class Outline {
        /** Gain (px) a candidate extreme must promise over the box so far to be moved. */
        private static final double SLACK = 0.05;
        /** Gain (px) under which refining an extreme stops. */
        private static final double GAIN = 0.005;
        private static final int MAX_REFINE = 4;
        /** The largest weight of a slope in a cubic Hermite curve on [0, 1]: max of t (1 - t)^2. */
        private static final double HERMITE_SLOPE_BOUND = 4.0 / 27;

        private final PointMap map;
        private final double step;
        private final double[] cx = new double[4];
        private final double[] cy = new double[4];
        private final int[] counts = new int[4];
        private int n;
        private double[] xs = new double[0];
        private double[] ys = new double[0];
        private double[] qs = new double[0];
        private boolean[] ok = new boolean[0];
        private final double[] p = new double[6];
        /** Real roots found by {@link #quadraticRoots}: {@code roots[0 .. rootCount - 1]}. */
        private final double[] roots = new double[2];
        private int rootCount;
        // The bracket polish() narrows: both coordinates' values and slopes per unit t at its two ends.
        private final double[] fa = new double[2];
        private final double[] ma = new double[2];
        private final double[] fb = new double[2];
        private final double[] mb = new double[2];
        private double x0;
        private double y0;
        private double x1;
        private double y1;

        Outline(PointMap map) {
            this.map = map;
            this.step = map.outlineSpacing();
        }

        /**
         * The box enclosing {@code b}'s moved outline. Local warps' displacement fields are smooth, so each edge is
         * sampled in equal steps of at most the map's {@link PointMap#outlineSpacing} (corners included), each sample
         * with the map's Jacobian, which gives the moved edge's direction there. Between two samples the moved edge is
         * the cubic Hermite curve through them; wherever that cubic has an interior extreme in x or y coming within
         * 0.05 px of the box found so far, the point there is moved too (the map's search starting at the cubic's
         * point), and again at the extreme of the cubic through it and the sample on the other side of the turn, until
         * the next step would gain under 0.005 px (at most 4 times). The box encloses every point moved, nothing
         * extrapolated.
         */
        BoundingBox move(BoundingBox b) {
            start(b);
            return walk() ? b.withEdges(x0, y0, x1, y1) : null;
        }

        /** Lays out {@code b}'s samples: corners clockwise on screen from the top-left, edge e from corner e on. */
        private void start(BoundingBox b) {
            cx[0] = b.xMin();
            cx[1] = b.xMax();
            cx[2] = b.xMax();
            cx[3] = b.xMin();
            cy[0] = b.yMin();
            cy[1] = b.yMin();
            cy[2] = b.yMax();
            cy[3] = b.yMax();
            int total = 0;
            for (int e = 0; e < 4; e++) {
                counts[e] = Math.max(1, (int) Math.ceil(length(e) / step));
                total += counts[e];
            }
            n = total;
            if (xs.length < n) {
                xs = new double[n];
                ys = new double[n];
                qs = new double[6 * n];
                ok = new boolean[n];
            }
            int k = 0;
            for (int e = 0; e < 4; e++) {
                int f = (e + 1) % 4;
                for (int i = 0; i < counts[e]; i++) {
                    double t = (double) i / counts[e];
                    xs[k] = cx[e] + t * (cx[f] - cx[e]);
                    ys[k] = cy[e] + t * (cy[f] - cy[e]);
                    k++;
                }
            }
            x0 = Double.POSITIVE_INFINITY;
            y0 = Double.POSITIVE_INFINITY;
            x1 = Double.NEGATIVE_INFINITY;
            y1 = Double.NEGATIVE_INFINITY;
        }

        private double length(int e) {
            return Math.abs(cx[(e + 1) % 4] - cx[e]) + Math.abs(cy[(e + 1) % 4] - cy[e]);
        }

        /** Moves the samples, then refines the extremes between them; {@code false} if no point has an image. */
        boolean walk() {
            for (int i = 0; i < n; i++) {
                ok[i] = move(xs[i], ys[i]);
                System.arraycopy(p, 0, qs, 6 * i, 6);
            }
            if (!(x0 <= x1 && y0 <= y1)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                int j = i == n - 1 ? 0 : i + 1;
                if (ok[i] && ok[j]) {
                    for (int c = 0; c < 2; c++) {
                        refine(i, j, c);
                    }
                }
            }
            return true;
        }

        /**
         * Refines the extremes of coordinate {@code c} (0: x, 1: y) of the moved edge between samples {@code i} and
         * {@code j}: the roots of the Hermite cubic's derivative inside.
         */
        private void refine(int i, int j, int c) {
            double dx = xs[j] - xs[i];
            double dy = ys[j] - ys[i];
            double f0 = qs[6 * i + c];
            double f1 = qs[6 * j + c];
            // Derivatives along the segment, per unit of its parameter t in [0, 1].
            double m0 = qs[6 * i + 2 + 2 * c] * dx + qs[6 * i + 3 + 2 * c] * dy;
            double m1 = qs[6 * j + 2 + 2 * c] * dx + qs[6 * j + 3 + 2 * c] * dy;
            if (!(dx != 0 || dy != 0)) {
                return;
            }
            // p(t) = f0 + m0 t + bq t^2 + cq t^3; p'(t) = m0 + 2 bq t + 3 cq t^2.
            // The curve stays within max(f0, f1) + 4/27 (|m0| + |m1|) and the mirror bound below: most segments (the
            // coordinate along an edge, or a side far from the box's) cannot reach the box and need no roots.
            double reach = HERMITE_SLOPE_BOUND * (Math.abs(m0) + Math.abs(m1));
            double lo = c == 0 ? x0 : y0;
            double hi = c == 0 ? x1 : y1;
            if (Math.max(f0, f1) + reach <= hi - SLACK && Math.min(f0, f1) - reach >= lo + SLACK) {
                return;
            }
            double bq = 3 * (f1 - f0) - 2 * m0 - m1;
            double cq = 2 * (f0 - f1) + m0 + m1;
            quadraticRoots(3 * cq, 2 * bq, m0);
            int found = rootCount;
            double r0 = roots[0];
            double r1 = roots[1];
            for (int q = 0; q < found; q++) {
                double t = q == 0 ? r0 : r1;
                if (!(t > 0 && t < 1)) {
                    continue;
                }
                double value = f0 + t * (m0 + t * (bq + t * cq));
                double curvature = 2 * bq + 6 * cq * t;
                // A maximum (curvature < 0) matters against the upper edge of the box, a minimum against the lower.
                double sign = curvature < 0 ? 1 : -1;
                double best = sign > 0 ? (c == 0 ? x1 : y1) : -(c == 0 ? x0 : y0);
                if (sign * value > best - SLACK) {
                    polish(i, j, dx, dy, c, sign, t);
                }
            }
        }

        /**
         * Moves the point at {@code t} of the segment from sample {@code i} to sample {@code j} (direction
         * {@code (dx, dy)}), starting the map's search at the Hermite curves' point there, then narrows the bracket of
         * the turn to the side where the derivative changes sign and moves its cubic's extreme, while that promises a
         * gain of {@link #GAIN} or more.
         */
        private void polish(int i, int j, double dx, double dy, int c, double sign, double t) {
            double ta = 0;
            double tb = 1;
            // Both coordinates at the bracket's ends: value and slope per unit t.
            for (int k = 0; k < 2; k++) {
                fa[k] = qs[6 * i + k];
                ma[k] = slope(qs, 6 * i, k, dx, dy);
                fb[k] = qs[6 * j + k];
                mb[k] = slope(qs, 6 * j, k, dx, dy);
            }
            for (int round = 0; round < MAX_REFINE; round++) {
                double h = tb - ta;
                double s = (t - ta) / h;
                double gx = hermite(fa[0], ma[0] * h, fb[0], mb[0] * h, s);
                double gy = hermite(fa[1], ma[1] * h, fb[1], mb[1] * h, s);
                if (!move(xs[i] + t * dx, ys[i] + t * dy, gx, gy)) {
                    return;
                }
                // Keep the half whose ends' slopes still bracket the turn (for a maximum of sign * f: + then -).
                boolean lower = sign * slope(p, 0, c, dx, dy) > 0;
                double[] fe = lower ? fa : fb;
                double[] me = lower ? ma : mb;
                for (int k = 0; k < 2; k++) {
                    fe[k] = p[k];
                    me[k] = slope(p, 0, k, dx, dy);
                }
                if (lower) {
                    ta = t;
                } else {
                    tb = t;
                }
                h = tb - ta;
                if (!(h > 1e-9)) {
                    return;
                }
                // The Hermite cubic of coordinate c on [ta, tb] in its own parameter s = (t - ta) / h.
                double sa = ma[c] * h;
                double sb = mb[c] * h;
                double bq = 3 * (fb[c] - fa[c]) - 2 * sa - sb;
                double cq = 2 * (fa[c] - fb[c]) + sa + sb;
                double next = Double.NaN;
                double nextValue = Double.NEGATIVE_INFINITY;
                quadraticRoots(3 * cq, 2 * bq, sa);
                for (int q = 0; q < rootCount; q++) {
                    double r = roots[q];
                    if (r > 0 && r < 1) {
                        double v = sign * (fa[c] + r * (sa + r * (bq + r * cq)));
                        if (v > nextValue) {
                            nextValue = v;
                            next = ta + r * h;
                        }
                    }
                }
                if (Double.isNaN(next) || nextValue < sign * p[c] + GAIN) {
                    return;
                }
                t = next;
            }
        }

        /** Slope per unit of the segment's parameter of coordinate {@code c} of the point at {@code q[o..o + 5]}. */
        private static double slope(double[] q, int o, int c, double dx, double dy) {
            return q[o + 2 + 2 * c] * dx + q[o + 3 + 2 * c] * dy;
        }

        /** The cubic Hermite curve through {@code (0, f0)} and {@code (1, f1)} with slopes {@code m0, m1}, at s. */
        private static double hermite(double f0, double m0, double f1, double m1, double s) {
            double bq = 3 * (f1 - f0) - 2 * m0 - m1;
            double cq = 2 * (f0 - f1) + m0 + m1;
            return f0 + s * (m0 + s * (bq + s * cq));
        }

        /**
         * The real roots of {@code a t^2 + b t + c} into {@link #roots} and {@link #rootCount} (one if {@code a} is 0;
         * none if there are none).
         */
        private void quadraticRoots(double a, double b, double c) {
            if (Math.abs(a) < 1e-12 * (Math.abs(b) + Math.abs(c)) || a == 0) {
                rootCount = b == 0 ? 0 : 1;
                roots[0] = -c / b;
                return;
            }
            double disc = b * b - 4 * a * c;
            if (disc < 0) {
                rootCount = 0;
                return;
            }
            // The stable form: no cancellation between b and the root of the discriminant.
            double q = -0.5 * (b + Math.copySign(Math.sqrt(disc), b));
            if (q == 0) {
                rootCount = 1;
                roots[0] = 0;
                return;
            }
            rootCount = 2;
            roots[0] = q / a;
            roots[1] = c / q;
        }

        /** Moves input point {@code (x, y)} into {@link #p} with its Jacobian, growing the box; false if none. */
        private boolean move(double x, double y) {
            return map.mapWithJacobian(x, y, p) && grow();
        }

        /** {@link #move(double, double)} for a point expected to land near {@code (gx, gy)}. */
        private boolean move(double x, double y, double gx, double gy) {
            return map.mapWithJacobian(x, y, gx, gy, p) && grow();
        }

        private boolean grow() {
            x0 = Math.min(x0, p[0]);
            y0 = Math.min(y0, p[1]);
            x1 = Math.max(x1, p[0]);
            y1 = Math.max(y1, p[1]);
            return true;
        }
    }
}
