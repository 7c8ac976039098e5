package io.augment4j.trainer.loop;

import java.util.Map;

/**
 * Hooks around the training loop. Progress, history files, checkpoints, early stopping, the NaN
 * guard, model saving and user code are all listeners (see {@link LoopListeners#defaults}); a
 * listener that must survive a resume also implements {@link StatefulListener}.
 *
 * <p>The loop calls the listeners of each hook in list order. A listener ends the run with
 * {@link TrainingContext#requestStop}; one that throws aborts it (nothing after the last
 * checkpoint is kept, and a resume continues from there).
 */
public interface LoopListener {

    /**
     * A fit starts (or resumes): reset per-fit state here, so one instance can serve several fits.
     * A resumed fit then loads {@link StatefulListener} state.
     *
     * @param ctx the run
     */
    default void onTrainBegin(TrainingContext ctx) {}

    /**
     * @param ctx the run
     * @param epoch 0-based epoch
     * @param numBatches batches this epoch
     */
    default void onEpochBegin(TrainingContext ctx, int epoch, int numBatches) {}

    /**
     * Called after the batch's forward and backward pass and before the weights are updated with
     * its gradients (as DJL's {@code onTrainingBatch}): a listener that throws here leaves the
     * weights as they were before this batch.
     *
     * @param ctx the run
     * @param stats the batch just computed
     */
    default void onBatchEnd(TrainingContext ctx, BatchStats stats) {}

    /**
     * Called after validation, with the epoch's row already in the history. A stop requested here
     * ends the run after this epoch.
     *
     * @param ctx the run
     * @param epoch 0-based epoch
     * @param logs metrics of the epoch
     */
    default void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {}

    /**
     * The run has ended: all epochs ran, or a stop was requested at an epoch's end. Not called
     * after an exception, nor after a stop requested during an epoch (that run is suspended: its
     * last checkpoint resumes it).
     *
     * @param ctx the run
     */
    default void onTrainEnd(TrainingContext ctx) {}

    /**
     * The run was suspended: a stop was requested during an epoch, which is dropped; the last
     * checkpoint resumes the run. Called instead of {@link #onTrainEnd}, so that listeners
     * release what they hold for the epoch (a progress bar) without finishing the run.
     *
     * @param ctx the run
     */
    default void onTrainSuspended(TrainingContext ctx) {}
}
