package io.augment4j.trainer.config;

import static io.augment4j.trainer.config.InvalidField.check;

import io.augment4j.trainer.report.Diagnosis;

/**
 * The {@code diagnosis:} section: the bias/variance verdict. Errors are fractions (0.05 = 5 points).
 *
 * @param baseError human-level or optimal (Bayes) error of the task; default 0
 * @param biasThreshold high bias when train error - base error exceeds this; default 0.05
 * @param varianceThreshold high variance when val error - train error exceeds this; default 0.05
 */
public record DiagnosisSection(Double baseError, Double biasThreshold, Double varianceThreshold) {

    /** Validates and fills defaults. */
    public DiagnosisSection {
        baseError = baseError == null ? 0.0 : baseError;
        biasThreshold = biasThreshold == null ? Diagnosis.DEFAULT_BIAS_THRESHOLD : biasThreshold;
        varianceThreshold = varianceThreshold == null ? Diagnosis.DEFAULT_VARIANCE_THRESHOLD : varianceThreshold;
        check(baseError >= 0 && baseError < 1, "base_error", "must be a fraction in [0, 1), got " + baseError);
        check(biasThreshold >= 0 && biasThreshold < 1, "bias_threshold", "must be in [0, 1), got " + biasThreshold);
        check(varianceThreshold >= 0 && varianceThreshold < 1, "variance_threshold",
                "must be in [0, 1), got " + varianceThreshold);
    }

    /** @return the thresholds */
    public Diagnosis.Thresholds thresholds() {
        return new Diagnosis.Thresholds(biasThreshold, varianceThreshold);
    }
}
