package io.augment4j.trainer.run;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.augment4j.api.AugmentException;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.augment.PipelineAugmenter;
import io.augment4j.trainer.config.ConfigLoader;
import io.augment4j.trainer.config.TrainConfig;
import io.augment4j.trainer.loop.Checkpoint;
import io.augment4j.trainer.loop.DivergedException;
import io.augment4j.trainer.loop.EvalMetrics;
import io.augment4j.trainer.loop.FitResult;
import io.augment4j.trainer.loop.LoopConfig;
import io.augment4j.trainer.loop.LoopListeners;
import io.augment4j.trainer.loop.TrainedModel;
import io.augment4j.trainer.loop.TrainingLoop;
import io.augment4j.trainer.report.Diagnosis;
import io.augment4j.trainer.split.Split;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code aug train}: one call runs a training config end to end (config, data, split, loop,
 * report) and leaves a run folder a person can read.
 *
 * <pre>
 * TransformRegistry registry = TransformRegistry.discover();   // or with plugin folders
 * RunResult r = TrainingRun.start(registry, Path.of("train.yaml"), null, false, System.out);  // aug train --config train.yaml
 * RunResult r = TrainingRun.start(registry, null, Path.of("runs/x"), true, System.out);       // aug train --resume runs/x
 * </pre>
 *
 * <p>The run folder ({@link RunFolder}) receives {@code config.yaml} (the effective config, every
 * default filled in), {@code split.json}, {@code history.csv}/{@code .json} and {@code last.ckpt}
 * after every epoch, and at the end {@code model/}, then ({@link ReportWriter})
 * {@code normalization.json}, {@code curves.png}, {@code report.md} and {@code result.json}.
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

    private final ConfigLoader loader;
    private final PrintStream out;
    private final Interruption interruption;

    private TrainingRun(TransformRegistry registry, PrintStream out, Interruption interruption) {
        this.loader = new ConfigLoader(registry);
        this.out = out;
        this.interruption = interruption;
    }

    /**
     * Runs {@code aug train}, with Ctrl-C handling.
     *
     * @param registry the transforms the config's augmentation may use
     * @param config the YAML/JSON config; may be null when resuming (a resumed run always uses the
     *     config saved in its folder; a config given with {@code resume} only locates the folder)
     * @param runDir the run folder; null: the config's {@code output_dir}, else {@code runs/<name>}
     * @param resume continue the run in {@code runDir} (its saved config, split and checkpoint)
     * @param out where progress and the summary go (e.g. System.out)
     * @return the result (also written to the run folder)
     * @throws AugmentException for user errors; {@link RunInterruptedException} after Ctrl-C
     */
    public static RunResult start(TransformRegistry registry, Path config, Path runDir, boolean resume,
            PrintStream out) {
        Interruption in = new Interruption(new AtomicBoolean(), out);
        Thread hook = new Thread(in::onSignal, "aug-train-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return new TrainingRun(registry, out, in).run(config, runDir, resume);
        } finally {
            in.done();
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
     * @param registry the transforms the config's augmentation may use
     * @param config the config (may be null when resuming)
     * @param runDir the run folder, or null
     * @param resume continue the run in {@code runDir}
     * @param out progress and summary
     * @param stopRequest set to true to interrupt
     * @return the result
     * @throws AugmentException for user errors; {@link RunInterruptedException} when stopped
     */
    public static RunResult start(TransformRegistry registry, Path config, Path runDir, boolean resume,
            PrintStream out, AtomicBoolean stopRequest) {
        Interruption in = new Interruption(stopRequest, out);
        try {
            return new TrainingRun(registry, out, in).run(config, runDir, resume);
        } finally {
            in.done();
        }
    }

    private RunResult run(Path configFile, Path runDir, boolean resume) {
        long t0 = System.nanoTime();
        if (configFile == null && !resume) {
            throw new RunException("give a config file (aug train --config train.yaml) or a run to resume"
                    + " (aug train --resume DIR)");
        }
        if (resume && runDir == null && configFile == null) {
            throw new RunException("--resume needs the run folder, e.g. aug train --resume runs/my-run");
        }
        TrainConfig given = resume && runDir != null ? null : loader.load(configFile);
        Path dir = (runDir != null ? runDir : defaultDir(given)).toAbsolutePath().normalize();
        if (resume) {
            try (RunFolder folder = RunFolder.open(dir)) {
                TrainConfig cfg = loader.load(folder.configFile());
                out.println(Checkpoint.exists(dir) ? "Resuming " + dir + " with its saved config, split and checkpoint."
                        : "No checkpoint in " + dir + " yet: starting at epoch 1 with its saved config and split.");
                out.println("Loading data ...");
                Datasets.Loaded data = Datasets.load(cfg.data(), cfg.seed());
                return train(folder, cfg, data, RunSplits.split(cfg, data, dir), t0);
            }
        }
        RunFolder.requireNoRun(dir);
        out.println("Loading data ...");
        Datasets.Loaded data = Datasets.load(given.data(), given.seed());
        Split split = RunSplits.split(given, data, null);
        try (RunFolder folder = RunFolder.create(dir, ConfigLoader.toYaml(given))) {
            return train(folder, given, data, split, t0);
        }
    }

    private RunResult train(RunFolder folder, TrainConfig cfg, Datasets.Loaded data, Split split, long t0) {
        Path dir = folder.dir();
        folder.saveSplit(split);
        interruption.runDir = dir;
        out.printf(Locale.ROOT, "Data: %d train, %d validation, %d test examples of %dx%dx%d, %d classes.%n",
                split.train().length, split.val().length, split.test().length, data.all().height(),
                data.all().width(), data.all().channels(), data.all().numClasses());
        split.warnings().forEach(w -> out.println("Note: " + w));

        PipelineSpec augSpec = loader.augmentationSpec(cfg);
        PipelineAugmenter augmenter = augmenter(loader, augSpec);
        int stepsPerEpoch = stepsPerEpoch(cfg, split);
        LoopConfig tc = loopConfig(cfg, split, dir);
        out.printf(Locale.ROOT, "Model: %s; %s, lr %s; up to %d epochs of %d batches of %d.%n",
                cfg.model().describe(), cfg.optimizer().type().name().toLowerCase(Locale.ROOT),
                cfg.optimizer().learningRate(), cfg.epochs(), stepsPerEpoch, cfg.batchSize());
        out.printf(Locale.ROOT, "Threads: loader workers %d, PyTorch %s.%n", cfg.workers(), cfg.torchThreads() > 0
                ? cfg.torchThreads() + " (torch_threads)" : defaultTorchThreads() + " (its default)");
        out.println("Run folder: " + dir + " (Ctrl-C saves and tells how to resume)");

        FitResult result;
        interruption.training = true;
        try {
            result = new TrainingLoop(cfg.model().toModelConfig(cfg.regularization().toRegularization()), tc,
                    LoopListeners.defaults(tc, new EpochPrinter(out), interruption.listener()))
                    .fit(data.all(), split, augmenter);
        } catch (DivergedException e) {
            throw new RunException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new RunException(e.getMessage() + ": " + e.getCause().getMessage(), e);
        } finally {
            interruption.training = false;
        }

        try (TrainedModel m = result.model()) {
            if (result.suspended()) {
                throw interrupted(dir);
            }
            boolean hasVal = split.val().length > 0;
            out.println(hasVal ? "Evaluating the final model on the train and validation splits ..."
                    : "Evaluating the final model on the train split (no validation split: split.merge_val) ...");
            EvalMetrics train = m.evaluate(data.all(), split.train(), tc.evalBatchSize());
            EvalMetrics val = hasVal ? m.evaluate(data.all(), split.val(), tc.evalBatchSize()) : null;
            Diagnosis.Result d = hasVal ? Diagnosis.diagnose(cfg.diagnosis().baseError(), train.error(), val.error(),
                    cfg.diagnosis().thresholds()) : null;
            RunResult r = new RunResult(dir, result.history(), train, val, result.test(), d,
                    result.bestEpoch() + 1, result.restored(), result.stop() == null ? -1 : result.stop().epoch() + 1,
                    result.stopReason(), (System.nanoTime() - t0) / 1e9);
            try {
                ReportWriter.writeAll(r, cfg, split, data, augSpec, m.normalization());
            } catch (IOException e) {
                throw new RunException("cannot write the report to " + dir + ": " + e.getMessage(), e);
            }
            ReportWriter.printSummary(r, out);
            return r;
        }
    }

    /** The loop options a config asks for, writing into (and resuming from) {@code dir}. */
    static LoopConfig loopConfig(TrainConfig cfg, Split split, Path dir) {
        return LoopConfig.builder()
                .epochs(cfg.epochs()).batchSize(cfg.batchSize()).evalBatchSize(cfg.evalBatchSize())
                .seed(cfg.seed()).optimizer(cfg.optimizer().toOptimizerConfig())
                .schedule(cfg.schedule().toScheduleConfig(cfg.epochs(), stepsPerEpoch(cfg, split)))
                .l2Form(cfg.regularization().form())
                .earlyStopping(cfg.earlyStopping() == null ? null : cfg.earlyStopping().toEarlyStoppingConfig())
                .workers(cfg.workers()).prefetch(cfg.prefetch()).torchThreads(cfg.torchThreads())
                .progressBar(cfg.progress())
                .outputDir(dir).resume(true).build();
    }

    /** PyTorch's own intra-op thread count (one per core, or the {@code ai.djl.pytorch.num_threads} property). */
    private static int defaultTorchThreads() {
        Engine.getEngine("PyTorch"); // loads the native library JniUtils calls into
        return JniUtils.getNumThreads();
    }

    static int stepsPerEpoch(TrainConfig cfg, Split split) {
        return (split.train().length + cfg.batchSize() - 1) / cfg.batchSize();
    }

    /** The train-time augmenter of a config's augmentation spec, or null without one. */
    static PipelineAugmenter augmenter(ConfigLoader loader, PipelineSpec augSpec) {
        return augSpec == null ? null : new PipelineAugmenter(Pipeline.compile(augSpec, loader.registry()));
    }

    private static Path defaultDir(TrainConfig cfg) {
        return cfg.outputDir() != null ? Path.of(cfg.outputDir()) : Path.of("runs", cfg.name());
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
        interruption.acknowledge();
        return new RunInterruptedException(msg, dir, done);
    }
}
