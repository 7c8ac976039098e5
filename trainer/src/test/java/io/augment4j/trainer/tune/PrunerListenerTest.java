package io.augment4j.trainer.tune;

import static io.augment4j.trainer.TrainingFixture.DATA;
import static io.augment4j.trainer.TrainingFixture.SPLIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.trainer.TrainingFixture;
import io.augment4j.trainer.loop.FitResult;
import io.augment4j.trainer.loop.LoopConfig;
import io.augment4j.trainer.loop.LoopListeners;
import io.augment4j.trainer.loop.TrainingLoop;
import io.augment4j.trainer.model.ActivationType;
import io.augment4j.trainer.model.DenseLayer;
import io.augment4j.trainer.model.Init;
import io.augment4j.trainer.model.MlpConfig;
import io.augment4j.trainer.model.Regularization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pruner stops a real training run cleanly after the epoch it decides on, keeping the partial curve. */
class PrunerListenerTest {

    private static final MlpConfig MLP = new MlpConfig(
            List.of(new DenseLayer(16, 0, Regularization.NONE)), ActivationType.RELU, Init.AUTO, Regularization.NONE);

    private static FitResult fit(PrunerListener listener, int epochs) {
        LoopConfig config = TrainingFixture.config().epochs(epochs).build();
        FitResult r = new TrainingLoop(MLP, config, LoopListeners.defaults(config, listener)).fit(DATA, SPLIT, null);
        r.model().close();
        return r;
    }

    @Test
    void anAshaStopAtRungZeroEndsTheRunAfterTheFirstEpoch() {
        // Three earlier trials far better at rung 0: with n = 4 and eta 3 only the best goes on.
        List<TrialRecord> others = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            others.add(new TrialRecord(n, Map.of(), TrialState.COMPLETE, List.of(1e-6, 1e-6, 1e-6), 1e-6, 0, 1, null));
        }
        List<TrialRecord> progress = new ArrayList<>();
        PrunerListener l = new PrunerListener(new AshaPruner(1, 3), () -> others, 3,
                Map.of("optimizer.learning_rate", 0.01), "val_loss", Direction.MINIMIZE, progress::add);
        FitResult r = fit(l, 4);
        assertTrue(r.stop() != null && r.stop().completed(), "a clean stop at an epoch's end");
        assertEquals(0, r.stop().epoch());
        assertTrue(r.stop().reason().startsWith("ASHA rung 0 (epoch 1)"), r.stop().reason());
        assertEquals(1, r.history().size(), "the partial curve is kept");
        assertEquals(r.stop().reason(), l.reason());
        assertEquals(1, progress.size());
        TrialRecord last = progress.get(0);
        assertEquals(TrialState.PRUNED, last.state());
        assertEquals(List.of(r.history().get("val_loss")[0]), last.curve());
        assertEquals(last.curve().get(0), last.value());
        assertEquals(0, last.bestEpoch());
        assertEquals(3, last.number());
        assertEquals(Map.of("optimizer.learning_rate", 0.01), last.params());
    }

    @Test
    void withoutBetterTrialsTheRunGoesOnAndEveryEpochIsReported() {
        List<TrialRecord> progress = new ArrayList<>();
        PrunerListener l = new PrunerListener(new AshaPruner(1, 3), List::of, 0, Map.of(), "val_accuracy",
                Direction.MAXIMIZE, progress::add);
        FitResult r = fit(l, 3);
        assertNull(r.stop());
        assertNull(l.reason());
        assertEquals(3, progress.size());
        double[] acc = r.history().get("val_accuracy");
        for (int e = 0; e < 3; e++) {
            TrialRecord p = progress.get(e);
            assertEquals(TrialState.RUNNING, p.state());
            assertNull(p.value());
            assertEquals(Arrays.stream(acc, 0, e + 1).boxed().toList(), p.curve());
        }
        assertEquals(Arrays.stream(acc).boxed().toList(), l.curve());
    }
}
