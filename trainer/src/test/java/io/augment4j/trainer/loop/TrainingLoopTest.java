package io.augment4j.trainer.loop;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import static io.augment4j.trainer.TrainingFixture.DATA;
import static io.augment4j.trainer.TrainingFixture.SPLIT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.trainer.HostTensor;
import io.augment4j.trainer.TinyData;
import io.augment4j.trainer.TrainingFixture;
import io.augment4j.trainer.loader.ExampleAugmenter;
import io.augment4j.trainer.model.ActivationType;
import io.augment4j.trainer.model.CnnConfig;
import io.augment4j.trainer.model.ConvLayer;
import io.augment4j.trainer.model.DenseLayer;
import io.augment4j.trainer.model.Init;
import io.augment4j.trainer.model.MlpConfig;
import io.augment4j.trainer.model.Regularization;
import io.augment4j.trainer.optim.OptimizerConfig;
import io.augment4j.trainer.optim.ScheduleConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {

    @TempDir Path dir;

    /** Dropout, momentum, a schedule, augmentation and early stopping: all state matters. */
    private static final MlpConfig MLP = new MlpConfig(
            List.of(new DenseLayer(24, 0.3, Regularization.l2(0.5))), ActivationType.RELU, Init.AUTO,
            Regularization.NONE);

    private static LoopConfig.Builder stateful() {
        return TrainingFixture.config().epochs(4).workers(2)
                .optimizer(OptimizerConfig.momentum(0.05, 0.9))
                .schedule(new ScheduleConfig(ScheduleConfig.Type.COSINE, 0, 20, 0.1, 3, false))
                .earlyStopping(new EarlyStoppingConfig("val_loss", EarlyStoppingConfig.Mode.MIN, 0, 10,
                        null, true, 0));
    }

    @Test
    void trainsAndWritesHistoryCheckpointAndModel() throws IOException {
        FitResult r = new TrainingLoop(MLP, stateful().outputDir(dir).build())
                .fit(DATA, SPLIT, TinyData.randomFlip());
        try (TrainedModel model = r.model()) {
            assertEquals(4, r.history().size());
            double[] val = r.history().get("val_accuracy");
            assertTrue(val[3] > 0.9, "val accuracy " + val[3]);
            assertNotNull(r.test());
            assertEquals(SPLIT.test().length, r.test().examples());
            List<String> csv = Files.readAllLines(dir.resolve("history.csv"));
            assertEquals(5, csv.size());
            assertTrue(csv.get(0).startsWith("epoch,loss,reg_loss,accuracy,val_loss,val_accuracy,lr"));
            assertTrue(Files.readString(dir.resolve("history.json")).contains("val_accuracy"));
            assertTrue(Checkpoint.exists(dir));
            assertTrue(Checkpoint.load(dir).finished());

            // the saved model carries its normalization: same predictions after reload
            float[] img = new float[64];
            DATA.image(SPLIT.test()[0], img);
            try (TrainedModel back = TrainedModel.load(dir.resolve("model"))) {
                assertArrayEquals(model.predict(img), back.predict(img), 1e-6f);
                assertArrayEquals(model.normalization().mean(), back.normalization().mean());
            }
        }
    }

    /** torch_threads holds while the loop trains (checked at every epoch) and the count before returns after. */
    @Test
    void torchThreadsHoldDuringTheRunAndAreRestoredAfter() {
        Engine.getEngine("PyTorch"); // loads the native library JniUtils calls into
        int before = JniUtils.getNumThreads();
        int wanted = before == 1 ? 2 : 1;
        List<Integer> seen = new ArrayList<>();
        LoopListener probe = new LoopListener() {
            @Override
            public void onEpochBegin(TrainingContext ctx, int epoch, int numBatches) {
                seen.add(JniUtils.getNumThreads());
            }
        };
        LoopConfig cfg = TrainingFixture.config().epochs(2).torchThreads(wanted).build();
        FitResult r = new TrainingLoop(MLP, cfg, LoopListeners.defaults(cfg, probe)).fit(DATA, SPLIT, null);
        r.model().close();
        assertEquals(List.of(wanted, wanted), seen);
        assertEquals(before, JniUtils.getNumThreads());
        assertThrows(IllegalArgumentException.class, () -> TrainingFixture.config().torchThreads(-1).build());
    }

    @Test
    void resumeAfterAKillReproducesTheUninterruptedRun() {
        Path full = dir.resolve("full");
        Path killed = dir.resolve("killed");
        FitResult a = new TrainingLoop(MLP, stateful().outputDir(full).build())
                .fit(DATA, SPLIT, TinyData.randomFlip());
        Map<String, HostTensor> expected = a.model().network().snapshot();
        a.model().close();

        LoopListener killer = new LoopListener() {
            @Override
            public void onEpochBegin(TrainingContext ctx, int epoch, int numBatches) {
                if (epoch == 2) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        LoopConfig killedConfig = stateful().outputDir(killed).build();
        TrainingLoop first = new TrainingLoop(MLP, killedConfig, LoopListeners.defaults(killedConfig, killer));
        assertThrows(IllegalStateException.class, () -> first.fit(DATA, SPLIT, TinyData.randomFlip()));

        FitResult b = new TrainingLoop(MLP, stateful().outputDir(killed).build())
                .fit(DATA, SPLIT, TinyData.randomFlip());
        try (TrainedModel model = b.model()) {
            double diff = TrainingFixture.maxDiff(expected, model.network().snapshot());
            assertTrue(diff < 1e-5, "resumed weights differ by " + diff);
            for (String key : new String[] {"loss", "reg_loss", "accuracy", "val_loss", "lr"}) {
                assertArrayEquals(a.history().get(key), b.history().get(key), 1e-5, key);
            }
        }
    }

    @Test
    void nanLossStopsWithAClearMessageAndKeepsTheLastGoodCheckpoint() throws IOException {
        AtomicBoolean poison = new AtomicBoolean();
        ExampleAugmenter corrupt = (img, h, w, c, seed) -> {
            if (poison.get()) {
                Arrays.fill(img, Float.NaN);
            }
            return img;
        };
        LoopListener poisonAfterFirstEpoch = new LoopListener() {
            // After the first epoch's last step, once all its batches are built, and before the
            // loader starts on the next epoch (it does so while the first is validated).
            @Override
            public void onBatchEnd(TrainingContext ctx, BatchStats stats) {
                if (stats.epoch() == 0 && stats.batch() == stats.numBatches() - 1) {
                    poison.set(true);
                }
            }
        };
        LoopConfig config = TrainingFixture.config().outputDir(dir).build();
        TrainingLoop t = new TrainingLoop(MLP, config, LoopListeners.defaults(config, poisonAfterFirstEpoch));
        DivergedException e =
                assertThrows(DivergedException.class, () -> t.fit(DATA, SPLIT, corrupt));
        assertTrue(e.getMessage().contains("loss is NaN at epoch 2, batch 1"), e.getMessage());
        assertTrue(e.getMessage().contains(Checkpoint.path(dir).toString()), e.getMessage());
        Checkpoint last = Checkpoint.load(dir);
        assertEquals(0, last.epoch());
        assertTrue(last.params().values().stream()
                .allMatch(p -> { for (float v : p.data()) { if (!Float.isFinite(v)) { return false; } } return true; }));
    }

    @Test
    void cnnWithBatchNormTrainsWithoutLeakingNdArrays() {
        CnnConfig cnn = new CnnConfig(
                List.of(new ConvLayer(4, 3, true, true, 0.1, Regularization.l2(0.1))),
                List.of(new DenseLayer(16, 0.2, Regularization.NONE)), ActivationType.RELU, Init.AUTO,
                Regularization.NONE);
        List<Integer> live = new ArrayList<>();
        LoopListener counter = new LoopListener() {
            @Override
            public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {
                live.add(ctx.liveArrays());
            }
        };
        LoopConfig config = TrainingFixture.config().epochs(5).optimizer(OptimizerConfig.adam(0.01)).build();
        FitResult r = new TrainingLoop(cnn, config, LoopListeners.defaults(config, counter)).fit(DATA, SPLIT, null);
        r.model().close();
        assertTrue(r.history().get("val_accuracy")[4] > 0.9, Arrays.toString(r.history().get("val_accuracy")));
        assertEquals(5, live.size());
        assertTrue(live.stream().distinct().count() == 1, "live NDArrays per epoch: " + live);
    }

    @Test
    void earlyStoppingStopsOnAScriptedMetricAndRestoresTheBestWeights() {
        double[] script = {0.1, 0.9, 0.3, 0.2, 0.1, 0.05};
        List<Map<String, HostTensor>> weightsPerEpoch = new ArrayList<>();
        LoopListener scripted = new LoopListener() {
            @Override
            public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {
                logs.put("score", script[epoch]);
                weightsPerEpoch.add(ctx.network().snapshot());
            }
        };
        EarlyStopper es = new EarlyStopper(new EarlyStoppingConfig(
                "score", EarlyStoppingConfig.Mode.MAX, 0, 2, null, true, 0));
        LoopConfig config = TrainingFixture.config().epochs(6).build();
        FitResult r = new TrainingLoop(MLP, config, LoopListeners.defaults(config, scripted, es))
                .fit(DATA, SPLIT, null);
        try (TrainedModel model = r.model()) {
            assertEquals(4, r.history().size(), "stopped after epoch 4 (0-based 3)");
            assertNotNull(r.stopReason());
            assertEquals(new FitResult.Stop(3, r.stopReason(), true), r.stop());
            assertEquals(1, es.logic().bestEpoch());
            assertEquals(1, r.bestEpoch(), "the epoch whose weights were restored");
            assertTrue(r.restored());
            assertEquals(0.0, TrainingFixture.maxDiff(weightsPerEpoch.get(1), model.network().snapshot()));
            assertTrue(TrainingFixture.maxDiff(weightsPerEpoch.get(3), model.network().snapshot()) > 0);
        }
    }
}
