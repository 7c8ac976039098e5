package io.augment4j.trainer.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.augment4j.api.AugmentException;
import io.augment4j.trainer.config.ConfigLoader;
import io.augment4j.trainer.config.TrainConfig;
import io.augment4j.trainer.loop.Checkpoint;
import io.augment4j.trainer.run.RunException;
import io.augment4j.trainer.run.RunFolderLock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a study: trials {@code 0 .. trials-1} through a {@link TrialExecutor}, each with the values
 * its {@link Sampler} gives, pruned by the study's {@link Pruner}, all recorded in the study
 * folder's {@link Journal}; then writes the results ({@link StudyResults}).
 *
 * <p>The study folder is locked as a run folder is ({@link RunFolderLock}). Trial {@code n} trains
 * in {@code trials/NNN/}. Resuming ({@code resume = true}) replays the journal, skips the trials
 * that ended, and reruns the others from their last checkpoint, with the values and pruning
 * decisions the journal holds: as trial values depend only on the seed and the trial number (and
 * on earlier rounds, which have ended), and a resumed training reproduces the uninterrupted one,
 * a study killed at any moment and resumed ends with the same trials and results as one that ran
 * through (with one trial at a time; with several at once, pruning depends on which trial reached
 * a rung first).
 *
 * <p>An objective study ({@link StudySpec#objectiveStudy()}) runs the same way, its trials calling
 * the caller's {@link Objective} through an {@link ObjectiveRunner} ({@link #optimize} sets it up).
 * Its interrupted trials are rerun from their start (see {@link Objective}); the journal cannot
 * tell whether the objective's code changed between a start and a resume: keep it unchanged.
 */
public final class Study {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final StudySpec spec;
    private final Path dir;
    private final TrialExecutor executor;
    private final ConfigLoader loader;
    private final PrintStream out;
    /** The console while {@link #run} runs. */
    private volatile StudyProgress progress;

    /**
     * @param spec the study
     * @param dir the study folder
     * @param executor runs the trials
     * @param loader checks each trial's config (its registry: the transforms the augmentation may
     *     use); null for an objective study, whose trials have no config
     * @param out progress: a line per ended trial, and a bar for the running ones on a terminal (else a
     *     line per started trial and per epoch)
     */
    public Study(StudySpec spec, Path dir, TrialExecutor executor, ConfigLoader loader, PrintStream out) {
        if (loader == null && !spec.objectiveStudy()) {
            throw new IllegalArgumentException("a study of training configs needs a config loader");
        }
        this.spec = spec;
        this.dir = dir.toAbsolutePath().normalize();
        this.executor = executor;
        this.loader = loader;
        this.out = out;
    }

    /**
     * Runs (or resumes) an objective study to its end in this JVM, {@code parallel} trials at once
     * ({@link LocalTrialExecutor}), and writes its results.
     *
     * @param spec an objective study ({@link Studies.Builder#metric})
     * @param dir the study folder
     * @param objective what each trial runs
     * @param parallel how many trials run at once (each in its own thread)
     * @param resume continue the study in the folder (else the folder must hold none)
     * @param out progress: a line per ended trial, and a bar for the running ones on a terminal (else a
     *     line per started trial and per epoch)
     * @return every trial, by number
     * @throws AugmentException for user errors (folder in use, already a study, another study's folder)
     * @throws IllegalArgumentException when the spec trains a config rather than call an objective
     */
    public static List<TrialRecord> optimize(StudySpec spec, Path dir, Objective objective, int parallel,
            boolean resume, PrintStream out) {
        if (!spec.objectiveStudy()) {
            throw new IllegalArgumentException("study " + spec.name() + " trains a base config: run it with a"
                    + " TrialRunner, or build it with a metric instead of a base config");
        }
        try (LocalTrialExecutor executor = new LocalTrialExecutor(
                new ObjectiveRunner(objective, spec.monitor(), spec.direction()), parallel)) {
            return new Study(spec, dir, executor, null, out).run(resume, null);
        }
    }

    /**
     * Runs (or resumes) the study to its end and writes its results.
     *
     * @param resume continue the study in the folder (else the folder must hold none)
     * @param trials how many trials in all, or null for the spec's count
     * @return every trial, by number
     * @throws AugmentException for user errors (folder in use, already a study, another study's folder)
     */
    public List<TrialRecord> run(boolean resume, Integer trials) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RunException("cannot write to the study folder " + dir + ": " + e.getMessage(), e);
        }
        try (RunFolderLock lock = RunFolderLock.acquire(dir, "study", resumeHint())) {
            boolean exists = Files.exists(dir.resolve(Journal.FILE));
            if (resume && !exists) {
                throw new RunException(dir + " holds no study (no " + Journal.FILE + "): start one"
                        + (spec.objectiveStudy() ? " (resume = false)" : " with aug tune --config <study file>"));
            }
            if (!resume && exists) {
                throw new RunException(dir + " already holds a study: continue it with " + resumeHint() + " " + dir
                        + ", or choose another output folder" + (spec.objectiveStudy() ? "" : " (--out)"));
            }
            try (Journal journal = Journal.open(dir)) {
                int n;
                if (journal.header() == null) {
                    n = Math.min(trials != null ? trials : spec.trials(), spec.sampler().maxTrials());
                    journal.writeHeader(header(n));
                } else if (!SpecHash.matches(journal.header(), spec)) {
                    throw new RunException(dir + " holds a study of another spec (its base config, search space,"
                            + " seed, monitor, sampler or pruner settings changed since it started): resume it with"
                            + " its own study file, or start a new study in another folder");
                } else {
                    // A resume without --trials keeps the count the study started with; no journaled trial
                    // is left unfinished either way.
                    int journaled = journal.records().stream().mapToInt(r -> r.number() + 1).max().orElse(0);
                    n = Math.max(journaled, Math.min(trials != null ? trials
                            : journal.header().path("trials").asInt(spec.trials()), spec.sampler().maxTrials()));
                }
                int ended = (int) journal.records().stream().filter(r -> r.state() != TrialState.RUNNING).count();
                try (StudyProgress p = new StudyProgress(out, spec.monitor(), System.console() != null, n, ended)) {
                    progress = p;
                    loop(journal, n);
                } finally {
                    progress = null;
                }
                List<TrialRecord> records = journal.records();
                StudyResults.write(dir, journal);
                printSummary(records);
                return records;
            } catch (IOException e) {
                throw new RunException("cannot use the journal " + dir.resolve(Journal.FILE) + ": " + e.getMessage(),
                        e);
            }
        }
    }

    private void loop(Journal journal, int total) {
        Monitor monitor = new Monitor(journal);
        Set<Integer> running = new LinkedHashSet<>();
        int next = 0;
        while (true) {
            while (running.size() < executor.parallelism() && next < total) {
                int n = next;
                boolean known = journal.has(n);
                if (known && journal.record(n).state() != TrialState.RUNNING) {
                    next++;
                    continue;
                }
                if (!known && !spec.sampler().ready(n, journal.records())) {
                    break;
                }
                Map<String, Object> params = known ? journal.record(n).params()
                        : spec.sampler().sample(n, journal.records());
                String trialDir = dir.resolve("trials").resolve(String.format(Locale.ROOT, "%03d", n)).toString();
                if (!known) {
                    journal.started(n, params, trialDir);
                }
                next++;
                Trial trial;
                try {
                    trial = spec.objectiveStudy() ? new Trial(n, params, null, false, trialDir)
                            : trial(n, params, trialDir);
                } catch (AugmentException | IllegalArgumentException e) {
                    TrialOutcome o = TrialOutcome.failed(n, "the sampled config is not valid: " + e.getMessage(), 0);
                    journal.ended(o);
                    printEnded(journal, o);
                    continue;
                }
                progress.started(n, String.format(Locale.ROOT, "trial %d started: %s", n, format(params)));
                executor.submit(trial, monitor);
                running.add(n);
            }
            if (running.isEmpty()) {
                if (next >= total) {
                    return;
                }
                throw new IllegalStateException("the sampler is not ready for trial " + next
                        + " though no trial is running");
            }
            TrialOutcome o;
            try {
                o = executor.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunException("the study was interrupted: continue it with " + resumeHint() + " " + dir, e);
            }
            running.remove(o.number());
            if (o.state() != TrialState.RUNNING) {
                journal.ended(o);
                if (!spec.objectiveStudy()) {
                    dropCheckpoint(journal.dir(o.number())); // an objective's folder holds the caller's files
                }
            }
            printEnded(journal, o);
        }
    }

    /**
     * An ended trial is never rerun, so once its end is journaled its checkpoint (weights and
     * optimizer state, the largest file of a trial) only takes space.
     */
    private static void dropCheckpoint(String trialDir) {
        if (trialDir != null) {
            try {
                Files.deleteIfExists(Checkpoint.path(Path.of(trialDir)));
            } catch (IOException e) {
                // kept: it takes space, nothing more
            }
        }
    }

    /** The trial's config: the base with its values, its own name, no output folder and no test files. */
    Trial trial(int n, Map<String, Object> params, String trialDir) {
        ObjectNode tree = ConfigPaths.apply(spec.base(), params);
        tree.put("name", spec.name() + "-trial-" + n);
        tree.remove("output_dir");
        boolean ownTest = StudyConfigs.removeTestFiles(tree);
        TrainConfig base = parse(tree, n);
        tree.put("workers", executor.workersPerTrial(base.workers()));
        StudyProgress p = progress;
        if (executor.parallelism() > 1 || (p != null && p.bar())) {
            tree.put("progress", false); // one bar on the console at a time
        }
        TrainConfig cfg = parse(tree, n);
        return new Trial(n, params, ConfigLoader.toYaml(cfg), ownTest, trialDir);
    }

    private TrainConfig parse(ObjectNode tree, int n) {
        String yaml;
        try {
            yaml = YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String source = "trial " + n + " of " + (spec.source() != null ? spec.source() : spec.name());
        return loader.parse(yaml, source, spec.baseDir(), spec.name() + "-trial-" + n);
    }

    /** What continues the study, for messages: the CLI's command, or the Java call. */
    private String resumeHint() {
        return spec.objectiveStudy() ? "Study.optimize(..., resume = true, ...) on" : "aug tune --resume";
    }

    private ObjectNode header(int trials) {
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        h.put("name", spec.name()).put("spec_hash", SpecHash.of(spec)).put("seed", spec.seed())
                .put("trials", trials).put("monitor", spec.monitor())
                .put("direction", spec.direction().name())
                .put("source", spec.source() == null ? null : spec.source().toAbsolutePath().toString())
                .put("base_dir", spec.objectiveStudy() ? null : spec.baseDir().toAbsolutePath().toString())
                .put("sampler", spec.sampler().getClass().getSimpleName())
                .put("pruner", spec.pruner() == null ? null : spec.pruner().getClass().getSimpleName());
        if (!spec.objectiveStudy()) {
            h.set("base", spec.base().deepCopy()); // absent: an objective study (StudyResults tells them apart so)
        }
        ObjectNode scales = h.putObject("scales");
        try {
            Studies.space(spec).entries().forEach((path, d) -> scales.put(path,
                    d instanceof Distribution.OneMinusLog ? StudyPlots.ONE_MINUS_LOG
                            : d.logScale() ? StudyPlots.LOG : StudyPlots.LINEAR));
        } catch (IllegalArgumentException customSampler) {
            // a sampler of the caller's own: the plots decide from the values
        }
        return h;
    }

    /** Records each epoch in the journal and decides pruning once: a journaled decision stands. */
    private final class Monitor implements TrialMonitor {
        private final Journal journal;

        Monitor(Journal journal) {
            this.journal = journal;
        }

        @Override
        public String epochEnded(int number, int epoch, Map<String, Double> logs, boolean ending) {
            synchronized (journal) {
                Optional<String> done = journal.decision(number, epoch);
                if (done.isPresent()) {
                    return done.get().isEmpty() ? null : done.get();
                }
                String reason = null;
                if (spec.pruner() != null && !ending) {
                    TrialRecord me = journal.record(number);
                    List<Double> curve = new ArrayList<>(me.curve().subList(0, Math.min(epoch, me.curve().size())));
                    curve.add(logs.getOrDefault(spec.monitor(), Double.NaN));
                    TrialRecord now = new TrialRecord(number, me.params(), TrialState.RUNNING, curve, null, null,
                            me.seconds(), null);
                    List<TrialRecord> others = journal.records().stream().filter(r -> r.number() != number)
                            .collect(Collectors.toList());
                    reason = spec.pruner().prune(now, epoch, others, spec.direction());
                }
                journal.epoch(number, epoch, logs, reason);
                Double v = logs.get(spec.monitor());
                String value = spec.monitor() + " " + (v == null ? "-" : StudyResults.value(v));
                progress.epoch(number, String.format(Locale.ROOT, "  trial %d epoch %d: %s%s", number, epoch + 1,
                        value, reason == null ? "" : " -> pruned (" + reason + ")"),
                        "ep." + (epoch + 1) + " " + (v == null ? "-" : StudyResults.value(v)));
                return reason;
            }
        }
    }

    private void printEnded(Journal journal, TrialOutcome o) {
        TrialRecord r = journal.record(o.number());
        String what = switch (o.state()) {
            case COMPLETE, PRUNED -> o.value() == null ? String.valueOf(o.reason()) : String.format(Locale.ROOT, "%s %s at epoch %d, %d epoch(s)", spec.monitor(),
                    StudyResults.value(o.value()), o.bestEpoch() + 1, o.epochsRun());
            case FAILED -> o.reason();
            case RUNNING -> "interrupted";
        };
        Optional<TrialRecord> best = StudyResults.best(journal.records(), spec.direction());
        progress.ended(o.number(), String.format(Locale.ROOT, "trial %d %s: %s (%.1f s) %s%s", o.number(), o.state().name().toLowerCase(Locale.ROOT),
                what, o.seconds(), format(r.params()), best.map(b -> String.format(Locale.ROOT,
                        "; best so far: trial %d, %s", b.number(), StudyResults.value(b.value()))).orElse("")));
    }

    private void printSummary(List<TrialRecord> records) {
        long complete = records.stream().filter(r -> r.state() == TrialState.COMPLETE).count();
        long pruned = records.stream().filter(r -> r.state() == TrialState.PRUNED).count();
        long failed = records.stream().filter(r -> r.state() == TrialState.FAILED).count();
        out.printf(Locale.ROOT, "%nStudy %s: %d trial(s): %d complete, %d pruned, %d failed; %d epochs in all.%n",
                spec.name(), records.size(), complete, pruned, failed,
                records.stream().mapToInt(TrialRecord::epochsRun).sum());
        StudyResults.best(records, spec.direction()).ifPresent(b -> out.printf(Locale.ROOT,
                "Best: trial %d, %s %s at epoch %d, %s%n", b.number(), spec.monitor(), StudyResults.value(b.value()),
                b.bestEpoch() + 1,
                format(b.params())));
        if (spec.objectiveStudy()) {
            out.println("Results: " + dir.resolve(StudyResults.REPORT) + ", " + dir.resolve(StudyResults.CSV) + ", "
                    + dir.resolve(StudyResults.BEST_PARAMS));
            return;
        }
        out.println("Results: " + dir.resolve(StudyResults.REPORT) + ", " + dir.resolve(StudyResults.CSV) + ", "
                + dir.resolve(StudyResults.BEST));
        out.println("Test the best config once: aug tune --final " + dir);
    }

    static String format(Map<String, Object> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + StudyResults.value(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
