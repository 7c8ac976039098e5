package io.augment4j.cli;

import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.config.ConfigLoader;
import io.augment4j.trainer.run.RunException;
import io.augment4j.trainer.run.RunFolderLock;
import io.augment4j.trainer.run.RunInterruptedException;
import io.augment4j.trainer.tune.FinalRun;
import io.augment4j.trainer.tune.Journal;
import io.augment4j.trainer.tune.Study;
import io.augment4j.trainer.tune.StudyLoader;
import io.augment4j.trainer.tune.StudyResults;
import io.augment4j.trainer.tune.StudySpec;
import io.augment4j.trainer.tune.TrialExecutor;
import io.augment4j.trainer.tune.TrialRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aug tune}: runs, resumes and reports a hyperparameter study; trains its best config for the test set. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Tune a training config: train trials with sampled hyperparameters, rank them on the",
                "validation metric (no trial reads the test set), stop poor ones early. The study folder gets",
                "study.jsonl (the journal), trials.csv, report.md, best.yaml and plots. See trainer/TUNING.md."},
        footer = {"", "Examples:", "  aug tune --config configs/tune-quick.yaml",
                "  aug tune --config configs/tune-quick.yaml --parallel 2 --trials 20",
                "  aug tune --config configs/tune-quick.yaml --engine spark --master 'local[2]' --parallel 2",
                "  aug tune --resume studies/tune-quick      # after a crash, kill or Ctrl-C",
                "  aug tune --report studies/tune-quick      # rewrite the results from the journal",
                "  aug tune --final studies/tune-quick       # train the best config again, measure the test set once",
                "  aug tune --final studies/tune-quick --full                 # ... on the base config without overrides",
                "  aug tune --final studies/tune-quick --train-on train+val   # ... on train + validation"})
final class TuneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--config", paramLabel = "FILE", required = true, description = "The study file.")
        Path config;

        @Option(names = "--resume", paramLabel = "DIR", required = true,
                description = "Continue the study in DIR: ended trials stay, unfinished ones rerun from their checkpoint.")
        Path resume;

        @Option(names = "--report", paramLabel = "DIR", required = true,
                description = "Rewrite trials.csv, report.md, best.yaml and the plots of DIR from its journal.")
        Path report;

        @Option(names = "--final", paramLabel = "DIR", required = true,
                description = {"Train the best trial's config once more (as aug train) into DIR/final and evaluate"
                        + " the test set once. With --full: DIR/final-full; with --train-on train+val:"
                        + " DIR/final-trainval."})
        Path fin;
    }

    @Option(names = "--full", description = {"With --final: set the best trial's values into the study's base"
            + " config WITHOUT the study's overrides (its full data, its epochs, its early stopping)."})
    boolean full;

    @Option(names = "--train-on", paramLabel = "WHAT", defaultValue = "train",
            description = {"With --final: train (default: the trials' train split, early stopping on their"
                    + " validation split) or train+val (train and validation together, no early stopping, for"
                    + " the best trial's best epoch count)."})
    String trainOn;

    @Option(names = "--out", paramLabel = "DIR", description = "Study folder (default: studies/<study name>).")
    Path out;

    @Option(names = "--trials", paramLabel = "N", description = "Trials in all (default: the study file's).")
    Integer trials;

    @Option(names = "--parallel", paramLabel = "K", defaultValue = "1",
            description = "Trials at once, sharing the cores (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--engine", paramLabel = "E", defaultValue = Engines.LOCAL,
            description = {"local (trials in this JVM; default) or spark (each trial a Spark task; needs",
                    "augment-spark and Spark's jars on the class path: README.md, Running on Spark)."})
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = {"Spark master for --engine spark: local[2], local[2,3] (3 attempts per task),",
                    "spark://HOST:7077, yarn (default: spark-submit's, else local[*])."})
    String master;

    @Override
    public Integer call() {
        if (parallel < 1) {
            throw new UsageException("--parallel must be at least 1, got " + parallel);
        }
        if (trials != null && trials < 1) {
            throw new UsageException("--trials must be at least 1, got " + trials);
        }
        if (!trainOn.equals("train") && !trainOn.equals("train+val")) {
            throw new UsageException("--train-on is train or train+val, got '" + trainOn + "'");
        }
        if (what.fin == null && (full || !trainOn.equals("train"))) {
            throw new UsageException("--full and --train-on go with --final DIR");
        }
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        TransformRegistry registry = Registries.discover(spec, spec.commandLine().getErr());
        if (what.report != null) {
            report(what.report, stdout);
            return ExitCodes.OK;
        }
        if (what.fin != null) {
            return finalRun(registry, what.fin, stdout);
        }
        StudySpec study;
        Path dir;
        if (what.resume != null) {
            dir = what.resume;
            study = new StudyLoader(registry).load(studyFile(dir));
        } else {
            study = new StudyLoader(registry).load(what.config);
            dir = out != null ? out : Path.of("studies", study.name());
        }
        run(registry, study, dir.toAbsolutePath().normalize(), what.resume != null, stdout);
        return ExitCodes.OK;
    }

    private void run(TransformRegistry registry, StudySpec study, Path dir, boolean resume, PrintStream stdout) {
        ConfigLoader loader = new ConfigLoader(registry);
        AtomicBoolean done = new AtomicBoolean();
        // Ctrl-C ends the JVM like a kill: the journal and checkpoints stand; say how to go on.
        Thread hook = new Thread(() -> {
            if (!done.get()) {
                stdout.println();
                stdout.println("interrupted: resume with aug tune --resume " + dir);
            }
        }, "aug-tune-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        // The executor is made first: it sizes PyTorch's threads before the engine starts.
        try (TrialExecutor executor = Engines.trials(engine, master,
                new TrialRunner(loader, study.monitor(), study.direction()), parallel)) {
            stdout.printf("Study %s in %s, %d trial(s) at once%s.%n", study.name(), dir, parallel,
                    engine.equals(Engines.LOCAL) ? "" : " on " + engine);
            new Study(study, dir, executor, loader, stdout).run(resume, trials);
        } finally {
            done.set(true);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs
            }
        }
    }

    /** The study file the journal of {@code dir} names. */
    private static Path studyFile(Path dir) {
        Journal journal = read(dir);
        String source = journal.header() == null ? null : journal.header().path("source").asText(null);
        if (source == null) {
            throw new RunException(dir.resolve(Journal.FILE) + " names no study file (the study was started from"
                    + " Java code): resume it with Study.run(true, ...)");
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new RunException("the study file " + file + " of " + dir + " no longer exists: put it back to"
                    + " resume the study");
        }
        return file;
    }

    private static Journal read(Path dir) {
        return Journal.readFolder(dir);
    }

    private static void report(Path dir, PrintStream stdout) {
        Journal journal = read(dir);
        try (RunFolderLock lock = RunFolderLock.acquire(dir, "study", "aug tune --resume")) {
            StudyResults.write(dir, journal);
        } catch (IOException e) {
            throw new RunException("cannot write the results into " + dir + ": " + e.getMessage(), e);
        }
        stdout.println("Results: " + dir.resolve(StudyResults.REPORT) + ", " + dir.resolve(StudyResults.CSV)
                + (Files.exists(dir.resolve(StudyResults.BEST)) ? ", " + dir.resolve(StudyResults.BEST) : ""));
    }

    private int finalRun(TransformRegistry registry, Path dir, PrintStream stdout) {
        try {
            FinalRun.run(registry, dir, new FinalRun.Variant(full, trainOn.equals("train+val")), stdout);
            return ExitCodes.OK;
        } catch (RunInterruptedException e) {
            return TrainCommand.INTERRUPTED;
        }
    }
}
