package io.augment4j.trainer.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.api.Rng;
import org.junit.jupiter.api.Test;

class ControlledRoundingTest {

    /** Rows sum to 3, 2, 2, 1; columns to 4, 2, 2: a table whose totals are already whole. */
    private static final double[][] TARGET = {
        {1.4, 0.9, 0.7},
        {0.6, 0.5, 0.9},
        {1.5, 0.3, 0.2},
        {0.5, 0.3, 0.2},
    };

    @Test
    void keepsEveryCellsExpectationAndBothTotalsExactly() {
        int[][] lo = new int[4][3];
        int[][] hi = new int[4][3];
        for (int k = 0; k < 4; k++) {
            for (int p = 0; p < 3; p++) {
                lo[k][p] = (int) Math.floor(TARGET[k][p]);
                hi[k][p] = (int) Math.ceil(TARGET[k][p]);
            }
        }
        int seeds = 4000;
        double[][] sum = new double[4][3];
        for (int seed = 0; seed < seeds; seed++) {
            int[][] x = ControlledRounding.round(lo, hi, TARGET, new int[] {3, 2, 2, 1}, new int[] {4, 2, 2},
                    Rng.of(seed));
            assertNotNull(x);
            int[] cols = new int[3];
            for (int k = 0; k < 4; k++) {
                assertEquals(new int[] {3, 2, 2, 1}[k], x[k][0] + x[k][1] + x[k][2], "row " + k);
                for (int p = 0; p < 3; p++) {
                    assertTrue(x[k][p] == lo[k][p] || x[k][p] == hi[k][p], "floor or ceiling");
                    sum[k][p] += x[k][p];
                    cols[p] += x[k][p];
                }
            }
            assertArrayEquals(new int[] {4, 2, 2}, cols);
        }
        for (int k = 0; k < 4; k++) {
            for (int p = 0; p < 3; p++) {
                double f = TARGET[k][p] - Math.floor(TARGET[k][p]);
                double sd = Math.sqrt(seeds * f * (1 - f));
                assertEquals(TARGET[k][p] * seeds, sum[k][p], 4 * sd + 1e-9, "mean of cell " + k + "," + p);
            }
        }
    }

    @Test
    void repairMovesUnitsAlongAugmentingPathsOrSaysItCannot() {
        // row 0 may only use column 0, which row 1 holds: the unit must move row 1 to column 1
        int[][] unit = {{0, 0}, {1, 0}};
        int[][] cap = {{1, 0}, {1, 1}};
        assertTrue(ControlledRounding.repair(unit, cap, new int[] {1, 1}, new int[] {1, 1}, new Rng(1)));
        assertArrayEquals(new int[][] {{1, 0}, {0, 1}}, unit);
        // both rows can only use column 0, which takes one unit
        assertFalse(ControlledRounding.repair(new int[2][2], new int[][] {{1, 0}, {1, 0}}, new int[] {1, 1},
                new int[] {1, 1}, new Rng(1)));
    }
}
