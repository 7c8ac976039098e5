package io.augment4j.trainer.tune;

/**
 * What running one trial means, for an executor: training its config ({@link TrialRunner}) or
 * calling the caller's {@link Objective} ({@link ObjectiveRunner}). Implementations turn the
 * trial's own failures into FAILED outcomes rather than throw, and may be called from several
 * threads at once.
 */
@FunctionalInterface
public interface TrialFunction {

    /**
     * @param trial the trial
     * @param monitor told of each epoch; records it and decides pruning
     * @return its outcome
     */
    TrialOutcome run(Trial trial, TrialMonitor monitor);
}
