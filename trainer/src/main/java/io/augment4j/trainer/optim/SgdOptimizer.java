package io.augment4j.trainer.optim;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.ndarray.NDArray;

/**
 * Gradient descent, optionally with momentum in the lecture's form:
 * {@code v := beta v + (1 - beta) g; W := W - eta v} (an exponentially weighted average of
 * gradients, so eta keeps its meaning when beta changes).
 */
public final class SgdOptimizer extends StatefulOptimizer {

    private final float beta;

    /** @param beta momentum (0 = plain SGD) */
    public SgdOptimizer(float beta) {
        checkArgument(beta >= 0 && beta < 1, "momentum must be in [0, 1), got %s", beta);
        this.beta = beta;
    }

    @Override
    protected void step(String name, NDArray weight, NDArray grad, float lr, long step) {
        if (beta == 0) {
            weight.subi(grad.mul(lr));
            return;
        }
        NDArray v = buffer(name, "v", weight);
        v.muli(beta).addi(grad.mul(1 - beta));
        weight.subi(v.mul(lr));
    }
}
