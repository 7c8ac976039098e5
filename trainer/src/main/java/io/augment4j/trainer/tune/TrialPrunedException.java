package io.augment4j.trainer.tune;

/**
 * Thrown by an {@link Objective} to end its trial as PRUNED, typically when
 * {@link TrialContext#shouldPrune()} says so. The trial keeps the curve it reported, and its
 * reason is the pruner's (or this exception's message when the pruner did not ask).
 */
public class TrialPrunedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The pruner's reason is recorded. */
    public TrialPrunedException() {
        super(null, null, false, false);
    }

    /** @param reason why the objective stopped, recorded when the pruner did not ask */
    public TrialPrunedException(String reason) {
        super(reason, null, false, false);
    }
}
