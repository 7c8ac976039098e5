package io.augment4j.trainer.config;

import static io.augment4j.trainer.config.InvalidField.check;

/**
 * The {@code split:} section: how the train data is divided into train, validation and test.
 * When the data has its own test set, that is the test set and the train data is split into
 * train and validation only. Ratios and sizes are stratified (every class in proportion).
 *
 * @param val share of examples for validation, in (0, 1); default 0.2
 * @param test share of examples for test; default 0.1, and 0 when the data has its own test set
 * @param valSize an absolute validation size instead of {@code val}; default none
 * @param testSize an absolute test size instead of {@code test}; default none
 * @param seed seed of the split; default: the run's {@code seed}
 * @param file reuse this saved split (a {@code split.json} of an earlier run) instead; default none
 * @param mergeVal train on the validation part too: the split is made (or read) as configured, then
 *     its validation examples join the train part, leaving no validation split (no early stopping
 *     on a validation metric, no bias/variance verdict); the test part is unchanged. Default false
 */
public record SplitConfig(Double val, Double test, Integer valSize, Integer testSize, Long seed, String file,
        Boolean mergeVal) {

    /** Validates and fills defaults. */
    public SplitConfig {
        val = val == null ? 0.2 : val;
        check(val > 0 && val < 1, "val", "must be in (0, 1): the validation set drives early stopping and the"
                + " bias/variance diagnosis, got " + val);
        check(test == null || (test >= 0 && test < 1), "test", "must be in [0, 1), got " + test);
        check(test == null || val + test < 1, "test", "val + test must leave train examples, got val " + val
                + " + test " + test);
        check(valSize == null || valSize > 0, "val_size", "must be positive, got " + valSize);
        check(testSize == null || testSize >= 0, "test_size", "must be >= 0, got " + testSize);
        mergeVal = mergeVal != null && mergeVal;
    }
}
