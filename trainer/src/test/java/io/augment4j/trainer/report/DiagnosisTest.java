package io.augment4j.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.trainer.report.Diagnosis.Thresholds;
import io.augment4j.trainer.report.Diagnosis.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DiagnosisTest {

    /** The lecture's table (base error ~0), plus a non-zero base error and the threshold edges. */
    @ParameterizedTest(name = "base {0}, train {1}, val {2} -> {3}")
    @CsvSource({
        "0,     0.01,  0.11,  HIGH_VARIANCE",
        "0,     0.15,  0.16,  HIGH_BIAS",
        "0,     0.15,  0.30,  BOTH",
        "0,     0.005, 0.01,  NEITHER",
        // base error 15 %: the 15/16 model is then fine
        "0.15,  0.15,  0.16,  NEITHER",
        // base error 14 %, train 15: avoidable bias 1 point, variance 15 points
        "0.14,  0.15,  0.30,  HIGH_VARIANCE",
        // exactly on the threshold is not above it
        "0,     0.05,  0.10,  NEITHER",
        "0,     0.0501, 0.10, HIGH_BIAS",
        "0,     0.02,  0.0701, HIGH_VARIANCE",
    })
    void verdicts(double base, double train, double val, Verdict expected) {
        Diagnosis.Result r = Diagnosis.diagnose(base, train, val, Thresholds.DEFAULT);
        assertEquals(expected, r.verdict(), r.summary());
        assertEquals(train - base, r.avoidableBias(), 1e-12);
        assertEquals(val - train, r.variance(), 1e-12);
    }

    @Test
    void thresholdsAreConfigurable() {
        assertEquals(Verdict.NEITHER, Diagnosis.diagnose(0, 0.01, 0.11, new Thresholds(0.05, 0.2)).verdict());
        assertEquals(Verdict.BOTH, Diagnosis.diagnose(0, 0.02, 0.04, new Thresholds(0.01, 0.01)).verdict());
    }

    @Test
    void nextStepsFollowTheRecipe() {
        assertEquals(Diagnosis.BIAS_STEPS, Diagnosis.diagnose(0, 0.2, 0.21, Thresholds.DEFAULT).nextSteps());
        assertEquals(Diagnosis.VARIANCE_STEPS, Diagnosis.diagnose(0, 0.0, 0.2, Thresholds.DEFAULT).nextSteps());
        assertTrue(Diagnosis.BIAS_STEPS.get(0).startsWith("Bigger network"));
        assertTrue(Diagnosis.VARIANCE_STEPS.get(0).startsWith("More training data"));
        String both = String.join("\n", Diagnosis.diagnose(0, 0.2, 0.4, Thresholds.DEFAULT).nextSteps());
        assertTrue(both.indexOf("reduce bias") < both.indexOf("reduce variance"), both);
    }
}
