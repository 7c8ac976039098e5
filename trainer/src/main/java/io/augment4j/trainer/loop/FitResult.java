package io.augment4j.trainer.loop;

/**
 * The outcome of {@link TrainingLoop#fit}.
 *
 * @param model the trained model; the caller owns it and must close it
 * @param history per-epoch metrics
 * @param test metrics on the test split, measured once at the end (null when it is empty, or
 *     when the run was suspended)
 * @param bestEpoch 0-based epoch whose weights the model holds: the epoch a listener restored
 *     (early stopping's best, when it restores best weights), else the last completed epoch
 *     (-1 when none completed)
 * @param restored true when {@code bestEpoch} was restored by a listener
 * @param stop why and when the run stopped before its last epoch, or null when all epochs ran
 */
public record FitResult(TrainedModel model, History history, EvalMetrics test, int bestEpoch,
        boolean restored, Stop stop) {

    /**
     * A stop requested by a listener.
     *
     * @param epoch 0-based epoch in which (or after which) it was requested
     * @param reason why
     * @param completed true when requested at the epoch's end: the epoch counts and the run
     *     ended; false when requested during the epoch: the epoch was dropped and the run is
     *     suspended (resume continues it from the last checkpoint)
     */
    public record Stop(int epoch, String reason, boolean completed) {}

    /** @return why the run stopped before its last epoch, or null */
    public String stopReason() {
        return stop == null ? null : stop.reason();
    }

    /** @return true when a stop during an epoch suspended the run (it is not finished) */
    public boolean suspended() {
        return stop != null && !stop.completed();
    }
}
