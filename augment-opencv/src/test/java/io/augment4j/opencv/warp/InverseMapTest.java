package io.augment4j.opencv.warp;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.BoundingBox;
import io.augment4j.api.PixelType;
import io.augment4j.api.Sample;
import io.augment4j.api.targets.BackwardMapInverse;
import io.augment4j.api.targets.PointMap;
import io.augment4j.api.targets.TargetMover;
import io.augment4j.opencv.OpenCvRuntime;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The numerical inverse of the built-in local warps' real maps: the output point it finds for an input point reads
 * that input point back ({@code |backward(forward(p)) - p| < 0.05 px}; all points on grid and optical maps, 99.5 %
 * on elastic ones, whose fields can fold), and its Jacobian is the derivative of the
 * forward map.
 */
class InverseMapTest {
    private static final int H = 224;
    private static final int W = 224;

    /** The maps of the built-in local warps at their defaults and somewhat stronger, from fixed seeds. */
    private static MapParams[] maps() {
        Random rnd = new Random(21);
        double[] grid = new double[2 * 5 * 5];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (rnd.nextDouble() * 2 - 1) * 0.08;
        }
        return new MapParams[] {new GridDistortion.Params(5, grid), new Elastic.Params(7, 34, 4),
                new Elastic.Params(8, 80, 6), new OpticalDistortion.Params(-0.3), new OpticalDistortion.Params(0.2)};
    }

    /** The backward map at pixel-centre point (u, v), bilinear between pixels (inside the image only). */
    private static double[] backward(float[] mx, float[] my, double u, double v) {
        int x0 = (int) Math.floor(u);
        int y0 = (int) Math.floor(v);
        double fx = u - x0;
        double fy = v - y0;
        double[] r = new double[2];
        float[][] maps = {mx, my};
        for (int c = 0; c < 2; c++) {
            float[] m = maps[c];
            double top = m[y0 * W + x0] * (1 - fx) + m[y0 * W + x0 + 1] * fx;
            double bottom = m[(y0 + 1) * W + x0] * (1 - fx) + m[(y0 + 1) * W + x0 + 1] * fx;
            r[c] = top * (1 - fy) + bottom * fy;
        }
        return r;
    }

    @Test
    void theInverseReadsPointsBackWithinAFiftiethOfAPixel() {
        OpenCvRuntime.ensureLoaded();
        Random rnd = new Random(22);
        for (MapParams params : maps()) {
            float[] mx = new float[H * W];
            float[] my = new float[H * W];
            params.sourceCoordinates(H, W, mx, my);
            readsPointsBack(params, new BackwardMapInverse(mx, my, H, W), mx, my, rnd);
        }
    }

    /** The same for the inverse the transforms use (grid distortion's evaluated from its nodes, not the copy). */
    @Test
    void theWarpsOwnInverseReadsPointsBackWithinAFiftiethOfAPixel() {
        OpenCvRuntime.ensureLoaded();
        Random rnd = new Random(24);
        for (MapParams params : maps()) {
            float[] mx = new float[H * W];
            float[] my = new float[H * W];
            params.sourceCoordinates(H, W, mx, my);
            try (RemapMaps maps = params.maps(H, W)) {
                readsPointsBack(params, params.pointMap(maps), mx, my, rnd);
            }
        }
    }

    private static void readsPointsBack(MapParams params, PointMap inv, float[] mx, float[] my, Random rnd) {
        double worst = 0;
        int checked = 0;
        int far = 0;
        double x = W / 2.0;
        double y = H / 2.0;
        for (int i = 0; i < 2000; i++) {
            // Random jumps (cold starts) and short steps (warm starts, as along a box outline).
            if (i % 3 == 0) {
                x = 10 + rnd.nextDouble() * (W - 20);
                y = 10 + rnd.nextDouble() * (H - 20);
            } else {
                x = Math.max(10, Math.min(W - 10, x + rnd.nextGaussian() * 4));
                y = Math.max(10, Math.min(H - 10, y + rnd.nextGaussian() * 4));
            }
            double[] out = new double[6];
            assertTrue(inv.mapWithJacobian(x, y, out), params + " at " + x + ", " + y);
            double u = out[0] - 0.5;
            double v = out[1] - 0.5;
            if (u < 0 || v < 0 || u >= W - 1 || v >= H - 1) {
                continue;
            }
            double[] back = backward(mx, my, u, v);
            double e = Math.hypot(back[0] - (x - 0.5), back[1] - (y - 0.5));
            worst = Math.max(worst, e);
            if (e >= 0.05) {
                far++;
            }
            checked++;
        }
        // The default elastic field folds at a rare point (no exact inverse there: the point of smallest residual).
        assertTrue(far * 200 <= checked, params + ": " + far + " of " + checked + " points off by 0.05 px or more");
        if (!(params instanceof Elastic.Params)) {
            assertTrue(worst < 0.05, params + ": |backward(forward(p)) - p| up to " + worst + " px");
        }
        assertTrue(checked > 1500, params + ": checked " + checked);
    }

    /**
     * Boxes moved through each warp's own inverse, with the outline spacing it declares (22 px on the default grid,
     * 28 px on optical distortion), match their outline moved every 0.05 px: within 0.05 px (and never beyond it) on
     * grid and optical distortion, within 0.05 px on the default elastic field (optical and elastic boxes are scanned
     * edge by edge), and within half a pixel on the strong elastic field, which folds often (its inverse is not
     * unique there).
     */
    @Test
    void boxesThroughEachWarpsOwnInverseMatchTheirDenseOutline() {
        OpenCvRuntime.ensureLoaded();
        Random rnd = new Random(25);
        for (MapParams params : maps()) {
            try (RemapMaps maps = params.maps(H, W)) {
                // Elastic boxes are scanned edge by edge: exact but where the scan gives up (an edge crossing a fold).
                // The strong field (alpha 80) folds often, and there the outline's inverse is not unique.
                double tolerance = params instanceof Elastic.Params e && e.alpha() > 50 ? 0.5 : 0.05;
                for (int trial = 0; trial < 12; trial++) {
                    double x0 = 5 + rnd.nextDouble() * 100;
                    double y0 = 5 + rnd.nextDouble() * 100;
                    BoundingBox box = new BoundingBox(x0, y0, x0 + 10 + rnd.nextDouble() * 100,
                            y0 + 10 + rnd.nextDouble() * 100, "b");
                    Sample in = Sample.of(ArrayImage.zeros(H, W, 1, PixelType.UINT8)).withBoxes(List.of(box));
                    BoundingBox moved = TargetMover.follow(in, in, params.pointMap(maps)).boxes().get(0);
                    PointMap inv = params.pointMap(maps);
                    double[] ref = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                            Double.NEGATIVE_INFINITY};
                    double[] p = new double[2];
                    for (int e = 0; e < 4; e++) {
                        int n = (int) Math.ceil((e % 2 == 0 ? box.width() : box.height()) / 0.05);
                        for (int i = 0; i <= n; i++) {
                            double t = (double) i / n;
                            double x = e == 1 ? box.xMax() : e == 3 ? box.xMin() : box.xMin() + t * box.width();
                            double y = e == 0 ? box.yMin() : e == 2 ? box.yMax() : box.yMin() + t * box.height();
                            assertTrue(inv.mapInto(x, y, p));
                            ref[0] = Math.min(ref[0], p[0]);
                            ref[1] = Math.min(ref[1], p[1]);
                            ref[2] = Math.max(ref[2], p[0]);
                            ref[3] = Math.max(ref[3], p[1]);
                        }
                    }
                    String msg = params + ": " + box + " -> " + moved + " vs " + Arrays.toString(ref);
                    assertEquals(ref[0], moved.xMin(), tolerance, msg);
                    assertEquals(ref[1], moved.yMin(), tolerance, msg);
                    assertEquals(ref[2], moved.xMax(), tolerance, msg);
                    assertEquals(ref[3], moved.yMax(), tolerance, msg);
                    if (!(params instanceof Elastic.Params)) {
                        assertTrue(moved.xMin() >= ref[0] - 1e-3 && moved.yMin() >= ref[1] - 1e-3
                                && moved.xMax() <= ref[2] + 1e-3 && moved.yMax() <= ref[3] + 1e-3, msg);
                    }
                }
            }
        }
    }

    @Test
    void theInversesJacobianIsTheDerivativeOfTheMovedPoint() {
        OpenCvRuntime.ensureLoaded();
        Random rnd = new Random(23);
        for (MapParams params : maps()) {
            float[] mx = new float[H * W];
            float[] my = new float[H * W];
            params.sourceCoordinates(H, W, mx, my);
            int close = 0;
            for (int i = 0; i < 200; i++) {
                double x = 20 + rnd.nextDouble() * (W - 40);
                double y = 20 + rnd.nextDouble() * (H - 40);
                double[] j = new double[6];
                new BackwardMapInverse(mx, my, H, W).mapWithJacobian(x, y, j);
                // Central differences over half a pixel: the bilinear map's Jacobian jumps between pixels (strongly in
                // the elastic fields), so compare loosely and count.
                double h = 0.25;
                double[] xp = new BackwardMapInverse(mx, my, H, W).map(x + h, y);
                double[] xm = new BackwardMapInverse(mx, my, H, W).map(x - h, y);
                double[] yp = new BackwardMapInverse(mx, my, H, W).map(x, y + h);
                double[] ym = new BackwardMapInverse(mx, my, H, W).map(x, y - h);
                double[] fd = {(xp[0] - xm[0]) / (2 * h), (yp[0] - ym[0]) / (2 * h), (xp[1] - xm[1]) / (2 * h),
                        (yp[1] - ym[1]) / (2 * h)};
                double err = 0;
                for (int k = 0; k < 4; k++) {
                    err = Math.max(err, Math.abs(fd[k] - j[2 + k]));
                }
                if (err < 0.3) {
                    close++;
                }
            }
            assertTrue(close >= 180, params + ": " + close + " of 200 Jacobians within 0.3 of central differences");
        }
    }

    @Test
    void theIdentityMapInvertsToItself() {
        float[] mx = new float[20 * 30];
        float[] my = new float[20 * 30];
        for (int v = 0; v < 20; v++) {
            for (int u = 0; u < 30; u++) {
                mx[v * 30 + u] = u;
                my[v * 30 + u] = v;
            }
        }
        double[] out = new double[6];
        new BackwardMapInverse(mx, my, 20, 30).mapWithJacobian(12.25, 7.75, out);
        assertEquals(12.25, out[0], 1e-12);
        assertEquals(7.75, out[1], 1e-12);
        assertEquals(1, out[2], 1e-12);
        assertEquals(0, out[3], 1e-12);
        assertEquals(0, out[4], 1e-12);
        assertEquals(1, out[5], 1e-12);
    }
}
