package io.augment4j.trainer.loop;

import static io.augment4j.trainer.TrainingFixture.DATA;
import static io.augment4j.trainer.TrainingFixture.SPLIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.trainer.TrainingFixture;
import io.augment4j.trainer.model.ActivationType;
import io.augment4j.trainer.model.DenseLayer;
import io.augment4j.trainer.model.Init;
import io.augment4j.trainer.model.MlpConfig;
import io.augment4j.trainer.model.Regularization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's listener contract: order, clean stops, reuse, and the default set's files. */
class LoopListenersTest {

    @TempDir Path dir;

    private static final MlpConfig MLP = new MlpConfig(
            List.of(new DenseLayer(16, 0, Regularization.NONE)), ActivationType.RELU, Init.AUTO, Regularization.NONE);

    /** Records every hook it sees as "name:hook:epoch[:batch]". */
    private record Recorder(String name, List<String> events) implements LoopListener {
        @Override
        public void onTrainBegin(TrainingContext ctx) {
            events.add(name + ":begin");
        }

        @Override
        public void onEpochBegin(TrainingContext ctx, int epoch, int numBatches) {
            events.add(name + ":epochBegin:" + epoch);
        }

        @Override
        public void onBatchEnd(TrainingContext ctx, BatchStats stats) {
            events.add(name + ":batch:" + stats.epoch() + ":" + stats.batch());
        }

        @Override
        public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {
            events.add(name + ":epochEnd:" + epoch + ":" + ctx.history().size());
        }

        @Override
        public void onTrainEnd(TrainingContext ctx) {
            events.add(name + ":end");
        }

        @Override
        public void onTrainSuspended(TrainingContext ctx) {
            events.add(name + ":suspended");
        }
    }

    /** Asks to stop in {@code onEpochEnd} of {@code epoch}, or during it at batch {@code batch} (>= 0). */
    private record Stopper(int epoch, int batch, String reason) implements LoopListener {
        @Override
        public void onBatchEnd(TrainingContext ctx, BatchStats stats) {
            if (stats.epoch() == epoch && stats.batch() == batch) {
                ctx.requestStop(reason);
            }
        }

        @Override
        public void onEpochEnd(TrainingContext ctx, int e, Map<String, Double> logs) {
            if (e == epoch && batch < 0) {
                ctx.requestStop(reason);
            }
        }
    }

    /** What a one-epoch fit with only this listener writes to System.err. */
    private static String stderrOf(ProgressBarListener bar) {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            new TrainingLoop(MLP, TrainingFixture.config().epochs(1).build(), List.of(bar))
                    .fit(DATA, SPLIT, null).model().close();
        } finally {
            System.setErr(saved);
        }
        return buf.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void progressBarsAreDrawnWhereTheyAreToldAndNowhereWithoutATerminal() {
        java.io.ByteArrayOutputStream drawn = new java.io.ByteArrayOutputStream();
        stderrOf(new ProgressBarListener(new java.io.PrintStream(drawn, true, java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(drawn.toString(java.nio.charset.StandardCharsets.UTF_8).contains("Epoch 1/1"), drawn.toString());
        assertFalse(stderrOf(new ProgressBarListener(null)).contains("Epoch 1/1"), "no bar without a terminal");
    }

    @Test
    void listenersRunInListOrderForEveryHook() {
        List<String> events = new ArrayList<>();
        LoopConfig config = TrainingFixture.config().epochs(2).build();
        int batches = (SPLIT.train().length + 31) / 32;
        new TrainingLoop(MLP, config, List.of(new Recorder("a", events), new Recorder("b", events)))
                .fit(DATA, SPLIT, null).model().close();
        List<String> expected = new ArrayList<>(List.of("a:begin", "b:begin"));
        for (int e = 0; e < 2; e++) {
            expected.add("a:epochBegin:" + e);
            expected.add("b:epochBegin:" + e);
            for (int k = 0; k < batches; k++) {
                expected.add("a:batch:" + e + ":" + k);
                expected.add("b:batch:" + e + ":" + k);
            }
            expected.add("a:epochEnd:" + e + ":" + (e + 1));
            expected.add("b:epochEnd:" + e + ":" + (e + 1));
        }
        expected.addAll(List.of("a:end", "b:end"));
        assertEquals(expected, events);
    }

    @Test
    void theDefaultSetPutsDecidersBeforeTheCallersListenersAndWritersLast() {
        LoopListener mine = new LoopListener() { };
        LoopConfig all = TrainingFixture.config().progressBar(true).outputDir(dir)
                .earlyStopping(EarlyStoppingConfig.of("val_loss", 2)).build();
        assertEquals(List.of(DivergenceGuard.class, ProgressBarListener.class, EarlyStopper.class, mine.getClass(),
                        HistoryFileWriter.class, CheckpointWriter.class, ModelWriter.class),
                LoopListeners.defaults(all, mine).stream().map(Object::getClass).toList());
        assertEquals(List.of(DivergenceGuard.class),
                LoopListeners.defaults(TrainingFixture.config().build()).stream().map(Object::getClass).toList());
    }

    /** The files a run folder got before the loop was split into listeners, exactly. */
    @Test
    void theDefaultSetWritesTodaysFiles() throws IOException {
        LoopConfig config = TrainingFixture.config().epochs(2).outputDir(dir).build();
        FitResult r = new TrainingLoop(MLP, config).fit(DATA, SPLIT, null);
        r.model().close();
        try (Stream<Path> files = Files.walk(dir)) {
            Set<String> names = files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .collect(Collectors.toSet());
            assertEquals(Set.of("history.csv", "history.json", "last.ckpt", "model/model.params"), names);
        }
        assertEquals(3, Files.readAllLines(dir.resolve("history.csv")).size());
        Checkpoint last = Checkpoint.load(dir);
        assertEquals(1, last.epoch());
        assertTrue(last.finished());
        assertNull(last.stopReason());
        assertNull(r.stop());
        assertEquals(1, r.bestEpoch());
        assertFalse(r.restored());
    }

    @Test
    void aStopAtAnEpochsEndEndsTheRunThereWithConsistentFiles() throws IOException {
        LoopConfig config = TrainingFixture.config().epochs(5).outputDir(dir).build();
        FitResult r = new TrainingLoop(MLP, config,
                LoopListeners.defaults(config, new Stopper(1, -1, "pruned by the tuner"))).fit(DATA, SPLIT, null);
        r.model().close();
        assertEquals(new FitResult.Stop(1, "pruned by the tuner", true), r.stop());
        assertFalse(r.suspended());
        assertEquals(2, r.history().size(), "the partial curve is kept");
        assertEquals(1, r.bestEpoch());
        assertNotNull(r.test(), "a run that ended is measured on the test split");
        assertEquals(3, Files.readAllLines(dir.resolve("history.csv")).size());
        Checkpoint last = Checkpoint.load(dir);
        assertEquals(1, last.epoch());
        assertTrue(last.finished());
        assertEquals("pruned by the tuner", last.stopReason());
        assertTrue(Files.isRegularFile(dir.resolve("model/model.params")));

        // Resuming a finished run trains nothing more and reports the same stop.
        FitResult again = new TrainingLoop(MLP, config).fit(DATA, SPLIT, null);
        again.model().close();
        assertEquals(2, again.history().size());
        assertEquals(r.stop(), again.stop());
    }

    @Test
    void aStopDuringAnEpochSuspendsTheRunAndAResumeFinishesIt() throws IOException {
        LoopConfig config = TrainingFixture.config().epochs(3).outputDir(dir).build();
        List<String> events = new ArrayList<>();
        FitResult r = new TrainingLoop(MLP, config, LoopListeners.defaults(config,
                new Stopper(1, 2, "interrupted"), new Recorder("r", events))).fit(DATA, SPLIT, null);
        r.model().close();
        assertEquals(new FitResult.Stop(1, "interrupted", false), r.stop());
        assertEquals("r:suspended", events.get(events.size() - 1), "suspended, not ended: " + events);
        assertFalse(events.contains("r:end"));
        assertTrue(r.suspended());
        assertEquals(1, r.history().size(), "the unfinished epoch is dropped");
        assertNull(r.test());
        Checkpoint last = Checkpoint.load(dir);
        assertEquals(0, last.epoch());
        assertFalse(last.finished());
        assertEquals(2, Files.readAllLines(dir.resolve("history.csv")).size());
        assertFalse(Files.exists(dir.resolve("model")), "no final model for a suspended run");

        FitResult resumed = new TrainingLoop(MLP, config).fit(DATA, SPLIT, null);
        resumed.model().close();
        assertEquals(3, resumed.history().size());
        assertNull(resumed.stop());
    }

    /** One EarlyStopper in two fits: the second starts afresh and behaves like the first. */
    @Test
    void anEarlyStopperCanServeSeveralFits() {
        double[] script = {0.5, 0.4, 0.45, 0.45, 0.3, 0.2};
        LoopListener scripted = new LoopListener() {
            @Override
            public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {
                logs.put("score", script[epoch]);
            }
        };
        EarlyStopper es = new EarlyStopper(new EarlyStoppingConfig(
                "score", EarlyStoppingConfig.Mode.MIN, 0, 2, null, true, 0));
        LoopConfig config = TrainingFixture.config().epochs(6).build();
        List<FitResult> fits = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            FitResult r = new TrainingLoop(MLP, config, LoopListeners.defaults(config, scripted, es))
                    .fit(DATA, SPLIT, null);
            r.model().close();
            fits.add(r);
            assertEquals(3, r.stop().epoch(), "fit " + i + ": two epochs without beating 0.4");
            assertEquals(1, r.bestEpoch(), "fit " + i);
            assertTrue(r.restored());
        }
        assertEquals(fits.get(0).stop(), fits.get(1).stop());
    }
}
