package io.augment4j.trainer.optim;

import ai.djl.ndarray.NDArray;

/** RMSprop: {@code s := rho s + (1 - rho) g^2; W := W - eta g / (sqrt(s) + eps)}. */
public final class RmsPropOptimizer extends StatefulOptimizer {

    private final float rho;
    private final float epsilon;

    /**
     * @param rho decay of the squared-gradient average
     * @param epsilon added to the denominator for stability
     */
    public RmsPropOptimizer(float rho, float epsilon) {
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    protected void step(String name, NDArray weight, NDArray grad, float lr, long step) {
        NDArray s = buffer(name, "s", weight);
        s.muli(rho).addi(grad.square().muli(1 - rho));
        weight.subi(grad.div(s.sqrt().addi(epsilon)).muli(lr));
    }
}
