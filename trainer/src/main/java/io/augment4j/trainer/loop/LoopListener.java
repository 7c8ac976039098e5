package io.augment4j.trainer.loop;

import java.util.Map;

/**
 * Hooks around the training loop. Progress, history, early stopping and user code are all
 * listeners; a listener that must survive a resume also implements {@link StatefulListener}.
 */
public interface LoopListener {

    /** @param ctx the run */
    default void onTrainBegin(TrainingContext ctx) {}

    /**
     * @param ctx the run
     * @param epoch 0-based epoch
     * @param numBatches batches this epoch
     */
    default void onEpochBegin(TrainingContext ctx, int epoch, int numBatches) {}

    /**
     * @param ctx the run
     * @param stats the batch just trained
     */
    default void onBatchEnd(TrainingContext ctx, BatchStats stats) {}

    /**
     * Called after validation, before the epoch's checkpoint is written.
     *
     * @param ctx the run
     * @param epoch 0-based epoch
     * @param logs metrics of the epoch (already in the history)
     */
    default void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {}

    /** @param ctx the run; called when training ends normally (not on an exception) */
    default void onTrainEnd(TrainingContext ctx) {}
}
