package io.augment4j.trainer.tune;

import java.util.List;

/**
 * Decides whether a running trial stops after an epoch (pruning), from its own validation curve
 * and the curves the study has recorded for other trials. Pruning is independent of how trials
 * are sampled. Implementations are immutable and thread-safe; the study records every decision,
 * so a resumed study does not revisit them.
 */
public interface Pruner {

    /**
     * @param trial the running trial, with its curve up to and including {@code epoch}
     * @param epoch the 0-based epoch just finished
     * @param others every other trial of the study as recorded now (running ones with partial curves)
     * @param direction whether lower or higher values are better
     * @return null to go on, or the reason to stop the trial (e.g. "ASHA rung 1 (epoch 3): 0.41 not in the top 1/3")
     */
    String prune(TrialRecord trial, int epoch, List<TrialRecord> others, Direction direction);
}
