package io.augment4j.trainer.run;

import io.augment4j.api.AugmentException;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.spec.Specs;
import io.augment4j.trainer.Json;
import io.augment4j.trainer.augment.PipelineAugmenter;
import io.augment4j.trainer.config.ConfigLoader;
import io.augment4j.trainer.config.SplitConfig;
import io.augment4j.trainer.config.TrainConfig;
import io.augment4j.trainer.data.ImageSet;
import io.augment4j.trainer.loader.ExampleAugmenter;
import io.augment4j.trainer.loop.BatchStats;
import io.augment4j.trainer.loop.Checkpoint;
import io.augment4j.trainer.loop.EarlyStopping;
import io.augment4j.trainer.loop.History;
import io.augment4j.trainer.loop.EvalMetrics;
import io.augment4j.trainer.loop.TrainedModel;
import io.augment4j.trainer.loop.TrainingLoop;
import io.augment4j.trainer.loop.LoopConfig;
import io.augment4j.trainer.loop.TrainingContext;
import io.augment4j.trainer.loop.DivergedException;
import io.augment4j.trainer.loop.LoopListener;
import io.augment4j.trainer.loop.FitResult;
import io.augment4j.trainer.model.ModelConfig;
import io.augment4j.trainer.report.Curves;
import io.augment4j.trainer.report.Diagnosis;
import io.augment4j.trainer.split.Split;
import io.augment4j.trainer.split.SplitAdvisor;
import io.augment4j.trainer.split.SplitSpec;
import io.augment4j.trainer.split.StratifiedSplitter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * {@code aug train}: one call runs a training config end to end and leaves a run folder a person
 * can read.
 *
 * <pre>
 * RunResult r = TrainingRun.start(Path.of("train.yaml"), null, false, System.out);   // aug train --config train.yaml
 * RunResult r = TrainingRun.start(null, Path.of("runs/x"), true, System.out);          // aug train --resume runs/x
 * </pre>
 *
 * <p>The run folder receives {@code config.yaml} (the effective config, every default filled
 * in), {@code split.json}, {@code history.csv}/{@code .json} and {@code last.ckpt} after every
 * epoch, and at the end {@code normalization.json}, {@code model/}, {@code curves.png},
 * {@code report.md} and {@code result.json}.
 *
 * <p>Ctrl-C: a shutdown hook asks the loop to stop after the current batch; the checkpoint of the
 * last completed epoch stands, {@code interrupted: resume with aug train --resume <dir>} is
 * printed, and the call throws {@link RunInterruptedException}. Resume reuses the run folder's
 * config, split and checkpoint, and continues exactly where the last epoch ended.
 *
 * <p>Every user mistake (bad config, missing data, folder already used, diverging loss) is an
 * {@link AugmentException} ({@link io.augment4j.trainer.config.ConfigException}, {@link RunException})
 * with a message meant to be printed as is.
 */
public final class TrainingRun {

    /** The effective config inside a run folder. */
    public static final String CONFIG_FILE = "config.yaml";
    /** The split inside a run folder. */
    public static final String SPLIT_FILE = "split.json";

    private final PrintStream out;
    private final Interruption interruption;
    /** Held from the moment the run folder is known to be ours until the run returns. */
    private RunFolderLock folderLock;

    private TrainingRun(PrintStream out, Interruption interruption) {
        this.out = out;
        this.interruption = interruption;
    }

    /**
     * Runs {@code aug train}, with Ctrl-C handling.
     *
     * @param config the YAML/JSON config; may be null when resuming (a resumed run always uses the
     *     config saved in its folder; a config given with {@code resume} only locates the folder)
     * @param runDir the run folder; null: the config's {@code output_dir}, else {@code runs/<name>}
     * @param resume continue the run in {@code runDir} (its saved config, split and checkpoint)
     * @param out where progress and the summary go (e.g. System.out)
     * @return the result (also written to the run folder)
     * @throws AugmentException for user errors; {@link RunInterruptedException} after Ctrl-C
     */
    public static RunResult start(Path config, Path runDir, boolean resume, PrintStream out) {
        Interruption in = new Interruption(new AtomicBoolean(), out);
        Thread hook = new Thread(in::onSignal, "aug-train-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return new TrainingRun(out, in).run(config, runDir, resume);
        } finally {
            in.done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting (Ctrl-C): the hook is running and must not be removed
            }
        }
    }

    /**
     * Runs {@code aug train} without installing a signal handler: the run stops after the current
     * batch once {@code stopRequest} becomes true (a GUI's cancel button, a test).
     *
     * @param config the config (may be null when resuming)
     * @param runDir the run folder, or null
     * @param resume continue the run in {@code runDir}
     * @param out progress and summary
     * @param stopRequest set to true to interrupt
     * @return the result
     * @throws AugmentException for user errors; {@link RunInterruptedException} when stopped
     */
    public static RunResult start(Path config, Path runDir, boolean resume, PrintStream out,
            AtomicBoolean stopRequest) {
        Interruption in = new Interruption(stopRequest, out);
        try {
            return new TrainingRun(out, in).run(config, runDir, resume);
        } finally {
            in.done.countDown();
        }
    }

    private RunResult run(Path configFile, Path runDir, boolean resume) {
        try {
            return runLocked(configFile, runDir, resume);
        } finally {
            if (folderLock != null) {
                folderLock.close();
            }
        }
    }

    private RunResult runLocked(Path configFile, Path runDir, boolean resume) {
        long t0 = System.nanoTime();
        TrainConfig cfg;
        Path dir;
        if (resume) {
            if (runDir == null) {
                if (configFile == null) {
                    throw new RunException("--resume needs the run folder, e.g. aug train --resume runs/my-run");
                }
                runDir = defaultDir(ConfigLoader.load(configFile));
            }
            dir = runDir.toAbsolutePath().normalize();
            Path saved = dir.resolve(CONFIG_FILE);
            if (!Files.isRegularFile(saved)) {
                throw new RunException(dir + " is not a run folder (no " + CONFIG_FILE + "): start a run with"
                        + " aug train --config <file> first");
            }
            folderLock = RunFolderLock.acquire(dir);
            cfg = ConfigLoader.load(saved);
            if (Checkpoint.exists(dir)) {
                out.println("Resuming " + dir + " with its saved config, split and checkpoint.");
            } else {
                out.println("No checkpoint in " + dir + " yet: starting at epoch 1 with its saved config and split.");
            }
        } else {
            if (configFile == null) {
                throw new RunException("give a config file (aug train --config train.yaml) or a run to resume"
                        + " (aug train --resume DIR)");
            }
            cfg = ConfigLoader.load(configFile);
            dir = (runDir != null ? runDir : defaultDir(cfg)).toAbsolutePath().normalize();
            requireNoRun(dir);
        }

        out.println("Loading data ...");
        Datasets.Loaded data = Datasets.load(cfg.data(), cfg.seed());
        Split split = split(cfg, data, resume ? dir : null);
        if (!resume) {
            // Written only once the data and the split are good, so a failed start leaves no half run.
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new RunException("cannot write to the run folder " + dir + ": " + e.getMessage(), e);
            }
            // Locked, then checked again: another run may have claimed the folder meanwhile.
            folderLock = RunFolderLock.acquire(dir);
            requireNoRun(dir);
            try {
                ReportWriter.write(dir.resolve(CONFIG_FILE), "# Effective configuration of this run (every default"
                        + " filled in).\n# aug train --resume reads it.\n" + ConfigLoader.toYaml(cfg));
            } catch (IOException e) {
                throw new RunException("cannot write to the run folder " + dir + ": " + e.getMessage(), e);
            }
        }
        Path savedSplit = dir.resolve(SPLIT_FILE);
        if (!Files.isRegularFile(savedSplit)) {
            try {
                split.save(savedSplit);
            } catch (IOException e) {
                throw new RunException("cannot write " + savedSplit + ": " + e.getMessage(), e);
            }
        }
        interruption.runDir = dir;
        out.printf(Locale.ROOT, "Data: %d train, %d validation, %d test examples of %dx%dx%d, %d classes.%n",
                split.train().length, split.val().length, split.test().length, data.all().height(),
                data.all().width(), data.all().channels(), data.all().numClasses());
        split.warnings().forEach(w -> out.println("Note: " + w));

        PipelineSpec augSpec = ConfigLoader.augmentationSpec(cfg);
        ExampleAugmenter augmenter = augSpec == null ? null
                : new PipelineAugmenter(Pipeline.compile(augSpec, ConfigLoader.registry()));
        int stepsPerEpoch = (split.train().length + cfg.batchSize() - 1) / cfg.batchSize();
        LoopConfig tc = LoopConfig.builder()
                .epochs(cfg.epochs()).batchSize(cfg.batchSize()).evalBatchSize(cfg.evalBatchSize())
                .seed(cfg.seed()).optimizer(cfg.optimizer().toOptimizerConfig())
                .schedule(cfg.schedule().toScheduleConfig(cfg.epochs(), stepsPerEpoch))
                .l2Form(cfg.regularization().form())
                .earlyStopping(cfg.earlyStopping() == null ? null : cfg.earlyStopping().toEarlyStoppingConfig())
                .workers(cfg.workers()).prefetch(cfg.prefetch()).progressBar(cfg.progress())
                .outputDir(dir).resume(true).build();
        ModelConfig model = cfg.model().toModelConfig(cfg.regularization().toRegularization());
        out.printf(Locale.ROOT, "Model: %s; %s, lr %s; up to %d epochs of %d batches of %d.%n",
                cfg.model().describe(), cfg.optimizer().type().name().toLowerCase(Locale.ROOT),
                cfg.optimizer().learningRate(), cfg.epochs(), stepsPerEpoch, cfg.batchSize());
        out.println("Run folder: " + dir + " (Ctrl-C saves and tells how to resume)");

        FitResult result;
        interruption.training = true;
        try {
            result = new TrainingLoop(model, tc)
                    .addListener(new EpochPrinter(out))
                    .addListener(new StopListener(interruption))
                    .fit(data.all(), split, augmenter);
        } catch (StopSignal s) {
            throw interrupted(dir);
        } catch (DivergedException e) {
            throw new RunException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new RunException(e.getMessage() + ": " + e.getCause().getMessage(), e);
        } finally {
            interruption.training = false;
        }

        try (TrainedModel m = result.model()) {
            int evalBatch = tc.evalBatchSize();
            out.println("Evaluating the final model on the train and validation splits ...");
            EvalMetrics train = m.evaluate(data.all(), split.train(), evalBatch);
            EvalMetrics val = m.evaluate(data.all(), split.val(), evalBatch);
            EvalMetrics test = result.test();
            History h = result.history();
            int[] epochs = bestAndStopped(cfg, h, result.stopReason());
            Diagnosis.Result d = Diagnosis.diagnose(cfg.diagnosis().baseError(), train.error(), val.error(),
                    cfg.diagnosis().thresholds());
            RunResult r = new RunResult(dir, h, train, val, test, d, epochs[0], epochs[1], result.stopReason(),
                    (System.nanoTime() - t0) / 1e9);
            try {
                m.normalization().save(dir.resolve("normalization.json"));
                Curves.write(h, hasRestore(cfg) ? epochs[0] : -1, epochs[1], cfg.name(), dir.resolve("curves.png"));
                ReportWriter.write(r.report(), ReportWriter.render(cfg, r, split, data.all(), data.testCount(),
                        augSpec == null ? "none" : augSummary(augSpec)));
                Json.writeAtomically(dir.resolve("result.json"), resultJson(r));
            } catch (IOException e) {
                throw new RunException("cannot write the report to " + dir + ": " + e.getMessage(), e);
            }
            printSummary(r);
            return r;
        }
    }

    private static void requireNoRun(Path dir) {
        if (Files.exists(dir.resolve(CONFIG_FILE)) || Checkpoint.exists(dir)) {
            throw new RunException(dir + " already holds a run: continue it with aug train --resume " + dir
                    + ", or choose another output folder");
        }
    }

    private static Path defaultDir(TrainConfig cfg) {
        return cfg.outputDir() != null ? Path.of(cfg.outputDir()) : Path.of("runs", cfg.name());
    }

    /** The run's saved split when resuming (runDir given), else the configured split file, else a new split. */
    private Split split(TrainConfig cfg, Datasets.Loaded data, Path runDir) {
        Path saved = runDir == null ? null : runDir.resolve(SPLIT_FILE);
        SplitConfig s = cfg.split();
        Path reuse = saved != null && Files.isRegularFile(saved) ? saved : s.file() != null ? Path.of(s.file()) : null;
        if (reuse == null) {
            return makeSplit(data, s, cfg.seed());
        }
        try {
            return Split.load(reuse, data.all().size());
        } catch (IOException e) {
            throw new RunException("cannot reuse the split " + reuse + ": " + e.getMessage(), e);
        }
    }

    /** The split the config asks for: the data's own test set if it has one, else a stratified three-way split. */
    static Split makeSplit(Datasets.Loaded data, SplitConfig s, long runSeed) {
        long seed = s.seed() != null ? s.seed() : runSeed;
        ImageSet all = data.all();
        int[] labels = all.labels();
        int n = data.trainCount();
        try {
            if (data.testCount() > 0) {
                SplitSpec spec = s.valSize() != null ? SplitSpec.sizes(s.valSize(), 0, seed)
                        : SplitSpec.ratios(1 - s.val(), s.val(), 0, seed);
                Split inner = StratifiedSplitter.split(Arrays.copyOf(labels, n), spec);
                int[] test = IntStream.range(n, all.size()).toArray();
                List<String> warnings = SplitAdvisor.warnings(labels, all.numClasses(), inner.val(), test);
                return new Split(all.size(), spec, inner.train(), inner.val(), test, warnings);
            }
            double testRatio = s.test() == null ? 0.1 : s.test();
            SplitSpec spec = s.valSize() != null || s.testSize() != null
                    ? SplitSpec.sizes(s.valSize() != null ? s.valSize() : (int) Math.round(n * s.val()),
                            s.testSize() != null ? s.testSize() : (int) Math.round(n * testRatio), seed)
                    : SplitSpec.ratios(1 - s.val() - testRatio, s.val(), testRatio, seed);
            return StratifiedSplitter.split(labels, spec);
        } catch (IllegalArgumentException e) {
            throw new RunException("cannot split " + n + " examples as configured (split): " + e.getMessage(), e);
        }
    }

    private static boolean hasRestore(TrainConfig cfg) {
        return cfg.earlyStopping() != null && cfg.earlyStopping().restoreBestWeights();
    }

    /**
     * Replays the early-stopping decisions over the history (the logic is pure), which gives the
     * epoch whose weights were restored and the epoch where the run stopped.
     *
     * @return {best epoch (1-based; the last epoch when nothing was restored), stopped epoch or -1}
     */
    static int[] bestAndStopped(TrainConfig cfg, History h, String stopReason) {
        int last = h.size();
        int stopped = stopReason != null ? last : -1;
        if (cfg.earlyStopping() == null) {
            return new int[] {last, stopped};
        }
        EarlyStopping es = new EarlyStopping(cfg.earlyStopping().toEarlyStoppingConfig());
        List<Map<String, Double>> rows = h.rows();
        for (int e = 0; e < rows.size(); e++) {
            es.onEpochEnd(e, rows.get(e));
        }
        int best = cfg.earlyStopping().restoreBestWeights() && es.bestEpoch() >= 0 ? es.bestEpoch() + 1 : last;
        return new int[] {best, stopped};
    }

    private static String augSummary(PipelineSpec spec) {
        String yaml = Specs.toYaml(spec).strip();
        StringBuilder names = new StringBuilder();
        for (String line : yaml.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("- transform:") || t.startsWith("transform:")) {
                names.append(names.length() > 0 ? ", " : "").append(t.substring(t.indexOf(':') + 1).strip());
            }
        }
        return names.length() == 0 ? "see config.yaml" : names + " (spec in config.yaml)";
    }

    private static Map<String, Object> resultJson(RunResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs_run", r.history().size());
        m.put("best_epoch", r.bestEpoch());
        m.put("stopped_epoch", r.stoppedEpoch());
        m.put("stop_reason", r.stopReason());
        m.put("train", metrics(r.train()));
        m.put("val", metrics(r.val()));
        m.put("test", r.test() == null ? null : metrics(r.test()));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("verdict", r.diagnosis().verdict().name());
        d.put("base_error", r.diagnosis().baseError());
        d.put("avoidable_bias", r.diagnosis().avoidableBias());
        d.put("variance", r.diagnosis().variance());
        d.put("bias_threshold", r.diagnosis().thresholds().bias());
        d.put("variance_threshold", r.diagnosis().thresholds().variance());
        d.put("next_steps", r.diagnosis().nextSteps());
        m.put("diagnosis", d);
        m.put("seconds", r.seconds());
        return m;
    }

    private static Map<String, Object> metrics(EvalMetrics x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("examples", x.examples());
        m.put("loss", x.loss());
        m.put("accuracy", x.accuracy());
        m.put("error", x.error());
        return m;
    }

    private void printSummary(RunResult r) {
        out.println();
        out.printf(Locale.ROOT, "Model of epoch %d. Train error %.2f %%, validation error %.2f %%.%n", r.bestEpoch(),
                100 * r.train().error(), 100 * r.val().error());
        if (r.test() != null) {
            out.printf(Locale.ROOT, "Test (measured once, reported apart): accuracy %.2f %%, error %.2f %% on %d"
                    + " examples.%n", 100 * r.test().accuracy(), 100 * r.test().error(), r.test().examples());
        }
        out.println("Diagnosis: " + r.diagnosis().summary());
        out.printf(Locale.ROOT, "  thresholds: high bias above %.1f points, high variance above %.1f points%n",
                100 * r.diagnosis().thresholds().bias(), 100 * r.diagnosis().thresholds().variance());
        out.println("Next steps:");
        r.diagnosis().nextSteps().forEach(s -> out.println("  - " + s.strip()));
        out.println("Report: " + r.report());
        out.println("Curves: " + r.curves());
    }

    private RunInterruptedException interrupted(Path dir) {
        int done = 0;
        if (Checkpoint.exists(dir)) {
            try {
                done = Checkpoint.load(dir).epoch() + 1;
            } catch (IOException e) {
                done = 0;
            }
        }
        String msg = done > 0
                ? "interrupted: resume with aug train --resume " + dir + " (the checkpoint after epoch " + done
                        + " is saved; the interrupted epoch will be redone)"
                : "interrupted: resume with aug train --resume " + dir + " (no epoch had finished, so it will start"
                        + " at epoch 1 with the same config and split)";
        out.println();
        out.println(msg);
        out.flush();
        interruption.acknowledged = true;
        interruption.done.countDown();
        return new RunInterruptedException(msg, dir, done);
    }

    /** Thrown inside the loop to unwind it after a stop request. */
    private static final class StopSignal extends RuntimeException {
        StopSignal() {
            super("stop requested", null, false, false);
        }
    }

    /** Stop requests, and the handshake with the shutdown hook. */
    private static final class Interruption {
        final AtomicBoolean requested;
        final PrintStream out;
        final CountDownLatch done = new CountDownLatch(1);
        volatile boolean training;
        volatile boolean acknowledged;
        volatile Path runDir;

        Interruption(AtomicBoolean requested, PrintStream out) {
            this.requested = requested;
            this.out = out;
        }

        /** Runs in the shutdown hook: ask the loop to stop, wait until it has unwound. */
        void onSignal() {
            requested.set(true);
            if (training) {
                try {
                    done.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!acknowledged && runDir != null && done.getCount() > 0) {
                out.println();
                out.println("interrupted: resume with aug train --resume " + runDir);
                out.flush();
            }
        }
    }

    /** Stops the loop after the current batch once a stop was requested. */
    private record StopListener(Interruption in) implements LoopListener {
        @Override
        public void onBatchEnd(TrainingContext ctx, BatchStats stats) {
            if (in.requested.get()) {
                throw new StopSignal();
            }
        }

        @Override
        public void onEpochBegin(TrainingContext ctx, int epoch, int numBatches) {
            if (in.requested.get()) {
                throw new StopSignal();
            }
        }
    }

    /** One line per epoch. */
    private record EpochPrinter(PrintStream out) implements LoopListener {
        @Override
        public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {
            out.printf(Locale.ROOT, "epoch %3d/%d  loss %.4f  error %6.2f %%  val_loss %.4f  val_error %6.2f %%"
                            + "  lr %.3g  %.1f s%n", epoch + 1, ctx.config().epochs(), logs.get("loss"),
                    100 * (1 - logs.get("accuracy")), logs.getOrDefault("val_loss", Double.NaN),
                    100 * (1 - logs.getOrDefault("val_accuracy", Double.NaN)), logs.get("lr"),
                    logs.get("epoch_time_s"));
            out.flush();
        }
    }
}
