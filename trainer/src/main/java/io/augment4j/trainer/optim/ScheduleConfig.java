package io.augment4j.trainer.optim;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A learning-rate schedule as plain data. With {@code t} the step (or the epoch when
 * {@code perEpoch}) counted after warm-up, {@code T = decaySteps}, {@code r = decayRate}:
 * <ul>
 *   <li>CONSTANT: {@code eta0}
 *   <li>STEP: {@code eta0 * r^floor(t/T)}
 *   <li>EXPONENTIAL: {@code eta0 * r^(t/T)}
 *   <li>INVERSE_TIME: {@code eta0 / (1 + r t/T)} (the lecture's 1/(1 + decay * epoch))
 *   <li>COSINE: {@code eta0 * (a + (1-a)(1 + cos(pi min(t,T)/T))/2)}, {@code a = minFactor}
 * </ul>
 * Warm-up ramps linearly from {@code eta0/warmup} to {@code eta0} over the first
 * {@code warmup} steps (or epochs), then the schedule starts at {@code t = 0}.
 *
 * @param type decay shape
 * @param decayRate r
 * @param decaySteps T
 * @param minFactor cosine floor as a fraction of eta0
 * @param warmup warm-up length (0 = none)
 * @param perEpoch count epochs instead of steps
 */
public record ScheduleConfig(
        Type type, double decayRate, long decaySteps, double minFactor, long warmup, boolean perEpoch) {

    /** Decay shapes. */
    public enum Type { CONSTANT, STEP, EXPONENTIAL, INVERSE_TIME, COSINE }

    /** A constant rate. */
    public static final ScheduleConfig CONSTANT = new ScheduleConfig(Type.CONSTANT, 0, 1, 0, 0, false);

    /** Validates. */
    public ScheduleConfig {
        type = type == null ? Type.CONSTANT : type;
        if (decaySteps <= 0) {
            decaySteps = 1;
        }
        checkArgument(warmup >= 0, "warmup must be >= 0, got %s", warmup);
    }

    /**
     * @param baseRate eta0
     * @return the schedule
     */
    public LearningRateSchedule build(double baseRate) {
        return (step, epoch) -> {
            long t = perEpoch ? epoch : step;
            if (t < warmup) {
                return baseRate * (t + 1) / warmup;
            }
            double x = (double) (t - warmup) / decaySteps;
            return switch (type) {
                case CONSTANT -> baseRate;
                case STEP -> baseRate * Math.pow(decayRate, Math.floor(x));
                case EXPONENTIAL -> baseRate * Math.pow(decayRate, x);
                case INVERSE_TIME -> baseRate / (1 + decayRate * x);
                case COSINE -> baseRate * (minFactor
                        + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * Math.min(x, 1.0))));
            };
        };
    }
}
