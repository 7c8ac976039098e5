package io.augment4j.trainer.run;

import io.augment4j.trainer.loop.History;
import io.augment4j.trainer.loop.EvalMetrics;
import io.augment4j.trainer.report.Diagnosis;
import java.nio.file.Path;

/**
 * The outcome of {@link TrainingRun#start}: what the report says, as data.
 *
 * @param runDir the run folder (report.md, curves.png, history, split, model, ...)
 * @param history per-epoch metrics
 * @param train the final model on the train split (no dropout, no augmentation)
 * @param val the final model on the validation split; null when there is none ({@code split.merge_val})
 * @param test the final model on the test split, measured once at the end (null when there is none)
 * @param diagnosis the bias/variance verdict (from train and validation errors only); null without a
 *     validation split
 * @param bestEpoch 1-based epoch whose weights the model has (restored by early stopping), or the last epoch
 * @param restoredBest true when early stopping put back the weights of {@code bestEpoch}
 * @param stoppedEpoch 1-based epoch after which a listener (early stopping) ended the run, or -1
 * @param stopReason why training ended early, or null
 * @param seconds wall time of this invocation
 */
public record RunResult(Path runDir, History history, EvalMetrics train, EvalMetrics val, EvalMetrics test,
        Diagnosis.Result diagnosis, int bestEpoch, boolean restoredBest, int stoppedEpoch, String stopReason, double seconds) {

    /** @return the path of report.md */
    public Path report() {
        return runDir.resolve("report.md");
    }

    /** @return the path of curves.png */
    public Path curves() {
        return runDir.resolve("curves.png");
    }
}
