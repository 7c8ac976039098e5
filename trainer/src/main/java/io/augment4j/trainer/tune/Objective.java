package io.augment4j.trainer.tune;

/**
 * A study's objective as Java code: any function that trains (or computes) something with the
 * trial's sampled values and reports a metric per epoch, so that a study tunes the caller's own
 * code (e.g. a DJL training loop) with the same samplers, pruners, journal, resume and results as
 * a training-config study. Run it with {@link Study#optimize}.
 *
 * <p>The trial's value is the best value it reported, in the study's direction (as a config trial
 * is ranked at its best epoch with early stopping's restore). Returning normally ends the trial
 * COMPLETE; throwing {@link TrialPrunedException} ends it PRUNED (its partial curve kept); any
 * other exception ends it FAILED with the exception's message, and the study goes on. A trial
 * that reported nothing FAILS.
 *
 * <p>Interrupted trials (the process killed, the study's thread interrupted) are run again from
 * their start when the study resumes: the objective is called anew with the same values and
 * reports from epoch 0 again (the pruner's journaled decisions stand). An objective that keeps
 * its own checkpoints in {@link TrialContext#dir()} may skip the work they restore, but still
 * reports every epoch's value.
 */
@FunctionalInterface
public interface Objective {

    /**
     * @param trial the trial's values, its folder, and where to report each epoch's metric
     * @throws Exception any failure: the trial is recorded FAILED with its message
     */
    void run(TrialContext trial) throws Exception;
}
