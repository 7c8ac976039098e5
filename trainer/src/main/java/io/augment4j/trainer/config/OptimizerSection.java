package io.augment4j.trainer.config;

import static io.augment4j.trainer.config.InvalidField.check;

import io.augment4j.trainer.optim.OptimizerConfig;

/**
 * The {@code optimizer:} section.
 *
 * @param type {@code sgd}, {@code sgd_momentum}, {@code rmsprop} or {@code adam}; default adam
 * @param learningRate base learning rate (the schedule scales it); default 0.001 for adam and
 *     rmsprop, 0.01 for sgd and sgd_momentum
 * @param beta1 momentum (sgd_momentum), rho (rmsprop), first-moment decay (adam); default 0.9
 * @param beta2 second-moment decay (adam); default 0.999
 * @param epsilon denominator stabilizer (rmsprop, adam); default 1e-8 for adam, 1e-7 for rmsprop
 */
public record OptimizerSection(OptimizerConfig.Type type, Double learningRate, Double beta1, Double beta2,
        Double epsilon) {

    /** Validates and fills defaults. */
    public OptimizerSection {
        type = type == null ? OptimizerConfig.Type.ADAM : type;
        boolean adaptive = type == OptimizerConfig.Type.ADAM || type == OptimizerConfig.Type.RMSPROP;
        learningRate = learningRate == null ? (adaptive ? 0.001 : 0.01) : learningRate;
        beta1 = beta1 == null ? 0.9 : beta1;
        beta2 = beta2 == null ? 0.999 : beta2;
        epsilon = epsilon == null ? (type == OptimizerConfig.Type.RMSPROP ? 1e-7 : 1e-8) : epsilon;
        check(learningRate > 0, "learning_rate", "must be positive, got " + learningRate);
        check(beta1 >= 0 && beta1 < 1, "beta1", "must be in [0, 1), got " + beta1);
        check(beta2 >= 0 && beta2 < 1, "beta2", "must be in [0, 1), got " + beta2);
        check(epsilon > 0, "epsilon", "must be positive, got " + epsilon);
    }

    /** @return the core optimizer config */
    public OptimizerConfig toOptimizerConfig() {
        return new OptimizerConfig(type, learningRate, beta1, beta2, epsilon);
    }
}
