package io.augment4j.opencv.warp;

import io.augment4j.api.targets.BackwardMapInverse;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Optical distortion's backward map evaluated from its formula is the map {@code initUndistortRectifyMap} builds at
 * every pixel, and its Jacobian is the derivative of that map.
 */
class RadialBackwardMapTest {
    /** (k, height, width): the default range's ends, stronger barrel and pincushion, non-square, tiny. */
    private static final double[][] CASES = {
            {0.05, 224, 224}, {-0.05, 224, 224}, {-0.3, 150, 100}, {0.4, 64, 300}, {0.02, 5, 4}};

    @Test
    void equalsOpenCvsMapAtEveryPixelWithinItsFloatRounding() {
        for (double[] c : CASES) {
            int h = (int) c[1];
            int w = (int) c[2];
            OpticalDistortion.Params params = new OpticalDistortion.Params(c[0]);
            float[] mx = new float[h * w];
            float[] my = new float[h * w];
            params.sourceCoordinates(h, w, mx, my);
            RadialBackwardMap map = new RadialBackwardMap((float) c[0], h, w);
            double[] out = new double[6];
            double worst = 0;
            for (int v = 0; v < h; v++) {
                for (int u = 0; u < w; u++) {
                    map.sample(u, v, out);
                    worst = Math.max(worst, Math.abs(out[0] - mx[v * w + u]));
                    worst = Math.max(worst, Math.abs(out[1] - my[v * w + u]));
                }
            }
            // The OpenCV map is the same double computation stored as float: half an ulp of values up to ~300.
            assertTrue(worst < 1e-4, "k " + c[0] + " at " + h + "x" + w + ": off by up to " + worst + " px");
        }
    }

    @Test
    void itsJacobianIsTheDerivativeOfTheMap() {
        Random rnd = new Random(41);
        for (double[] c : CASES) {
            int h = (int) c[1];
            int w = (int) c[2];
            RadialBackwardMap map = new RadialBackwardMap((float) c[0], h, w);
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
                assertEquals((p[0] - m[0]) / (2 * d), out[2], 1e-5, "dx/du at " + u + ", " + v);
                assertEquals((p[1] - m[1]) / (2 * d), out[4], 1e-5, "dy/du at " + u + ", " + v);
                map.sample(u, v + d, p);
                map.sample(u, v - d, m);
                assertEquals((p[0] - m[0]) / (2 * d), out[3], 1e-5, "dx/dv at " + u + ", " + v);
                assertEquals((p[1] - m[1]) / (2 * d), out[5], 1e-5, "dy/dv at " + u + ", " + v);
            }
        }
    }

    @Test
    void beyondTheImageTheBordersDisplacementHolds() {
        RadialBackwardMap map = new RadialBackwardMap(-0.05f, 40, 60);
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
     * polynomial that lands within a thousandth of a pixel over the default range, cold starts and warm starts
     * alike, and within a hundredth at k = -0.3 (strong barrel, where the Jacobian changes six times faster).
     */
    @Test
    void itsInverseStopsAtATenthOfAPixelAndLandsWithinAThousandthAtTheDefaults() {
        Random rnd = new Random(42);
        for (float k : new float[] {0.05f, -0.05f, -0.3f}) {
            RadialBackwardMap map = new RadialBackwardMap(k, 224, 224);
            assertEquals(0.1, map.residualTolerance());
            BackwardMapInverse inv = new BackwardMapInverse(map, 28);
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
            assertTrue(worst < (Math.abs(k) <= 0.05 ? 1e-3 : 1e-2), "k " + k + ": |map(inverse(p)) - p| up to "
                    + worst + " px");
        }
    }
}
