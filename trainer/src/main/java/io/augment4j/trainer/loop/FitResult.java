package io.augment4j.trainer.loop;

/**
 * The outcome of {@link TrainingLoop#fit}.
 *
 * @param model the trained model (best weights if early stopping restored them); the caller
 *     owns it and must close it
 * @param history per-epoch metrics
 * @param test metrics on the test split, measured once at the end (null when it is empty)
 * @param stopReason why training ended before its last epoch, or null
 */
public record FitResult(TrainedModel model, History history, EvalMetrics test, String stopReason) {}
