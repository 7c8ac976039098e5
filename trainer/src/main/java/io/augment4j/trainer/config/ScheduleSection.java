package io.augment4j.trainer.config;

import static io.augment4j.trainer.config.InvalidField.check;

import io.augment4j.trainer.optim.ScheduleConfig;

/**
 * The {@code schedule:} section: how the learning rate changes. With {@code t} the step (or
 * epoch when {@code per_epoch}) after warm-up, {@code T = decay_steps}, {@code r = decay_rate}:
 * constant {@code lr}; step {@code lr r^floor(t/T)}; exponential {@code lr r^(t/T)};
 * inverse_time {@code lr / (1 + r t/T)}; cosine {@code lr (a + (1-a)(1 + cos(pi min(t,T)/T))/2)}
 * with {@code a = min_factor}. Warm-up ramps linearly up to {@code lr} first.
 *
 * @param type {@code constant}, {@code step}, {@code exponential}, {@code inverse_time} or
 *     {@code cosine}; default constant
 * @param decayRate r; default 0.5
 * @param decaySteps T; default: cosine the whole run after warm-up, others one epoch
 * @param minFactor cosine floor as a fraction of the learning rate; default 0
 * @param warmup warm-up length in steps (epochs when {@code per_epoch}); default 0
 * @param perEpoch count epochs instead of steps; default false
 */
public record ScheduleSection(ScheduleConfig.Type type, Double decayRate, Long decaySteps, Double minFactor,
        Long warmup, Boolean perEpoch) {

    /** Validates and fills defaults. */
    public ScheduleSection {
        type = type == null ? ScheduleConfig.Type.CONSTANT : type;
        decayRate = decayRate == null ? 0.5 : decayRate;
        minFactor = minFactor == null ? 0.0 : minFactor;
        warmup = warmup == null ? 0L : warmup;
        perEpoch = perEpoch != null && perEpoch;
        check(decayRate >= 0, "decay_rate", "must be >= 0, got " + decayRate);
        check(decaySteps == null || decaySteps > 0, "decay_steps", "must be positive, got " + decaySteps);
        check(minFactor >= 0 && minFactor <= 1, "min_factor", "must be in [0, 1], got " + minFactor);
        check(warmup >= 0, "warmup", "must be >= 0, got " + warmup);
    }

    /**
     * @param epochs epochs of the run
     * @param stepsPerEpoch batches per epoch
     * @return the core schedule with {@code decay_steps} resolved
     */
    public ScheduleConfig toScheduleConfig(int epochs, int stepsPerEpoch) {
        long t = decaySteps != null ? decaySteps
                : type == ScheduleConfig.Type.COSINE
                        ? Math.max(1, (perEpoch ? epochs : (long) epochs * stepsPerEpoch) - warmup)
                        : (perEpoch ? 1 : stepsPerEpoch);
        return new ScheduleConfig(type, decayRate, t, minFactor, warmup, perEpoch);
    }
}
