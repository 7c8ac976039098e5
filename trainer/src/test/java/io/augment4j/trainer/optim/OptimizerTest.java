package io.augment4j.trainer.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.augment4j.trainer.TrainingFixture;
import io.augment4j.trainer.loop.TrainingLoop;
import io.augment4j.trainer.loop.FitResult;
import io.augment4j.trainer.model.ActivationType;
import io.augment4j.trainer.model.MlpConfig;
import io.augment4j.trainer.model.Regularization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    /** One update of w = [1, 2] with g = [0.5, -1] at lr 0.1; returns the new w. */
    private static float[] oneStep(ParameterOptimizer opt) {
        try (NDManager m = NDManager.newBaseManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning(); // the scope frees the optimizer's temporaries
            NDArray w = m.create(new float[] {1, 2});
            NDArray g = m.create(new float[] {0.5f, -1});
            opt.update("w", w, g, 0.1f, 1);
            return w.toFloatArray();
        }
    }

    @Test
    void updateRulesMatchTheirFormulas() {
        assertArrayEquals(new float[] {0.95f, 2.1f}, oneStep(OptimizerConfig.sgd(0.1).create()), 1e-6f);
        // v = (1-0.9) g; w -= 0.1 v
        assertArrayEquals(new float[] {0.995f, 2.01f},
                oneStep(OptimizerConfig.momentum(0.1, 0.9).create()), 1e-6f);
        // s = 0.1 g^2; w -= 0.1 g / sqrt(s) = 0.1 sign(g) sqrt(10)
        float r = (float) (0.1 * Math.sqrt(10));
        assertArrayEquals(new float[] {1 - r, 2 + r}, oneStep(OptimizerConfig.rmsprop(0.1).create()), 1e-5f);
        // bias-corrected first step of Adam moves each weight by lr * sign(g)
        assertArrayEquals(new float[] {0.9f, 2.1f}, oneStep(OptimizerConfig.adam(0.1).create()), 1e-5f);
    }

    @Test
    void exportedStateContinuesExactly() {
        try (NDManager m = NDManager.newBaseManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            ParameterOptimizer a = OptimizerConfig.adam(0.05).create();
            NDArray wa = m.create(new float[] {1, -1, 3});
            NDArray g = m.create(new float[] {0.3f, 0.2f, -0.7f});
            a.update("w", wa, g, 0.05f, 1);
            a.update("w", wa, g, 0.05f, 2);
            ParameterOptimizer b = OptimizerConfig.adam(0.05).create();
            b.importState(a.exportState(), m);
            NDArray wb = wa.duplicate();
            a.update("w", wa, g, 0.05f, 3);
            b.update("w", wb, g, 0.05f, 3);
            assertArrayEquals(wa.toFloatArray(), wb.toFloatArray(), 0f);
            assertEquals(2, a.exportState().size(), "m and v");
        }
    }

    /**
     * A weight whose gradient becomes zero (a dead unit): its first moment decays by beta1 per step and, unflushed,
     * would spend about 150 steps among the subnormal floats (slow arithmetic on many x86 CPUs) before reaching 0.
     * The state never holds a subnormal, and the weights move as they would unflushed (the flushed values are below
     * 1e-30).
     */
    @Test
    void decayingMomentsNeverBecomeSubnormal() {
        try (NDManager m = NDManager.newBaseManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            ParameterOptimizer adam = OptimizerConfig.adam(0.01).create();
            ParameterOptimizer sgd = OptimizerConfig.momentum(0.01, 0.9).create();
            NDArray wa = m.create(new float[] {1, -2, 0.5f});
            NDArray ws = wa.duplicate();
            NDArray g = m.create(new float[] {1e-3f, -0.5f, 2f});
            NDArray zero = g.zerosLike();
            double minAbsNonZero = Double.MAX_VALUE;
            for (long step = 1; step <= 1200; step++) {
                NDArray grad = step <= 5 ? g : zero;
                adam.update("w", wa, grad, 0.01f, step);
                sgd.update("w", ws, grad, 0.01f, step);
                for (ParameterOptimizer o : new ParameterOptimizer[] {adam, sgd}) {
                    for (var t : o.exportState().values()) {
                        for (float f : t.data()) {
                            assertTrue(f == 0f || Math.abs(f) >= Float.MIN_NORMAL,
                                    "subnormal state value " + f + " at step " + step);
                            if (f != 0f) {
                                minAbsNonZero = Math.min(minAbsNonZero, Math.abs(f));
                            }
                        }
                    }
                }
            }
            // it did decay into the flushed range (else the test would not exercise the flush)
            assertTrue(minAbsNonZero < 1e-25, "smallest state value seen: " + minAbsNonZero);
            for (float f : adam.exportState().get("w/m").data()) {
                assertEquals(0f, f, "the first moments reached zero");
            }
        }
    }

    /** Weights below 1e-30 in magnitude (subnormal ones included) become 0 at the next flush; others stay. */
    @Test
    void tinyWeightsAreFlushedEvery32Steps() {
        try (NDManager m = NDManager.newBaseManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            ParameterOptimizer adam = OptimizerConfig.adam(0.01).create();
            float[] start = {1e-35f, 1f, 5e-39f, -2e-30f, -1e-31f};
            NDArray w = m.create(start);
            NDArray zero = w.zerosLike();
            for (long step = 1; step < StatefulOptimizer.FLUSH_EVERY; step++) {
                adam.update("w", w, zero, 0.01f, step);
            }
            assertArrayEquals(start, w.toFloatArray(), 0f, "no flush before step 32; a zero gradient moves nothing");
            adam.update("w", w, zero, 0.01f, StatefulOptimizer.FLUSH_EVERY);
            assertArrayEquals(new float[] {0, 1, 0, -2e-30f, 0}, w.toFloatArray(), 0f);
        }
    }

    @Test
    void schedules() {
        ScheduleConfig step = new ScheduleConfig(ScheduleConfig.Type.STEP, 0.5, 10, 0, 0, false);
        assertEquals(1.0, step.build(1).rate(9, 0), 1e-12);
        assertEquals(0.5, step.build(1).rate(10, 0), 1e-12);
        ScheduleConfig exp = new ScheduleConfig(ScheduleConfig.Type.EXPONENTIAL, 0.5, 10, 0, 0, false);
        assertEquals(Math.sqrt(0.5), exp.build(1).rate(5, 0), 1e-12);
        ScheduleConfig inv = new ScheduleConfig(ScheduleConfig.Type.INVERSE_TIME, 1, 1, 0, 0, true);
        assertEquals(0.2 / 3, inv.build(0.2).rate(999, 2), 1e-12, "lecture: a0/(1 + decay*epoch)");
        ScheduleConfig cos = new ScheduleConfig(ScheduleConfig.Type.COSINE, 0, 100, 0.1, 0, false);
        assertEquals(1.0, cos.build(1).rate(0, 0), 1e-12);
        assertEquals(0.55, cos.build(1).rate(50, 0), 1e-12);
        assertEquals(0.1, cos.build(1).rate(500, 0), 1e-12);
        ScheduleConfig warm = new ScheduleConfig(ScheduleConfig.Type.COSINE, 0, 100, 0, 4, false);
        assertEquals(0.25, warm.build(1).rate(0, 0), 1e-12);
        assertEquals(1.0, warm.build(1).rate(3, 0), 1e-12);
        assertEquals(1.0, warm.build(1).rate(4, 0), 1e-12, "decay starts after warm-up");
    }

    @Test
    void everyOptimizerTrainsATinyMlp() {
        MlpConfig cfg = MlpConfig.uniform(1, 16, ActivationType.TANH, 0, Regularization.NONE);
        for (OptimizerConfig o : new OptimizerConfig[] {OptimizerConfig.sgd(0.1),
                OptimizerConfig.momentum(0.1, 0.9), OptimizerConfig.rmsprop(0.003),
                OptimizerConfig.adam(0.003)}) {
            FitResult r = new TrainingLoop(cfg, TrainingFixture.config().optimizer(o).build())
                    .fit(TrainingFixture.DATA, TrainingFixture.SPLIT, null);
            r.model().close();
            double[] acc = r.history().get("val_accuracy");
            assertTrue(acc[acc.length - 1] > 0.9, o.type() + " val accuracy " + acc[acc.length - 1]);
        }
    }

    @Test
    void stateIsEmptyForPlainSgd() {
        assertEquals(Map.of(), OptimizerConfig.sgd(1).create().exportState());
    }
}
