package io.augment4j.trainer.tune;

import io.augment4j.api.AugmentException;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.Json;
import io.augment4j.trainer.config.ConfigLoader;
import io.augment4j.trainer.config.TrainConfig;
import io.augment4j.trainer.loop.Checkpoint;
import io.augment4j.trainer.loop.LoopListener;
import io.augment4j.trainer.loop.TrainingContext;
import io.augment4j.trainer.run.RunFolder;
import io.augment4j.trainer.run.TrainValRun;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains one {@link Trial}: its config on the train split, validated on the validation split each
 * epoch, through {@link TrainValRun} (the pieces of {@code aug train}, the test set never loaded),
 * with the {@link TrialMonitor} as a loop listener that records each epoch and may prune. The
 * trial is ranked on the monitored validation metric at the epoch whose weights it ends with
 * (early stopping's restored best, else the last).
 *
 * <p>The trial folder receives {@code config.yaml}, {@code split.json}, the history and a
 * checkpoint per epoch; a trial folder that holds a checkpoint is continued from it. A failing
 * trial (bad sampled config, diverged loss, unreadable data) gives a FAILED outcome with the
 * reason; it never throws for them.
 *
 * <p>Serializable, for executors that run trials in other JVMs: a deserialized runner keeps the
 * monitored metric and direction, and reads configs with the transforms found on its own JVM's class
 * path ({@link TransformRegistry#discover()}, once per JVM), not with the loader it was made with (a
 * loader's registry does not travel); transforms from plugin jars must be on that class path.
 */
public final class TrialRunner implements TrialFunction, Serializable {

    private static final long serialVersionUID = 1L;

    /** Marks a loop stop requested by the pruner, so that a resumed trial still reads as pruned. */
    static final String PRUNED = "pruned: ";

    private final ConfigLoader loader;
    private final String monitor;
    private final Direction direction;

    /**
     * @param loader reads the trial configs (its registry compiles their augmentation)
     * @param monitor the history key the trials are ranked on (e.g. {@code val_loss})
     * @param direction whether it is minimized or maximized
     */
    public TrialRunner(ConfigLoader loader, String monitor, Direction direction) {
        this.loader = loader;
        this.monitor = monitor;
        this.direction = direction;
    }

    /** What travels: the ranking, not the loader. */
    private Object writeReplace() {
        return new Serialized(monitor, direction);
    }

    private void readObject(ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a TrialRunner travels as its Serialized form");
    }

    /** The serialized form of a runner: rebuilt with this JVM's discovered transforms. */
    private record Serialized(String monitor, Direction direction) implements Serializable {
        private static final long serialVersionUID = 1L;

        private Object readResolve() {
            return new TrialRunner(DiscoveredLoader.LOADER, monitor, direction);
        }
    }

    /** This JVM's config loader over the class path's transforms, made on first use. */
    private static final class DiscoveredLoader {
        static final ConfigLoader LOADER = new ConfigLoader(TransformRegistry.discover());
    }

    /**
     * @param trial the trial
     * @param monitor told of each epoch; decides pruning
     * @return its outcome
     */
    @Override
    public TrialOutcome run(Trial trial, TrialMonitor monitor) {
        long t0 = System.nanoTime();
        Path dir = Path.of(trial.trialDir());
        int n = trial.number();
        double earlier = 0;
        try {
            Files.createDirectories(dir);
            Path cfgFile = dir.resolve(RunFolder.CONFIG_FILE);
            if (!Files.isRegularFile(cfgFile)) {
                Json.writeAtomically(cfgFile, trial.configYaml().getBytes(StandardCharsets.UTF_8));
            }
            earlier = earlierSeconds(dir);
            TrainConfig cfg = loader.parse(trial.configYaml(), cfgFile.toString(), dir, "trial-" + n);
            StudyHook hook = new StudyHook(n, monitor, cfg.epochs());
            PrunerListener pruner = new PrunerListener(hook, List::of, n, trial.params(), this.monitor, direction,
                    hook::progress);
            TrainValRun.Result r = TrainValRun.fit(loader, cfg, trial.ownTestSet(), dir, hook, pruner);
            double seconds = earlier + (System.nanoTime() - t0) / 1e9;
            double[] values = r.history().get(this.monitor);
            List<Double> curve = new ArrayList<>();
            for (double v : values) {
                if (Double.isNaN(v)) {
                    return TrialOutcome.failed(n, "the history has no " + this.monitor
                            + " (the trials are ranked on it: it needs a validation split)", seconds);
                }
                curve.add(v);
            }
            Integer best = r.bestEpoch() >= 0 ? r.bestEpoch() : null;
            Double value = best == null ? null : curve.get(best);
            if (r.train() == null) {
                return new TrialOutcome(n, TrialState.RUNNING, curve, value, best, seconds, "interrupted", null, null);
            }
            String stop = r.stop() == null ? null : r.stop().reason();
            boolean pruned = stop != null && stop.startsWith(PRUNED);
            return new TrialOutcome(n, pruned ? TrialState.PRUNED : TrialState.COMPLETE, curve, value, best, seconds,
                    pruned ? stop.substring(PRUNED.length()) : null, r.train().error(), r.val().error());
        } catch (AugmentException e) {
            return TrialOutcome.failed(n, e.getMessage(), earlier + (System.nanoTime() - t0) / 1e9);
        } catch (IOException | RuntimeException e) {
            return TrialOutcome.failed(n, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    earlier + (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * The study's side of the trial's {@link PrunerListener}: it hears each epoch's metrics first
     * (it is the listener before), then serves as the listener's pruner by asking the study's
     * {@link TrialMonitor}, which records the epoch and decides once; an epoch the listener does
     * not ask about (early stopping ended the trial) is still recorded, through its progress
     * callback. The last epoch is recorded without a decision: the trial ends anyway.
     */
    private static final class StudyHook implements LoopListener, Pruner {
        private final int number;
        private final TrialMonitor monitor;
        private final int epochs;
        private Map<String, Double> logs;
        private int epoch;
        private boolean asked;

        StudyHook(int number, TrialMonitor monitor, int epochs) {
            this.number = number;
            this.monitor = monitor;
            this.epochs = epochs;
        }

        @Override
        public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {
            this.logs = logs;
            this.epoch = epoch;
            this.asked = false;
        }

        @Override
        public String prune(TrialRecord trial, int epoch, List<TrialRecord> others, Direction direction) {
            asked = true;
            boolean last = epoch + 1 >= epochs;
            String reason = monitor.epochEnded(number, epoch, logs, last);
            return reason == null || last ? null : PRUNED + reason;
        }

        void progress(TrialRecord record) {
            if (!asked) {
                monitor.epochEnded(number, epoch, logs, true);
            }
        }
    }

    /** The epoch times of an earlier attempt that the checkpoint keeps (a resumed trial). */
    private static double earlierSeconds(Path dir) throws IOException {
        if (!Checkpoint.exists(dir)) {
            return 0;
        }
        double s = 0;
        for (Map<String, Double> row : Checkpoint.load(dir).history()) {
            s += row.getOrDefault("epoch_time_s", 0.0);
        }
        return s;
    }
}
