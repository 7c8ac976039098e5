package io.augment4j.trainer.tune;

import java.nio.file.Path;
import java.util.Map;

/**
 * An {@link Objective}'s view of its trial: the sampled values, a folder of its own, and where it
 * reports its metric after each epoch. Used from the thread the objective runs in.
 *
 * <p>Pruning follows Optuna's {@code trial.report} / {@code trial.should_prune}: {@link #report}
 * records an epoch's value (journaled at once) and lets the study's pruner decide on it;
 * {@link #shouldPrune()} tells that decision; the objective stops by throwing
 * {@link TrialPrunedException}. An objective that does not check after its last epoch is never
 * pruned there: a trial that returns is COMPLETE.
 */
public interface TrialContext {

    /** @return the trial number (0-based) */
    int number();

    /** @return the sampled values by name, in the search space's order (Double, Integer, String or Boolean) */
    Map<String, Object> params();

    /**
     * @param name a parameter of the search space
     * @return its value (an integer parameter's too)
     * @throws IllegalArgumentException when the space has no such parameter or it is not a number
     */
    double getDouble(String name);

    /**
     * @param name an integer parameter (or a choice among whole numbers)
     * @return its value
     * @throws IllegalArgumentException when the space has no such parameter or it is not a whole number
     */
    int getInt(String name);

    /**
     * @param name a choice among strings
     * @return its value
     * @throws IllegalArgumentException when the space has no such parameter or it is not a string
     */
    String getString(String name);

    /**
     * @param name a choice among true and false
     * @return its value
     * @throws IllegalArgumentException when the space has no such parameter or it is not a boolean
     */
    boolean getBoolean(String name);

    /**
     * @return the trial's own folder ({@code trials/NNN/} of the study folder, created), for the
     *     objective's files (models, logs, checkpoints); kept after the study
     */
    Path dir();

    /**
     * Records the metric after an epoch in the study's journal and asks the pruner about it.
     *
     * @param epoch the 0-based epoch: 0 first, then one more each call
     * @param value the metric (the study's, e.g. a validation loss); NaN or infinite fails the trial
     * @throws IllegalArgumentException when the epoch is out of order or the value is not finite
     */
    void report(int epoch, double value);

    /** @return whether the pruner asked to stop after the last {@link #report} (false before any) */
    boolean shouldPrune();
}
