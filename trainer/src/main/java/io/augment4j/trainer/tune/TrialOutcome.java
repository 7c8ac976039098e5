package io.augment4j.trainer.tune;

import java.io.Serializable;
import java.util.List;

/**
 * What running a {@link Trial} gave: plain data, serializable.
 *
 * @param number the trial number
 * @param state COMPLETE, PRUNED, FAILED, or RUNNING when the training was interrupted (a rerun
 *     continues it from its checkpoint)
 * @param curve the monitored validation metric per epoch (index = 0-based epoch), earlier
 *     attempts' epochs included
 * @param value the monitored metric at {@code bestEpoch}, or null (failed, or no epoch)
 * @param bestEpoch the 0-based epoch whose weights the trial ended with (early stopping's restored
 *     best, else the last), or null
 * @param seconds wall-clock seconds spent on the trial, earlier attempts' epochs included
 * @param reason why it was pruned or failed, else null
 * @param trainError a clean evaluation of the final weights on the train split, or null
 * @param valError the same on the validation split, or null
 */
public record TrialOutcome(int number, TrialState state, List<Double> curve, Double value, Integer bestEpoch,
        double seconds, String reason, Double trainError, Double valError) implements Serializable {

    /** Copies the curve. */
    public TrialOutcome {
        curve = List.copyOf(curve);
    }

    /** @return epochs run */
    public int epochsRun() {
        return curve.size();
    }

    /**
     * @param number the trial number
     * @param reason what went wrong
     * @param seconds time spent
     * @return a FAILED outcome without epochs
     */
    public static TrialOutcome failed(int number, String reason, double seconds) {
        return new TrialOutcome(number, TrialState.FAILED, List.of(), null, null, seconds, reason, null, null);
    }
}
