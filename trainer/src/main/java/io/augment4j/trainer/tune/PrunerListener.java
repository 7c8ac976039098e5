package io.augment4j.trainer.tune;

import io.augment4j.trainer.loop.LoopListener;
import io.augment4j.trainer.loop.TrainingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Connects a {@link Pruner} to one trial's training loop. After each epoch it appends the
 * monitored validation value to the trial's curve (NaN when the epoch's metrics lack it), asks
 * the pruner, ends the run with {@link TrainingContext#requestStop} when told to (the run then
 * ends cleanly after this epoch, keeping its partial curve), and reports the trial's record to
 * {@code onProgress} so the study can journal every epoch.
 *
 * <p>The record given to {@code onProgress} is RUNNING with no value, or PRUNED with the reason
 * and, as value, the best curve value in the study's direction (the earliest on ties). Its
 * seconds count from this fit's start. When another listener (early stopping) already asked to
 * stop at this epoch, the pruner is not consulted: the trial ends on its own.
 *
 * <p>On a resumed fit the curve starts from the monitored column of the restored history, so
 * decisions see the whole curve. Add it after the early stopper and before the writers
 * (as {@code LoopListeners.defaults(config, listener)} does with the caller's listeners).
 */
public final class PrunerListener implements LoopListener {

    private final Pruner pruner;
    private final Supplier<List<TrialRecord>> others;
    private final int number;
    private final Map<String, Object> params;
    private final String monitor;
    private final Direction direction;
    private final Consumer<TrialRecord> onProgress;
    private final List<Double> curve = new ArrayList<>();
    private long startNanos;
    private String reason;

    /**
     * @param pruner the study's pruner, or null to never prune (progress is still reported)
     * @param others the other trials of the study as recorded now (read at every epoch)
     * @param number the running trial's number
     * @param params its sampled values
     * @param monitor the history key of the objective, e.g. {@code val_loss}
     * @param direction whether lower or higher values are better
     * @param onProgress receives the trial's record after every epoch (may be null)
     */
    public PrunerListener(Pruner pruner, Supplier<List<TrialRecord>> others, int number, Map<String, Object> params,
            String monitor, Direction direction, Consumer<TrialRecord> onProgress) {
        this.pruner = pruner;
        this.others = Objects.requireNonNull(others, "others");
        this.number = number;
        this.params = new LinkedHashMap<>(params);
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.onProgress = onProgress == null ? r -> { } : onProgress;
    }

    @Override
    public void onTrainBegin(TrainingContext ctx) {
        curve.clear();
        reason = null;
        startNanos = System.nanoTime();
        for (Map<String, Double> row : ctx.history().rows()) {
            curve.add(row.getOrDefault(monitor, Double.NaN));
        }
    }

    @Override
    public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {
        curve.add(logs.getOrDefault(monitor, Double.NaN));
        TrialRecord running = record(TrialState.RUNNING, null, null, null);
        if (pruner != null && reason == null && ctx.stop() == null) {
            reason = pruner.prune(running, epoch, others.get(), direction);
            if (reason != null) {
                ctx.requestStop(reason);
            }
        }
        onProgress.accept(reason == null ? running : prunedRecord());
    }

    private TrialRecord prunedRecord() {
        Integer bestEpoch = null;
        for (int e = 0; e < curve.size(); e++) {
            double v = curve.get(e);
            if (!Double.isNaN(v) && (bestEpoch == null || direction.better(v, curve.get(bestEpoch)))) {
                bestEpoch = e;
            }
        }
        return record(TrialState.PRUNED, bestEpoch == null ? null : curve.get(bestEpoch), bestEpoch, reason);
    }

    private TrialRecord record(TrialState state, Double value, Integer bestEpoch, String why) {
        return new TrialRecord(number, params, state, curve, value, bestEpoch,
                (System.nanoTime() - startNanos) / 1e9, why);
    }

    /** @return why the pruner stopped the trial, or null when it did not (in this fit) */
    public String reason() {
        return reason;
    }

    /** @return the monitored values so far, one per finished epoch */
    public List<Double> curve() {
        return List.copyOf(curve);
    }
}
