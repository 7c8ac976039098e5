package io.augment4j.opencv.warp;

import io.augment4j.api.targets.BackwardMap;
import io.augment4j.api.targets.BackwardMapInverse;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks every backward map evaluated from a warp's parameters must pass (grid and optical distortion's). */
final class BackwardMapChecks {
    private BackwardMapChecks() {
    }

    /**
     * The largest difference, in pixels, between {@code map} at every pixel centre of an {@code h x w} image and the
     * per-pixel map the warp's {@code params} build for {@code remap}.
     */
    static double worstDifferenceFromTheBuiltMap(BackwardMap map, MapParams params, int h, int w) {
        float[] mx = new float[h * w];
        float[] my = new float[h * w];
        params.sourceCoordinates(h, w, mx, my);
        double[] out = new double[6];
        double worst = 0;
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                map.sample(u, v, out);
                worst = Math.max(worst, Math.abs(out[0] - mx[v * w + u]));
                worst = Math.max(worst, Math.abs(out[1] - my[v * w + u]));
            }
        }
        return worst;
    }

    /** The Jacobian {@code map} gives equals central differences of its value, within {@code tol}, at 500 points. */
    static void assertJacobianIsTheDerivative(BackwardMap map, int h, int w, Random rnd, double tol) {
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
            assertEquals((p[0] - m[0]) / (2 * d), out[2], tol, "dx/du at " + u + ", " + v);
            assertEquals((p[1] - m[1]) / (2 * d), out[4], tol, "dy/du at " + u + ", " + v);
            map.sample(u, v + d, p);
            map.sample(u, v - d, m);
            assertEquals((p[0] - m[0]) / (2 * d), out[3], tol, "dx/dv at " + u + ", " + v);
            assertEquals((p[1] - m[1]) / (2 * d), out[5], tol, "dy/dv at " + u + ", " + v);
        }
    }

    /**
     * Beyond the image of a 40 x 60 map, left of it and beyond its bottom-right corner, the displacement is the
     * border's: the map moves one for one with the point and its Jacobian is the identity.
     */
    static void assertTheBordersDisplacementHolds(BackwardMap map) {
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
     * The largest {@code |map(inverse(p)) - p|} over 2000 points of a 224 x 224 image inverted with {@code spacing}:
     * a third of them random (cold starts), the rest a random walk (warm starts from the point before).
     */
    static double worstRoundTrip(BackwardMap map, double spacing, Random rnd) {
        BackwardMapInverse inv = new BackwardMapInverse(map, spacing);
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
        return worst;
    }
}
