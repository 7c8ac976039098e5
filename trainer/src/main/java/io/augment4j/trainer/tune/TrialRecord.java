package io.augment4j.trainer.tune;

import java.util.List;
import java.util.Map;

/**
 * What a study knows of one trial: its sampled values, its state and its validation curve.
 *
 * @param number the trial number (0-based); with the study seed it fixes the sampled values
 * @param params sampled values by config path (e.g. {@code optimizer.learning_rate}), in the
 *     search space's order; values are Double, Integer, String or Boolean
 * @param state where the trial stands
 * @param curve the monitored validation metric after each finished epoch (index = epoch, 0-based);
 *     partial for running and pruned trials
 * @param value the objective: the monitored metric at the best (restored) epoch; null until the
 *     trial is COMPLETE or PRUNED with at least one epoch
 * @param bestEpoch the 0-based epoch of {@code value}, or null
 * @param seconds wall-clock seconds spent on the trial so far
 * @param reason why it was pruned or failed (null otherwise)
 */
public record TrialRecord(int number, Map<String, Object> params, TrialState state, List<Double> curve,
        Double value, Integer bestEpoch, double seconds, String reason) {

    /** Copies the collections. */
    public TrialRecord {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        curve = List.copyOf(curve);
    }

    /** @return epochs finished so far */
    public int epochsRun() {
        return curve.size();
    }
}
