package io.augment4j.trainer.optim;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Optimizer choice and hyperparameters as plain data.
 *
 * @param type update rule
 * @param learningRate base rate (a schedule scales it)
 * @param beta1 momentum (SGD_MOMENTUM), first-moment decay (ADAM); rho for RMSPROP
 * @param beta2 second-moment decay (ADAM)
 * @param epsilon denominator stabilizer (RMSPROP, ADAM)
 */
public record OptimizerConfig(Type type, double learningRate, double beta1, double beta2, double epsilon) {

    /** Update rules. */
    public enum Type { SGD, SGD_MOMENTUM, RMSPROP, ADAM }

    /** Validates. */
    public OptimizerConfig {
        if (type == null) {
            type = Type.SGD;
        }
        checkArgument(learningRate > 0, "learningRate must be positive, got %s", learningRate);
    }

    /** @param lr rate @return plain SGD */
    public static OptimizerConfig sgd(double lr) {
        return new OptimizerConfig(Type.SGD, lr, 0, 0, 0);
    }

    /** @param lr rate @param beta momentum, typically 0.9 @return SGD with momentum */
    public static OptimizerConfig momentum(double lr, double beta) {
        return new OptimizerConfig(Type.SGD_MOMENTUM, lr, beta, 0, 0);
    }

    /** @param lr rate @return RMSprop with rho 0.9, eps 1e-7 (Keras' defaults) */
    public static OptimizerConfig rmsprop(double lr) {
        return new OptimizerConfig(Type.RMSPROP, lr, 0.9, 0, 1e-7);
    }

    /** @param lr rate @return Adam with 0.9 / 0.999 / 1e-8 */
    public static OptimizerConfig adam(double lr) {
        return new OptimizerConfig(Type.ADAM, lr, 0.9, 0.999, 1e-8);
    }

    /** @return a fresh optimizer with empty state */
    public ParameterOptimizer create() {
        return switch (type) {
            case SGD -> new SgdOptimizer(0);
            case SGD_MOMENTUM -> new SgdOptimizer((float) beta1);
            case RMSPROP -> new RmsPropOptimizer((float) beta1, (float) epsilon);
            case ADAM -> new AdamOptimizer((float) beta1, (float) beta2, (float) epsilon);
        };
    }
}
