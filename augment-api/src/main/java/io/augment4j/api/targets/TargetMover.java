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
 * <p>Local warps ({@link #follow(Sample, Sample, PointMap)}): keypoints move through the point map; a box becomes the
 * box enclosing its moved outline, sampled every 8 pixels or less along each edge (corners included) and, around
 * the samples that could hold one of the four extremes, down to 1 pixel. That assumes the displacement is smooth at the scale of 8
 * pixels, as grid distortion (cubic between nodes), elastic (Gaussian-blurred noise) and optical distortion are; a
 * bump narrower than that between two coarse samples can be missed, by at most its height.
 */
public final class TargetMover {
    private static final int ELLIPSE_POINTS = 360;
    /** Coarse spacing of outline samples on a local warp, in pixels. */
    private static final double OUTLINE_STEP = 8;
    /** Spacing the outline's extremes are refined to, in pixels. */
    private static final double OUTLINE_FINE = 1;
    /** A coarse local extreme is refined when its parabola comes this close (pixels) to the best value so far. */
    private static final double REFINE_SLACK = 0.1;

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
        for (BoundingBox b : input.boxes()) {
            BoundingBox moved = moveOutline(b, map);
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
        double[] p = map.map(k.x(), k.y());
        if (p == null || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
            return null;
        }
        if (!k.hasAngle() && !k.hasScale()) {
            return k.moved(p[0], p[1], k.angle(), k.scale());
        }
        double h = 0.5;
        double[] xp = map.map(k.x() + h, k.y());
        double[] xm = map.map(k.x() - h, k.y());
        double[] yp = map.map(k.x(), k.y() + h);
        double[] ym = map.map(k.x(), k.y() - h);
        if (xp == null || xm == null || yp == null || ym == null) {
            return k.moved(p[0], p[1], k.angle(), k.scale());
        }
        double[] jac = {(xp[0] - xm[0]) / (2 * h), (yp[0] - ym[0]) / (2 * h),
                (xp[1] - xm[1]) / (2 * h), (yp[1] - ym[1]) / (2 * h)};
        return withJacobian(k, p, jac);
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
     * The box enclosing {@code b}'s moved outline. Local warps' displacement fields are smooth, so the outline is
     * sampled coarsely (each edge in equal steps of at most 8 pixels, corners included), then
     * each of the four extremes (smallest and largest moved x and y) is refined by halving the spacing down to 1
     * pixel around every coarse local extreme whose parabola (through it and its two neighbours) comes within 0.1
     * pixel of the best value found: the box encloses every point evaluated.
     */
    private static BoundingBox moveOutline(BoundingBox b, PointMap map) {
        double w = b.width();
        double h = b.height();
        double[] edges = {w, h, w, h};
        int n = 0;
        int[] counts = new int[4];
        for (int e = 0; e < 4; e++) {
            counts[e] = Math.max(1, (int) Math.ceil(edges[e] / OUTLINE_STEP));
            n += counts[e];
        }
        double[] ts = new double[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        boolean[] ok = new boolean[n];
        Outline o = new Outline(b, map);
        int k = 0;
        double start = 0;
        for (int e = 0; e < 4; e++) {
            for (int i = 0; i < counts[e]; i++) {
                ts[k] = start + edges[e] * i / counts[e];
                ok[k] = o.at(ts[k]);
                xs[k] = o.p[0];
                ys[k] = o.p[1];
                k++;
            }
            start += edges[e];
        }
        if (!(o.x0 <= o.x1 && o.y0 <= o.y1)) {
            return null;
        }
        // Refine each extreme (minimum x, minimum y, maximum x, maximum y, as maxima of sign * value) around every
        // coarse local maximum whose parabola through it and its neighbours could reach the best value found.
        double[] f = new double[n];
        double[] peak = new double[n];
        for (int m = 0; m < 4; m++) {
            boolean useX = m % 2 == 0;
            double sign = m < 2 ? -1 : 1;
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                f[i] = ok[i] ? sign * (useX ? xs[i] : ys[i]) : Double.NEGATIVE_INFINITY;
                best = Math.max(best, f[i]);
            }
            for (int i = 0; i < n; i++) {
                int prev = i == 0 ? n - 1 : i - 1;
                int next = i == n - 1 ? 0 : i + 1;
                peak[i] = ok[i] && f[i] > f[prev] && f[i] >= f[next]
                        ? parabolaPeak(f[prev], f[i], f[next], gap(ts, prev, i, o.perimeter),
                        gap(ts, i, next, o.perimeter))
                        : Double.NEGATIVE_INFINITY;
            }
            while (true) {
                int c = -1;
                for (int i = 0; i < n; i++) {
                    if (peak[i] > Double.NEGATIVE_INFINITY && (c < 0 || peak[i] > peak[c])) {
                        c = i;
                    }
                }
                if (c < 0 || peak[c] < best - REFINE_SLACK) {
                    break;
                }
                peak[c] = Double.NEGATIVE_INFINITY;
                int prev = c == 0 ? n - 1 : c - 1;
                int next = c == n - 1 ? 0 : c + 1;
                best = Math.max(best, refine(o, useX, sign, ts[c], f[c], gap(ts, prev, c, o.perimeter),
                        gap(ts, c, next, o.perimeter)));
            }
        }
        return b.withEdges(o.x0, o.y0, o.x1, o.y1);
    }

    /** Arc length from sample {@code i} to sample {@code j} (the next one, wrapping past the last). */
    private static double gap(double[] ts, int i, int j, double perimeter) {
        return j > i ? ts[j] - ts[i] : ts[j] + perimeter - ts[i];
    }

    /**
     * The highest value of the parabola through {@code (-gl, a), (0, fc), (gr, b)} on {@code [-gl, gr]} ({@code fc}
     * if it is not concave).
     */
    private static double parabolaPeak(double a, double fc, double b, double gl, double gr) {
        if (!(gl > 0 && gr > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            return fc;
        }
        double da = a - fc;
        double db = b - fc;
        double beta = (da / gl + db / gr) / (gl + gr);
        if (!(beta < 0)) {
            return fc;
        }
        double alpha = db / gr - beta * gr;
        double t = Math.max(-gl, Math.min(gr, -alpha / (2 * beta)));
        return fc + alpha * t + beta * t * t;
    }

    /**
     * Halves the spacing around outline point {@code c} (value {@code fc} of {@code sign * x} or {@code sign * y},
     * neighbours {@code gl} before and {@code gr} after) towards the larger value, down to 1 pixel; the best value.
     */
    private static double refine(Outline o, boolean useX, double sign, double c, double fc, double gl, double gr) {
        while (gl > OUTLINE_FINE || gr > OUTLINE_FINE) {
            double fl = Double.NEGATIVE_INFINITY;
            double fr = Double.NEGATIVE_INFINITY;
            if (gl > OUTLINE_FINE && o.at(c - gl / 2)) {
                fl = sign * (useX ? o.p[0] : o.p[1]);
            }
            if (gr > OUTLINE_FINE && o.at(c + gr / 2)) {
                fr = sign * (useX ? o.p[0] : o.p[1]);
            }
            if (fl > fc && fl >= fr) {
                c -= gl / 2;
                fc = fl;
                gl /= 2;
                gr = gl;
            } else if (fr > fc) {
                c += gr / 2;
                fc = fr;
                gr /= 2;
                gl = gr;
            } else {
                gl /= 2;
                gr /= 2;
            }
        }
        return fc;
    }

    /** A box outline walked by arc length from its top-left corner, clockwise on screen, growing the moved box. */
    private static final class Outline {
        final double[] p = new double[2];
        final double perimeter;
        private final BoundingBox b;
        private final PointMap map;
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;

        Outline(BoundingBox b, PointMap map) {
            this.b = b;
            this.map = map;
            this.perimeter = 2 * (b.width() + b.height());
        }

        /** Moves the outline point at arc length {@code t} into {@link #p}; {@code false} if it has no image. */
        boolean at(double t) {
            double w = b.width();
            double h = b.height();
            if (t < 0) {
                t += perimeter;
            } else if (t >= perimeter) {
                t -= perimeter;
            }
            double x;
            double y;
            if (t < w) {
                x = b.xMin() + t;
                y = b.yMin();
            } else if (t < w + h) {
                x = b.xMax();
                y = Math.min(b.yMax(), b.yMin() + (t - w));
            } else if (t < 2 * w + h) {
                x = Math.max(b.xMin(), b.xMax() - (t - w - h));
                y = b.yMax();
            } else {
                x = b.xMin();
                y = Math.max(b.yMin(), b.yMax() - (t - 2 * w - h));
            }
            if (!map.mapInto(x, y, p)) {
                return false;
            }
            x0 = Math.min(x0, p[0]);
            y0 = Math.min(y0, p[1]);
            x1 = Math.max(x1, p[0]);
            y1 = Math.max(y1, p[1]);
            return true;
        }
    }
}
