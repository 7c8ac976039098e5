package io.augment4j.trainer.tune;

import java.util.List;
import java.util.Map;

/**
 * Chooses the hyperparameter values of each trial of a study.
 *
 * <p>Reproducible by construction: the values of trial {@code n} depend only on the study seed,
 * on {@code n} and, for adaptive samplers (coarse-to-fine), on the trials of earlier rounds, which
 * must all have ended before {@link #ready} lets trial {@code n} start. So a study gives the same
 * trials whatever the order they run in, and after any resume. Implementations are immutable.
 */
public interface Sampler {

    /**
     * @return how many trials this sampler defines at most (a grid's size), or
     *     {@link Integer#MAX_VALUE} when unbounded (random search)
     */
    default int maxTrials() {
        return Integer.MAX_VALUE;
    }

    /**
     * Whether trial {@code number} can be sampled now: true unless it depends on trials that have
     * not ended yet (coarse-to-fine: every trial of the earlier rounds).
     *
     * @param number the trial number
     * @param trials every trial of the study so far, any state
     * @return true when {@link #sample} may be called for {@code number}
     */
    default boolean ready(int number, List<TrialRecord> trials) {
        return true;
    }

    /**
     * @param number the trial number (0-based)
     * @param trials every trial of the study so far (adaptive samplers read the ended ones)
     * @return the values of trial {@code number} by config path, in the search space's order
     */
    Map<String, Object> sample(int number, List<TrialRecord> trials);
}
