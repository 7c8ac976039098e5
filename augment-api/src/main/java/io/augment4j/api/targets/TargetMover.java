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
 * box enclosing its moved outline, sampled at most every 2 pixels along each edge.
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

    private static BoundingBox moveOutline(BoundingBox b, PointMap map) {
        int nx = Math.max(2, (int) Math.ceil(b.width() / 2)) + 1;
        int ny = Math.max(2, (int) Math.ceil(b.height() / 2)) + 1;
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        double[][] pts = new double[2 * nx + 2 * ny][];
        int k = 0;
        for (int i = 0; i < nx; i++) {
            double x = b.xMin() + b.width() * i / (nx - 1);
            pts[k++] = new double[] {x, b.yMin()};
            pts[k++] = new double[] {x, b.yMax()};
        }
        for (int j = 0; j < ny; j++) {
            double y = b.yMin() + b.height() * j / (ny - 1);
            pts[k++] = new double[] {b.xMin(), y};
            pts[k++] = new double[] {b.xMax(), y};
        }
        for (double[] q : pts) {
            double[] p = map.map(q[0], q[1]);
            if (p == null || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                continue;
            }
            x0 = Math.min(x0, p[0]);
            y0 = Math.min(y0, p[1]);
            x1 = Math.max(x1, p[0]);
            y1 = Math.max(y1, p[1]);
        }
        return x0 <= x1 && y0 <= y1 ? b.withEdges(x0, y0, x1, y1) : null;
    }
}
