package io.augment4j.trainer.tune;

/** Where a trial stands in a study. */
public enum TrialState {
    /** Started and not yet ended (or interrupted: a resumed study runs it again from its checkpoint). */
    RUNNING,
    /** Trained to its end (all epochs, or stopped early by its own early stopping). */
    COMPLETE,
    /** Stopped by the study's pruner; its partial curve is kept. */
    PRUNED,
    /** Ended by an error (diverged loss, bad sampled config); the reason is recorded, the study goes on. */
    FAILED
}
