package io.augment4j.trainer.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.augment4j.trainer.loop.EarlyStopping.Decision;
import io.augment4j.trainer.loop.EarlyStoppingConfig.Mode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Early stopping against scripted metric sequences, no DJL involved. */
class EarlyStoppingTest {

    /** @return the 0-based epoch at which it stops, or -1 if it runs through */
    private static int stopEpoch(EarlyStoppingConfig c, double... values) {
        EarlyStopping es = new EarlyStopping(c);
        for (int e = 0; e < values.length; e++) {
            if (es.onEpochEnd(e, Map.of(c.monitor(), values[e])) == Decision.STOP) {
                return e;
            }
        }
        return -1;
    }

    private static EarlyStoppingConfig cfg(String monitor, Mode mode, double minDelta, int patience,
            Double baseline, int start) {
        return new EarlyStoppingConfig(monitor, mode, minDelta, patience, baseline, false, start);
    }

    @Test
    void minModeStopsAfterPatienceEpochsWithoutImprovement() {
        // best at epoch 1; epochs 2,3 do not improve -> stop at 3 with patience 2
        assertEquals(3, stopEpoch(cfg("val_loss", Mode.MIN, 0, 2, null, 0), 1.0, 0.5, 0.6, 0.55, 0.1));
        // comparison is with the best, not the previous epoch (DJL's mistake)
        assertEquals(4, stopEpoch(cfg("val_loss", Mode.MIN, 0, 3, null, 0), 1.0, 0.5, 0.9, 0.8, 0.7));
    }

    @Test
    void maxModeTreatsHigherAsBetter() {
        assertEquals(-1, stopEpoch(cfg("val_accuracy", Mode.MAX, 0, 1, null, 0), 0.5, 0.6, 0.7, 0.8));
        assertEquals(2, stopEpoch(cfg("val_accuracy", Mode.MAX, 0, 1, null, 0), 0.5, 0.6, 0.55, 0.9));
        // the same rising sequence in MIN mode stops at the first non-decrease
        assertEquals(1, stopEpoch(cfg("val_accuracy", Mode.MIN, 0, 1, null, 0), 0.5, 0.6, 0.7));
    }

    @Test
    void autoModeReadsTheMetricName() {
        assertEquals(true, EarlyStopping.resolveMinimize(EarlyStoppingConfig.of("val_loss", 1)));
        assertEquals(false, EarlyStopping.resolveMinimize(EarlyStoppingConfig.of("val_accuracy", 1)));
        assertEquals(false, EarlyStopping.resolveMinimize(EarlyStoppingConfig.of("auc", 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new EarlyStopping(EarlyStoppingConfig.of("val_weirdness", 1)));
        assertEquals(-1, stopEpoch(cfg("val_weirdness", Mode.MAX, 0, 1, null, 0), 1, 2, 3));
    }

    @Test
    void minDeltaIgnoresTinyImprovements() {
        // improvements of 0.005 < min_delta 0.01 do not count
        assertEquals(2, stopEpoch(cfg("val_loss", Mode.MIN, 0.01, 2, null, 0), 1.0, 0.995, 0.99, 0.985));
        assertEquals(-1, stopEpoch(cfg("val_loss", Mode.MIN, 0.001, 2, null, 0), 1.0, 0.995, 0.99, 0.985));
        // negative min_delta is taken as its absolute value, as in Keras
        assertEquals(0.01, cfg("l", Mode.MIN, -0.01, 1, null, 0).minDelta());
        assertEquals(2, stopEpoch(cfg("acc", Mode.MAX, 0.01, 2, null, 0), 0.5, 0.505, 0.509));
    }

    @Test
    void baselineMustBeBeatenBeforeWaitResets() {
        // never below baseline 0.3: the wait is never reset, so the first flat epoch after
        // `patience` epochs stops (without the baseline it would stop one epoch later)
        assertEquals(2, stopEpoch(cfg("val_loss", Mode.MIN, 0, 2, 0.3, 0), 1.0, 0.9, 0.9, 0.9, 0.9));
        assertEquals(3, stopEpoch(cfg("val_loss", Mode.MIN, 0, 2, null, 0), 1.0, 0.9, 0.9, 0.9, 0.9));
        // as in Keras, an improving epoch never stops, baseline or not
        assertEquals(-1, stopEpoch(cfg("val_loss", Mode.MIN, 0, 1, 0.3, 0), 1.0, 0.9, 0.8, 0.7));
        // beats the baseline at epoch 1: the wait resets there
        assertEquals(3, stopEpoch(cfg("val_loss", Mode.MIN, 0, 2, 0.3, 0), 1.0, 0.2, 0.25, 0.25));
        // max mode baseline
        assertEquals(1, stopEpoch(cfg("val_accuracy", Mode.MAX, 0, 2, 0.9, 0), 0.5, 0.5, 0.95));
        assertEquals(-1, stopEpoch(cfg("val_accuracy", Mode.MAX, 0, 2, null, 0), 0.5, 0.5, 0.95));
    }

    @Test
    void startFromEpochIgnoresWarmUpEpochs() {
        // epochs 0-2 ignored (even their great 0.1); monitoring starts at 0.9
        assertEquals(5, stopEpoch(cfg("val_loss", Mode.MIN, 0, 2, null, 3), 0.1, 0.1, 0.1, 0.9, 1.0, 1.0));
        EarlyStopping es = new EarlyStopping(cfg("val_loss", Mode.MIN, 0, 2, null, 3));
        assertEquals(Decision.SKIPPED, es.onEpochEnd(0, Map.of("val_loss", 0.1)));
        assertNull(es.best());
    }

    @Test
    void missingMonitorIsSkippedAndPatienceZeroStopsAtFirstNonImprovement() {
        EarlyStopping es = new EarlyStopping(cfg("val_loss", Mode.MIN, 0, 0, null, 0));
        assertEquals(Decision.SKIPPED, es.onEpochEnd(0, Map.of("loss", 1.0)));
        assertEquals(Decision.IMPROVED, es.onEpochEnd(1, Map.of("val_loss", 1.0)));
        assertEquals(Decision.STOP, es.onEpochEnd(2, Map.of("val_loss", 1.0)));
        assertEquals(1, es.bestEpoch());
        assertEquals(2, es.stoppedEpoch());
    }

    @Test
    void neverStopsAtEpochZero() {
        assertEquals(-1, stopEpoch(cfg("val_loss", Mode.MIN, 0, 0, 0.0, 0), 1.0));
    }
}
