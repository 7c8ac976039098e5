package io.augment4j.opencv.warp;

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
            double worst = BackwardMapChecks.worstDifferenceFromTheBuiltMap(
                    new RadialBackwardMap((float) c[0], h, w), params, h, w);
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
            BackwardMapChecks.assertJacobianIsTheDerivative(new RadialBackwardMap((float) c[0], h, w), h, w, rnd, 1e-5);
        }
    }

    @Test
    void beyondTheImageTheBordersDisplacementHolds() {
        BackwardMapChecks.assertTheBordersDisplacementHolds(new RadialBackwardMap(-0.05f, 40, 60));
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
            double worst = BackwardMapChecks.worstRoundTrip(map, 28, rnd);
            assertTrue(worst < (Math.abs(k) <= 0.05 ? 1e-3 : 1e-2), "k " + k + ": |map(inverse(p)) - p| up to "
                    + worst + " px");
        }
    }
}
