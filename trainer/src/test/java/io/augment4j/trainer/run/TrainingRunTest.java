package io.augment4j.trainer.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.trainer.loop.Checkpoint;
import io.augment4j.trainer.report.Diagnosis.Verdict;
import io.augment4j.api.registry.TransformRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
    static final TransformRegistry REGISTRY = TransformRegistry.discover();


    @TempDir Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** Logistic regression on XOR images: it cannot fit the training set. */
    static final String UNDERFIT = """
            name: underfit-xor
            data:
              type: idx
              train_images: xor-images.idx
              train_labels: xor-labels.idx
            split: {val: 0.3, test: 0.1}
            model: {}
            optimizer: {type: adam, learning_rate: 0.01}
            epochs: 6
            batch_size: 32
            workers: 1
            progress: false
            """;

    /** A big MLP, no regularization, 90 noisy-label examples, trained long: it memorizes them. */
    static final String OVERFIT = """
            name: overfit-bands
            data:
              type: idx
              train_images: bands-images.idx
              train_labels: bands-labels.idx
            split: {val_size: 200, test_size: 10}
            model:
              dense:
                - {units: 256}
                - {units: 256}
            optimizer: {type: adam, learning_rate: 0.002}
            epochs: 12
            batch_size: 8
            workers: 1
            progress: false
            """;

    @Test
    void underfittingConfigIsDiagnosedHighBiasAndWritesTheRunFolder() throws IOException {
        RunData.xor(dir, 2000, 1);
        RunResult r = TrainingRun.start(REGISTRY, RunData.config(dir, "underfit", UNDERFIT), dir.resolve("run"), false, out,
                new AtomicBoolean());
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(Verdict.HIGH_BIAS, r.diagnosis().verdict(), log);
        assertTrue(r.train().error() >= 0.2, "a linear model cannot fit XOR: " + r.train());
        assertTrue(r.diagnosis().variance() < 0.05, r.diagnosis().summary());
        assertNotNull(r.test());
        assertEquals(200, r.test().examples());

        Path run = dir.resolve("run");
        for (String f : new String[] {"config.yaml", "split.json", "normalization.json", "history.csv",
                "history.json", "curves.png", "report.md", "result.json", "last.ckpt", "model/model.params"}) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f + " missing");
        }
        byte[] png = Files.readAllBytes(run.resolve("curves.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertTrue(png.length > 10_000, "a real chart, not an empty image: " + png.length);
        String report = Files.readString(run.resolve("report.md"));
        assertTrue(report.contains("## Diagnosis: HIGH_BIAS"), report);
        assertTrue(report.contains("high bias above 5.0 points"), report);
        assertTrue(report.contains("Bigger network"), report);
        assertTrue(report.contains("## Test set (reported apart)"), report);
        assertTrue(report.contains("| 6 best |"), report);
        assertTrue(log.contains("Diagnosis: HIGH_BIAS"), log);
        assertTrue(log.contains("Next steps:"), log);
        assertTrue(log.contains("Threads: loader workers 1, PyTorch ") && log.contains(" (its default)."), log);

        // the same folder again is refused, with the way out
        RunException again = assertThrows(RunException.class, () -> TrainingRun.start(REGISTRY,
                dir.resolve("underfit.yaml"), dir.resolve("run"), false, out, new AtomicBoolean()));
        assertTrue(again.getMessage().contains("aug train --resume"), again.getMessage());

        // aug evaluate on the run's test split gives the test figures of the run
        EvaluationResult ev = Evaluation.run(REGISTRY, run, null, out);
        assertEquals(r.test().examples(), ev.examples());
        assertEquals(r.test().accuracy(), ev.accuracy(), 1e-9);
        assertEquals(r.test().loss(), ev.loss(), 1e-5);
    }

    @Test
    void overfittingConfigIsDiagnosedHighVariance() throws IOException {
        RunData.noisyBands(dir, 300, 0.4, 2);
        RunResult r = TrainingRun.start(REGISTRY, RunData.config(dir, "overfit", OVERFIT), dir.resolve("run"), false, out,
                new AtomicBoolean());
        assertEquals(Verdict.HIGH_VARIANCE, r.diagnosis().verdict(), r.diagnosis().summary());
        assertTrue(r.train().error() < 0.05, "memorized: " + r.train());
        assertTrue(r.diagnosis().variance() > 0.15, r.diagnosis().summary());
        assertTrue(Files.readString(r.report()).contains("More training data"));
    }

    /** Stops after epoch 2 as Ctrl-C would, then resumes: same history as an uninterrupted run. */
    @Test
    void interruptThenResumeMatchesAnUninterruptedRun() throws IOException {
        RunData.noisyBands(dir, 300, 0.0, 3);
        String cfg = """
                data:
                  type: idx
                  train_images: bands-images.idx
                  train_labels: bands-labels.idx
                augmentation:
                  transforms:
                    - {transform: hflip, p: 0.5}
                model:
                  dense: [{units: 32, dropout: 0.2}]
                regularization: {l2: 0.1}
                optimizer: {type: adam, learning_rate: 0.005}
                schedule: {type: cosine, warmup: 5}
                early_stopping: {patience: 10}
                epochs: 4
                batch_size: 32
                workers: 2
                progress: false
                """;
        Path config = RunData.config(dir, "resumable", cfg);
        RunResult straight = TrainingRun.start(REGISTRY, config, dir.resolve("straight"), false, out, new AtomicBoolean());

        AtomicBoolean stop = new AtomicBoolean();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        PrintStream watching = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                seen.write(b);
                if (b == '\n' && seen.toString(StandardCharsets.UTF_8).contains("epoch   2/4")) {
                    stop.set(true); // "Ctrl-C" right after epoch 2
                }
            }
        }, true, StandardCharsets.UTF_8);
        Path run = dir.resolve("interrupted");
        RunInterruptedException e = assertThrows(RunInterruptedException.class,
                () -> TrainingRun.start(REGISTRY, config, run, false, watching, stop));
        assertEquals(2, e.epochsDone());
        assertTrue(e.getMessage().startsWith("interrupted: resume with aug train --resume " + run), e.getMessage());
        assertTrue(seen.toString(StandardCharsets.UTF_8).contains("interrupted: resume with aug train --resume"));
        assertEquals(1, Checkpoint.load(run).epoch());
        assertTrue(Files.notExists(run.resolve("report.md")));

        RunResult resumed = TrainingRun.start(REGISTRY, null, run, true, out, new AtomicBoolean());
        assertEquals(4, resumed.history().size());
        // early_stopping restores the best val_loss (patience 10: no stop); the resume restored its state
        double[] valLoss = straight.history().get("val_loss");
        int best = 0;
        for (int k = 1; k < valLoss.length; k++) {
            best = valLoss[k] < valLoss[best] ? k : best;
        }
        assertTrue(straight.restoredBest());
        assertEquals(best + 1, straight.bestEpoch());
        assertEquals(straight.bestEpoch(), resumed.bestEpoch());
        assertTrue(resumed.restoredBest());
        assertEquals(-1, resumed.stoppedEpoch());
        assertArrayEquals(straight.history().get("loss"), resumed.history().get("loss"), 1e-6);
        assertArrayEquals(straight.history().get("val_loss"), resumed.history().get("val_loss"), 1e-6);
        assertEquals(straight.test().accuracy(), resumed.test().accuracy(), 1e-9);
        assertTrue(Files.isRegularFile(run.resolve("report.md")));
    }

    /** A class-per-folder dataset end to end, then aug evaluate on another folder. */
    @Test
    void folderDataAndEvaluateOnAFolder() throws IOException {
        for (String root : new String[] {"train", "holdout"}) {
            for (int k = 0; k < 2; k++) {
                Path d = Files.createDirectories(dir.resolve(root).resolve(k == 0 ? "dark" : "light"));
                for (int i = 0; i < 20; i++) {
                    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(10, 10,
                            java.awt.image.BufferedImage.TYPE_INT_RGB);
                    int v = (k == 0 ? 40 : 200) + (i % 5) * 5;
                    for (int y = 0; y < 10; y++) {
                        for (int x = 0; x < 10; x++) {
                            img.setRGB(x, y, v << 16 | v << 8 | v);
                        }
                    }
                    javax.imageio.ImageIO.write(img, "png", d.resolve(i + ".png").toFile());
                }
            }
        }
        Path config = RunData.config(dir, "folder", """
                data: {type: folder, root: train, height: 8, width: 8, channels: 1}
                split: {val: 0.25, test: 0.25}
                model: {dense: [{units: 8}]}
                optimizer: {learning_rate: 0.01}
                epochs: 3
                batch_size: 8
                workers: 1
                progress: false
                """);
        RunResult r = TrainingRun.start(REGISTRY, config, dir.resolve("run"), false, out, new AtomicBoolean());
        assertEquals(10, r.test().examples());
        EvaluationResult ev = Evaluation.run(REGISTRY, dir.resolve("run"), dir.resolve("holdout").toString(), out);
        assertEquals(40, ev.examples());
        assertEquals(java.util.List.of("dark", "light"), ev.classNames());
        assertTrue(ev.accuracy() > 0.9, "easy task: " + ev.accuracy());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Per class"));
        RunException e = assertThrows(RunException.class, () -> Evaluation.run(REGISTRY, dir, null, out));
        assertTrue(e.getMessage().contains("no model in"), e.getMessage());
    }

    /**
     * split.merge_val trains on the validation examples too: the same split as without it, its
     * validation part moved into train, the same test part; no validation metric, no verdict.
     */
    @Test
    void mergeValTrainsOnTrainAndValidationAndKeepsTheTestPart() throws IOException {
        RunData.noisyBands(dir, 200, 0.0, 4);
        String cfg = """
                data:
                  type: idx
                  train_images: bands-images.idx
                  train_labels: bands-labels.idx
                split: {val: 0.25, test: 0.15}
                model: {dense: [{units: 8}]}
                optimizer: {learning_rate: 0.01}
                epochs: 2
                batch_size: 32
                workers: 0
                progress: false
                """;
        RunResult plain = TrainingRun.start(REGISTRY, RunData.config(dir, "plain", cfg), dir.resolve("plain"), false,
                out, new AtomicBoolean());
        Path merged = RunData.config(dir, "merged", cfg.replace("split: {val: 0.25, test: 0.15}",
                "split: {val: 0.25, test: 0.15, merge_val: true}"));
        RunResult r = TrainingRun.start(REGISTRY, merged, dir.resolve("merged"), false, out, new AtomicBoolean());

        io.augment4j.trainer.split.Split a = io.augment4j.trainer.split.Split.load(dir.resolve("plain/split.json"), 200);
        io.augment4j.trainer.split.Split b = io.augment4j.trainer.split.Split.load(dir.resolve("merged/split.json"),
                200);
        assertArrayEquals(a.test(), b.test(), "the same test examples");
        assertEquals(0, b.val().length);
        assertTrue(b.warnings().stream().noneMatch(w -> w.contains("validation")), b.warnings().toString());
        assertTrue(b.warnings().stream().anyMatch(w -> w.contains("test split has only 30")), b.warnings().toString());
        int[] union = java.util.stream.IntStream.concat(java.util.Arrays.stream(a.train()),
                java.util.Arrays.stream(a.val())).sorted().toArray();
        assertArrayEquals(union, b.train(), "train + validation of the plain split");
        assertEquals(30, r.test().examples());
        assertEquals(plain.test().examples(), r.test().examples());
        assertEquals(170, r.train().examples());
        assertEquals(null, r.val());
        assertEquals(null, r.diagnosis());
        assertTrue(java.util.Arrays.stream(r.history().get("val_loss")).allMatch(Double::isNaN));
        String report = Files.readString(r.report());
        assertTrue(report.contains("| validation | 0 (trained on: split.merge_val) |"), report);
        assertTrue(report.contains("## Diagnosis\n\nNone: the validation examples were trained on"), report);
        assertTrue(report.contains("on 30 examples"), report);
        assertTrue(Files.readString(dir.resolve("merged/result.json")).contains("\"diagnosis\" : null"));

        // A validation metric cannot be watched without a validation split.
        Path es = RunData.config(dir, "es", cfg.replace("split: {val: 0.25, test: 0.15}",
                "split: {val: 0.25, test: 0.15, merge_val: true}\nearly_stopping: {monitor: val_loss}"));
        io.augment4j.trainer.config.ConfigException e = assertThrows(io.augment4j.trainer.config.ConfigException.class,
                () -> TrainingRun.start(REGISTRY, es, dir.resolve("es"), false, out, new AtomicBoolean()));
        assertTrue(e.getMessage().contains("es.yaml") && e.getMessage().contains("(early_stopping.monitor)")
                && e.getMessage().contains("split.merge_val leaves no validation split"), e.getMessage());
    }

    @Test
    void aFailedStartLeavesNoRunFolder() throws IOException {
        RunData.xor(dir, 20, 1);
        Path config = RunData.config(dir, "bad", UNDERFIT.replace("split: {val: 0.3, test: 0.1}",
                "split: {val_size: 15, test_size: 10}"));
        RunException e = assertThrows(RunException.class,
                () -> TrainingRun.start(REGISTRY, config, dir.resolve("run"), false, out, new AtomicBoolean()));
        assertTrue(e.getMessage().contains("split"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("run")));
    }

    @Test
    void resumeNeedsARunFolder() {
        RunException e = assertThrows(RunException.class,
                () -> TrainingRun.start(REGISTRY, null, dir.resolve("nothing"), true, out, new AtomicBoolean()));
        assertTrue(e.getMessage().contains("is not a run folder"), e.getMessage());
    }
}
