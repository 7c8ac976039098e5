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
            double worst = BackwardMapChecks.worstDifferenceFromTheBuiltMap(
                    new GridBackwardMap(steps, params.offsets(), h, w), params, h, w);
            assertTrue(worst < 1e-3, steps + " steps at " + h + "x" + w + ": off by up to " + worst + " px");
        }
    }

    @Test
    void itsJacobianIsTheDerivativeOfTheMap() {
        Random rnd = new Random(32);
        for (int[] c : CASES) {
            int steps = c[0];
            BackwardMapChecks.assertJacobianIsTheDerivative(new GridBackwardMap(steps, offsets(steps, rnd), c[1], c[2]),
                    c[1], c[2], rnd, 1e-4);
        }
    }

    @Test
    void beyondTheImageTheBordersDisplacementHolds() {
        BackwardMapChecks.assertTheBordersDisplacementHolds(new GridBackwardMap(5, offsets(5, new Random(33)), 40, 60));
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
            double worst = BackwardMapChecks.worstRoundTrip(map, 22.4, rnd);
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
