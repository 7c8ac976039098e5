package io.augment4j.opencv.warp;

import io.augment4j.api.targets.BackwardMapInverse;
import io.augment4j.opencv.OpenCvRuntime;
import org.junit.jupiter.api.Test;

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
            BackwardMapInverse inv = new BackwardMapInverse(mx, my, H, W);
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
