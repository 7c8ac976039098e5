package io.augment4j.trainer.tune;

import java.util.Map;

/**
 * The study's side of a running trial: told of every finished epoch, it records the metrics and
 * answers whether the trial goes on (pruning). Called from the thread that trains the trial;
 * implementations used with a parallel executor are thread-safe.
 */
public interface TrialMonitor {

    /**
     * @param number the trial number
     * @param epoch the 0-based epoch just finished
     * @param logs its metrics (history row: {@code loss}, {@code val_loss}, {@code val_accuracy}, ...)
     * @param ending the trial ends after this epoch anyway (its last epoch, or early stopping): no
     *     pruning decision is wanted
     * @return null to go on, or why the trial is pruned (ignored when {@code ending})
     */
    String epochEnded(int number, int epoch, Map<String, Double> logs, boolean ending);
}
