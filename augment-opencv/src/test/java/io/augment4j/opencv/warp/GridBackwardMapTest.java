package io.augment4j.opencv.warp;

import io.augment4j.api.targets.BackwardMap;
import io.augment4j.api.targets.BackwardMapInverse;
import io.augment4j.opencv.OpenCvRuntime;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grid distortion's backward map evaluated from its nodes is the map OpenCV builds ({@code resize INTER_CUBIC} plus
 * the identity) at every pixel, and its Jacobian is the derivative of that map.
 */
class GridBackwardMapTest {
    /** (steps, height, width): the default, two nodes, more nodes than fit evenly, non-square, tall and wide. */
    private static final int[][] CASES = {{5, 224, 224}, {2, 37, 50}, {7, 150, 100}, {10, 64, 300}, {3, 5, 4}};

    private static double[] offsets(int steps, Random rnd) {
        double[] o = new double[2 * steps * steps];
        for (int i = 0; i < o.length; i++) {
            o[i] = (rnd.nextDouble() * 2 - 1) * 0.1;
        }
        return o;
    }

    @Test
    void equalsOpenCvsMapAtEveryPixelWithinAThousandthOfAPixel() {
        OpenCvRuntime.ensureLoaded();
        Random rnd = new Random(31);
        for (int[] c : CASES) {
            int steps = c[0];
            int h = c[1];
            int w = c[2];
            GridDistortion.Params params = new GridDistortion.Params(steps, offsets(steps, rnd));
            float[] mx = new float[h * w];
            float[] my = new float[h * w];
            params.sourceCoordinates(h, w, mx, my);
            GridBackwardMap map = new GridBackwardMap(steps, params.offsets(), h, w);
            double[] out = new double[6];
            double worst = 0;
            for (int v = 0; v < h; v++) {
                for (int u = 0; u < w; u++) {
                    map.sample(u, v, out);
                    worst = Math.max(worst, Math.abs(out[0] - mx[v * w + u]));
                    worst = Math.max(worst, Math.abs(out[1] - my[v * w + u]));
                }
            }
            assertTrue(worst < 1e-3, steps + " steps at " + h + "x" + w + ": off by up to " + worst + " px");
        }
    }

    @Test
    void itsJacobianIsTheDerivativeOfTheMap() {
        Random rnd = new Random(32);
        for (int[] c : CASES) {
            int steps = c[0];
            int h = c[1];
            int w = c[2];
            GridBackwardMap map = new GridBackwardMap(steps, offsets(steps, rnd), h, w);
            double[] out = new double[6];
            double[] p = new double[6];
            double[] m = new double[6];
            double d = 1e-6;
            for (int i = 0; i < 500; i++) {
                double u = d + rnd.nextDouble() * (w - 1 - 2 * d);
                double v = d + rnd.nextDouble() * (h - 1 - 2 * d);
                map.sample(u, v, out);
                map.sample(u + d, v, p);
                map.sample(u - d, v, m);
                assertEquals((p[0] - m[0]) / (2 * d), out[2], 1e-4, "dx/du at " + u + ", " + v);
                assertEquals((p[1] - m[1]) / (2 * d), out[4], 1e-4, "dy/du at " + u + ", " + v);
                map.sample(u, v + d, p);
                map.sample(u, v - d, m);
                assertEquals((p[0] - m[0]) / (2 * d), out[3], 1e-4, "dx/dv at " + u + ", " + v);
                assertEquals((p[1] - m[1]) / (2 * d), out[5], 1e-4, "dy/dv at " + u + ", " + v);
            }
        }
    }

    @Test
    void beyondTheImageTheBordersDisplacementHolds() {
        GridBackwardMap map = new GridBackwardMap(5, offsets(5, new Random(33)), 40, 60);
        double[] edge = new double[6];
        double[] out = new double[6];
        map.sample(0, 12.5, edge);
        map.sample(-7, 12.5, out);
        assertEquals(edge[0] - 7, out[0], 1e-12);
        assertEquals(edge[1], out[1], 1e-12);
        assertEquals(1, out[2], 1e-12);
        assertEquals(0, out[4], 1e-12);
        map.sample(59, 39, edge);
        map.sample(70, 45, out);
        assertEquals(edge[0] + 11, out[0], 1e-12);
        assertEquals(edge[1] + 6, out[1], 1e-12);
        assertEquals(1, out[2], 1e-12);
        assertEquals(0, out[3], 1e-12);
        assertEquals(0, out[4], 1e-12);
        assertEquals(1, out[5], 1e-12);
    }

    /**
     * The inverse stops its search at the map's 0.1 px residual and takes one unchecked Newton step: on this smooth
     * cubic that lands within a thousandth of a pixel at the default +-5 % of the side, cold starts and warm starts
     * alike, and within a hundredth at +-8 %, where the grid nearly folds (the error grows as the Jacobian's
     * determinant shrinks; at +-10 % the default grid folds and has no unique inverse).
     */
    @Test
    void itsInverseStopsAtATenthOfAPixelAndLandsWithinAThousandthAtTheDefaults() {
        Random rnd = new Random(34);
        for (double limit : new double[] {0.05, 0.08}) {
            double[] o = new double[2 * 5 * 5];
            for (int i = 0; i < o.length; i++) {
                o[i] = (rnd.nextDouble() * 2 - 1) * limit;
            }
            GridBackwardMap map = new GridBackwardMap(5, o, 224, 224);
            assertEquals(0.1, map.residualTolerance());
            BackwardMapInverse inv = new BackwardMapInverse(map, 22.4);
            double[] out = new double[6];
            double[] back = new double[6];
            double x = 112;
            double y = 112;
            double worst = 0;
            for (int i = 0; i < 2000; i++) {
                if (i % 3 == 0) {
                    x = 2 + rnd.nextDouble() * 220;
                    y = 2 + rnd.nextDouble() * 220;
                } else {
                    x = Math.max(2, Math.min(222, x + rnd.nextGaussian() * 8));
                    y = Math.max(2, Math.min(222, y + rnd.nextGaussian() * 8));
                }
                assertTrue(inv.mapInto(x, y, out));
                // Continuous coordinates in and out; the map works on pixel centres.
                map.sample(out[0] - 0.5, out[1] - 0.5, back);
                worst = Math.max(worst, Math.hypot(back[0] + 0.5 - x, back[1] + 0.5 - y));
            }
            assertTrue(worst < (limit < 0.06 ? 1e-3 : 1e-2), "+-" + limit + ": |map(inverse(p)) - p| up to " + worst + " px");
        }
    }

    @Test
    void anInverseRefusesAMapWithoutAPositiveTolerance() {
        BackwardMap zero = new BackwardMap() {
            @Override
            public void sample(double u, double v, double[] out) {
                out[0] = u;
                out[1] = v;
                out[2] = 1;
                out[3] = 0;
                out[4] = 0;
                out[5] = 1;
            }

            @Override
            public double residualTolerance() {
                return 0;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> new BackwardMapInverse(zero, 8));
    }
}
