package io.augment4j.trainer.model;

import ai.djl.nn.Block;

/** Hidden-layer nonlinearity. Each one implies a default initialization ({@link #defaultInit()}). */
public enum ActivationType {
    /** max(0, x); pairs with He initialization. */
    RELU,
    /** tanh(x); pairs with Xavier initialization. */
    TANH,
    /** 1/(1+e^-x); pairs with Xavier initialization. */
    SIGMOID;

    /** @return a fresh DJL block applying this activation */
    public Block block() {
        return switch (this) {
            case RELU -> ai.djl.nn.Activation.reluBlock();
            case TANH -> ai.djl.nn.Activation.tanhBlock();
            case SIGMOID -> ai.djl.nn.Activation.sigmoidBlock();
        };
    }

    /** @return He for ReLU (keeps activation variance through rectifiers), Xavier otherwise */
    public Init defaultInit() {
        return this == RELU ? Init.HE : Init.XAVIER;
    }
}
