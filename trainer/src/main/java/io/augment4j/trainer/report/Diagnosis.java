package io.augment4j.trainer.report;

import java.util.List;
import java.util.Locale;

/**
 * The bias/variance verdict of the basic recipe for machine learning, as a pure function.
 *
 * <pre>
 * avoidable bias = train error - base error      (how far the model is from the best achievable)
 * variance       = val error   - train error     (how much worse it does on data it did not see)
 * high bias      : avoidable bias &gt; bias threshold
 * high variance  : variance &gt; variance threshold
 * </pre>
 *
 * <p>The base error is the human-level or optimal (Bayes) error of the task, 0 by default. The
 * train error must be measured on the train split with the final weights, without dropout or
 * augmentation; the validation error on the validation split. The test set plays no part: it is
 * measured once at the end and reported apart, so it stays an unbiased estimate.
 *
 * <p>Default thresholds: 5 points each. Why 5: the lecture's examples (train 1 % / val 11 %: high
 * variance; train 15 % / val 16 %: high bias; train 15 % / val 30 %: both; 0.5 % / 1 %: neither)
 * all come out right; and 5 points is well above the noise of an error measured on a validation
 * set of a few thousand examples (two standard errors are at most 3.2 points at 1 000 examples,
 * 1 point at 10 000), so a verdict is not an accident of sampling. On tasks where a few points
 * matter (e.g. 99 % accuracy problems) set smaller thresholds in {@code diagnosis:}.
 */
public final class Diagnosis {

    /** Default: high bias above 5 points of avoidable bias. */
    public static final double DEFAULT_BIAS_THRESHOLD = 0.05;
    /** Default: high variance above 5 points of train-to-validation gap. */
    public static final double DEFAULT_VARIANCE_THRESHOLD = 0.05;

    /** What is wrong. */
    public enum Verdict {
        /** The model does not fit even the training data well enough. */
        HIGH_BIAS,
        /** The model fits the training data but does not generalize. */
        HIGH_VARIANCE,
        /** Both at once. */
        BOTH,
        /** Neither gap exceeds its threshold. */
        NEITHER
    }

    /**
     * @param bias high bias when avoidable bias exceeds this (a fraction: 0.05 = 5 points)
     * @param variance high variance when val - train error exceeds this
     */
    public record Thresholds(double bias, double variance) {
        /** The defaults, 5 points each. */
        public static final Thresholds DEFAULT = new Thresholds(DEFAULT_BIAS_THRESHOLD, DEFAULT_VARIANCE_THRESHOLD);
    }

    /**
     * @param baseError human-level or optimal error
     * @param trainError train error
     * @param valError validation error
     * @param avoidableBias train - base
     * @param variance val - train
     * @param thresholds the thresholds used
     * @param verdict the verdict
     * @param nextSteps what to try next, most promising first
     */
    public record Result(double baseError, double trainError, double valError, double avoidableBias,
            double variance, Thresholds thresholds, Verdict verdict, List<String> nextSteps) {

        /** @return one line, e.g. {@code HIGH_VARIANCE: avoidable bias 0.4 points, variance 10.2 points} */
        public String summary() {
            return String.format(Locale.ROOT, "%s: avoidable bias %.1f points (train %.2f %% - base %.2f %%),"
                            + " variance %.1f points (val %.2f %% - train %.2f %%)", verdict, 100 * avoidableBias,
                    100 * trainError, 100 * baseError, 100 * variance, 100 * valError, 100 * trainError);
        }
    }

    /** The recipe's remedies for high bias, most effective first. */
    public static final List<String> BIAS_STEPS = List.of(
            "Bigger network: more units per layer or more layers (more conv filters for images).",
            "Train longer: more epochs, or a better optimizer/learning-rate schedule (e.g. Adam with warm-up and"
                    + " cosine decay).",
            "Try another architecture better suited to the data (e.g. a CNN instead of an MLP for images).",
            "Reduce regularization if it is strong (lower l2, lower dropout): it trades bias for variance.");

    /** The recipe's remedies for high variance, most effective first. */
    public static final List<String> VARIANCE_STEPS = List.of(
            "More training data (or use data.limit: 0 to train on all of it).",
            "Regularization: raise l2, add or raise dropout.",
            "Data augmentation (flips, small shifts/crops, ...) to make the training set effectively larger.",
            "Early stopping on the validation loss (early_stopping: {}), restoring the best weights.",
            "Try another architecture with a better inductive bias (e.g. a CNN for images), or a smaller network.");

    private Diagnosis() {}

    /**
     * Diagnoses a model from its errors (fractions in [0, 1]).
     *
     * @param baseError human-level / optimal error (0 when unknown)
     * @param trainError error on the train split (final weights, no dropout, no augmentation)
     * @param valError error on the validation split
     * @param t thresholds
     * @return the verdict with the gaps and next steps
     */
    public static Result diagnose(double baseError, double trainError, double valError, Thresholds t) {
        double bias = trainError - baseError;
        double variance = valError - trainError;
        boolean highBias = bias > t.bias();
        boolean highVariance = variance > t.variance();
        Verdict v = highBias && highVariance ? Verdict.BOTH
                : highBias ? Verdict.HIGH_BIAS
                : highVariance ? Verdict.HIGH_VARIANCE
                : Verdict.NEITHER;
        List<String> steps = switch (v) {
            case HIGH_BIAS -> BIAS_STEPS;
            case HIGH_VARIANCE -> VARIANCE_STEPS;
            case BOTH -> {
                // The recipe: fix bias first (a model that cannot fit the training set cannot
                // generalize either), then variance.
                List<String> s = new java.util.ArrayList<>();
                s.add("First reduce bias (until the train error is acceptable):");
                BIAS_STEPS.forEach(x -> s.add("  " + x));
                s.add("Then reduce variance:");
                VARIANCE_STEPS.forEach(x -> s.add("  " + x));
                yield List.copyOf(s);
            }
            case NEITHER -> List.of(
                    "Neither gap exceeds its threshold: the model is close to the base error and generalizes.",
                    "To go further, lower the thresholds (or set a realistic base_error) and work on the larger gap"
                            + String.format(Locale.ROOT, " (here: %s).", bias >= variance ? "bias" : "variance"),
                    "Check the test error (reported apart): if it is much worse than the validation error, the"
                            + " validation set was overfit by tuning; get a bigger validation set.");
        };
        return new Result(baseError, trainError, valError, bias, variance, t, v, steps);
    }
}
