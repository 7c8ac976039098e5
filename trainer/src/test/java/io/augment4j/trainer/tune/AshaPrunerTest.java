package io.augment4j.trainer.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * ASHA decisions worked by hand from the published rule (Li et al.; Optuna's SuccessiveHalvingPruner):
 * at rung k (after min_epochs * eta^k epochs) a trial goes on when it is among the best
 * max(1, floor(n / eta)) of the n values recorded at that rung so far, itself included.
 */
class AshaPrunerTest {

    /** A study in progress: every trial's curve so far; epochs are reported one at a time, in a chosen order. */
    private static final class Study {
        final AshaPruner pruner;
        final Direction direction;
        final Map<Integer, List<Double>> curves = new TreeMap<>();
        final Map<Integer, TrialState> states = new TreeMap<>();

        Study(AshaPruner pruner, Direction direction) {
            this.pruner = pruner;
            this.direction = direction;
        }

        /** Trial {@code n} finishes its next epoch with {@code value}: true when it goes on. */
        boolean report(int n, double value) {
            curves.computeIfAbsent(n, k -> new ArrayList<>()).add(value);
            states.put(n, TrialState.RUNNING);
            List<TrialRecord> others = new ArrayList<>();
            curves.forEach((k, c) -> {
                if (k != n) {
                    others.add(new TrialRecord(k, Map.of(), states.get(k), c, null, null, 0, null));
                }
            });
            TrialRecord me = new TrialRecord(n, Map.of(), TrialState.RUNNING, curves.get(n), null, null, 0, null);
            String reason = pruner.prune(me, curves.get(n).size() - 1, others, direction);
            if (reason != null) {
                states.put(n, TrialState.PRUNED);
            }
            return reason == null;
        }
    }

    @Test
    void rungsAreAtMinEpochsTimesEtaToTheKCountedFromOne() {
        AshaPruner a = new AshaPruner(1, 3);
        assertEquals(0, a.rungAt(1));
        assertEquals(-1, a.rungAt(2));
        assertEquals(1, a.rungAt(3));
        assertEquals(2, a.rungAt(9));
        assertEquals(3, a.rungAt(27));
        assertEquals(-1, a.rungAt(0));
        AshaPruner b = new AshaPruner(2, 2);
        assertEquals(List.of(-1, 0, -1, 1, -1, -1, -1, 2), List.of(b.rungAt(1), b.rungAt(2), b.rungAt(3), b.rungAt(4),
                b.rungAt(5), b.rungAt(6), b.rungAt(7), b.rungAt(8)));
        assertThrows(IllegalArgumentException.class, () -> new AshaPruner(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new AshaPruner(1, 1));
    }

    @Test
    void trialsArrivingAtRungZeroOneByOne() {
        Study s = new Study(new AshaPruner(1, 3), Direction.MINIMIZE);
        assertTrue(s.report(0, 0.50), "n=1, keep 1: the only value is the best");
        assertEquals(false, s.report(1, 0.60), "n=2, keep 1: 0.50 is better");
        assertTrue(s.report(2, 0.40), "n=3, keep 1: the new best");
        assertEquals(false, s.report(3, 0.45), "n=4, keep 1 (0.40)");
        assertEquals(false, s.report(4, 0.42), "n=5, keep 1");
        assertTrue(s.report(5, 0.41), "n=6, keep 2: 0.40, 0.41");
        assertTrue(s.report(6, 0.41), "n=7, keep 2: 0.40, 0.41, 0.41 -> a tie with the cut goes on");
        assertEquals(false, s.report(7, 0.415), "n=8, keep 2: cut 0.41");
        assertTrue(s.report(8, 0.30), "n=9, keep 3");
    }

    @Test
    void laterRungsCompareOnlyTrialsThatReachedThem() {
        Study s = new Study(new AshaPruner(1, 3), Direction.MINIMIZE);
        assertTrue(s.report(0, 0.9));
        assertEquals(false, s.report(1, 1.0)); // pruned at rung 0: never reaches rung 1
        assertTrue(s.report(0, 0.8), "epoch 2 is not a rung: nothing is decided");
        assertTrue(s.report(0, 0.7), "rung 1 (epoch 3): alone there");
        assertTrue(s.report(2, 0.5), "rung 0: 0.5 beats 0.9 and 1.0");
        assertTrue(s.report(2, 0.6));
        assertEquals(false, s.report(2, 0.75), "rung 1: n=2 (0.70, 0.75), keep 1");
        assertTrue(s.report(3, 0.2));
        assertTrue(s.report(3, 0.2));
        assertTrue(s.report(3, 0.65), "rung 1: n=3 (0.65, 0.70, 0.75), keep 1: the best");
        // Trial 0 reaches rung 2 (epoch 9): alone there, it goes on even with a worse value.
        for (int e = 4; e <= 8; e++) {
            assertTrue(s.report(0, 0.7));
        }
        assertTrue(s.report(0, 5.0));
    }

    @Test
    void maximizingKeepsTheLargestValues() {
        Study s = new Study(new AshaPruner(1, 2), Direction.MAXIMIZE);
        assertTrue(s.report(0, 0.80));
        assertTrue(s.report(1, 0.85), "n=2, eta 2, keep 1: the largest");
        assertEquals(false, s.report(2, 0.82), "n=3, keep 1: 0.85");
        assertTrue(s.report(3, 0.83), "n=4, keep 2: 0.85, 0.83");
    }

    @Test
    void nanStopsATrialAndIsLeftOutOfTheOthers() {
        Study s = new Study(new AshaPruner(1, 3), Direction.MINIMIZE);
        assertEquals(false, s.report(0, Double.NaN));
        assertTrue(s.report(1, 0.9), "the NaN of trial 0 is not a competitor");
        TrialRecord me = new TrialRecord(1, Map.of(), TrialState.RUNNING, List.of(0.9), null, null, 0, null);
        assertNull(new AshaPruner(1, 3).prune(me, 0, List.of(me), Direction.MINIMIZE), "itself counts once");
        String why = new AshaPruner(1, 3).prune(me, 0,
                List.of(new TrialRecord(2, Map.of(), TrialState.COMPLETE, List.of(0.1), 0.1, 0, 0, null)),
                Direction.MINIMIZE);
        assertNotNull(why);
        assertTrue(why.startsWith("ASHA rung 0 (epoch 1): 0.9"), why);
    }
}
