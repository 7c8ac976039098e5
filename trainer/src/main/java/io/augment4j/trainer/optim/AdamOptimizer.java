package io.augment4j.trainer.optim;

import ai.djl.ndarray.NDArray;

/**
 * Adam with bias correction: {@code m := b1 m + (1-b1) g; v := b2 v + (1-b2) g^2;
 * W := W - eta (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)}.
 */
public final class AdamOptimizer extends StatefulOptimizer {

    private final float beta1;
    private final float beta2;
    private final float epsilon;

    /**
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param epsilon denominator stabilizer
     */
    public AdamOptimizer(float beta1, float beta2, float epsilon) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    protected void step(String name, NDArray weight, NDArray grad, float lr, long step) {
        NDArray m = buffer(name, "m", weight);
        NDArray v = buffer(name, "v", weight);
        m.muli(beta1).addi(grad.mul(1 - beta1));
        v.muli(beta2).addi(grad.square().muli(1 - beta2));
        float c1 = (float) (1 - Math.pow(beta1, step));
        float c2 = (float) (1 - Math.pow(beta2, step));
        NDArray denom = v.div(c2).sqrt().addi(epsilon);
        weight.subi(m.div(denom).muli(lr / c1));
    }
}
