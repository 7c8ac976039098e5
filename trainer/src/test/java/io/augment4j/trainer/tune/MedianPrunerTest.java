package io.augment4j.trainer.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Optuna's MedianPruner rules: complete trials only, startup trials, warm-up epochs, best-so-far against the median. */
class MedianPrunerTest {

    private static TrialRecord t(int n, TrialState s, Double... curve) {
        return new TrialRecord(n, Map.of(), s, List.of(curve), null, null, 0, null);
    }

    private static final List<TrialRecord> FOUR = List.of(
            t(0, TrialState.COMPLETE, 0.9, 0.3), t(1, TrialState.COMPLETE, 0.9, 0.5),
            t(2, TrialState.COMPLETE, 0.9, 0.7), t(3, TrialState.COMPLETE, 0.9, 0.9),
            // Not complete: never part of the median.
            t(4, TrialState.PRUNED, 0.0, 0.0), t(5, TrialState.RUNNING, 0.0, 0.0));

    @Test
    void prunesWhenTheBestSoFarIsWorseThanTheMedianOfCompleteTrials() {
        MedianPruner p = new MedianPruner(4, 0);
        // Median of 0.3, 0.5, 0.7, 0.9 at epoch 1: 0.6.
        assertNotNull(p.prune(t(9, TrialState.RUNNING, 0.8, 0.65), 1, FOUR, Direction.MINIMIZE));
        assertNull(p.prune(t(9, TrialState.RUNNING, 0.8, 0.6), 1, FOUR, Direction.MINIMIZE), "equal goes on");
        assertNull(p.prune(t(9, TrialState.RUNNING, 0.55, 0.8), 1, FOUR, Direction.MINIMIZE), "the best so far counts");
        assertNull(p.prune(t(9, TrialState.RUNNING, 0.9, 0.55), 1, FOUR, Direction.MAXIMIZE));
        assertNotNull(p.prune(t(9, TrialState.RUNNING, 0.5, 0.55), 1, FOUR, Direction.MAXIMIZE));
        assertEquals(0.7, MedianPruner.median(List.of(0.9, 0.7, 0.3)));
    }

    @Test
    void waitsForStartupTrialsAndWarmUp() {
        TrialRecord bad = t(9, TrialState.RUNNING, 5.0, 5.0);
        assertNull(new MedianPruner(5, 0).prune(bad, 1, FOUR, Direction.MINIMIZE), "4 complete < 5");
        assertNull(new MedianPruner(0, 0).prune(bad, 1, List.of(), Direction.MINIMIZE), "no complete trial");
        assertNull(new MedianPruner(4, 2).prune(bad, 1, FOUR, Direction.MINIMIZE), "epoch 1 < warm-up 2");
        assertNotNull(new MedianPruner(4, 1).prune(bad, 1, FOUR, Direction.MINIMIZE));
        assertNull(new MedianPruner(4, 0).prune(t(9, TrialState.RUNNING, 5.0, 5.0, 5.0), 2, FOUR, Direction.MINIMIZE),
                "no complete trial ran epoch 2");
    }

    @Test
    void nanIsIgnoredInTheBestAndACurveOfNanIsPruned() {
        MedianPruner p = new MedianPruner(1, 0);
        assertNull(p.prune(t(9, TrialState.RUNNING, 0.2, Double.NaN), 1, FOUR, Direction.MINIMIZE));
        assertNotNull(p.prune(t(9, TrialState.RUNNING, Double.NaN, Double.NaN), 1, FOUR, Direction.MINIMIZE));
    }
}
