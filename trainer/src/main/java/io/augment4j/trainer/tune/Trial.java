package io.augment4j.trainer.tune;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial as a self-contained unit of work: a complete training config (or, in an objective
 * study, the values an {@link Objective} is called with) in, a {@link TrialOutcome} and the files
 * of {@code trialDir} out. Plain data, serializable, so that
 * an executor may run it in another thread, process or machine.
 *
 * @param number the trial number (0-based)
 * @param params its sampled values by config path (Double, Integer, String or Boolean)
 * @param configYaml the trial's effective training config (absolute paths, augmentation inline),
 *     without test files: a trial cannot open the test set; null in an objective study
 * @param ownTestSet whether the study's config names a test set of its own (data.test_*), which
 *     decides how the train data is split, exactly as {@code aug train} splits it
 * @param trialDir the trial's folder (checkpoints, history, split), which a rerun resumes from
 */
public record Trial(int number, Map<String, Object> params, String configYaml, boolean ownTestSet, String trialDir)
        implements Serializable {

    /** Copies the values. */
    public Trial {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
