package io.augment4j.trainer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A multilayer perceptron: flatten, hidden {@link DenseLayer}s, linear output (logits).
 *
 * @param hidden hidden layers, input to output
 * @param activation hidden activation
 * @param init weight initialization
 * @param outputRegularization penalty on the output layer
 */
public record MlpConfig(
        List<DenseLayer> hidden, ActivationType activation, Init init, Regularization outputRegularization)
        implements ModelConfig {

    /** Defaults: ReLU, AUTO init, no output penalty. */
    public MlpConfig {
        hidden = List.copyOf(hidden == null ? List.of() : hidden);
        activation = activation == null ? ActivationType.RELU : activation;
        init = init == null ? Init.AUTO : init;
        outputRegularization = outputRegularization == null ? Regularization.NONE : outputRegularization;
    }

    /**
     * An MLP with equal hidden layers sharing dropout and regularization (output layer too).
     *
     * @param layers number of hidden layers
     * @param units units per hidden layer
     * @param activation activation
     * @param dropout dropout after each hidden layer
     * @param reg penalty on every layer
     * @return the config
     */
    public static MlpConfig uniform(int layers, int units, ActivationType activation, double dropout,
            Regularization reg) {
        List<DenseLayer> h = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            h.add(new DenseLayer(units, dropout, reg));
        }
        return new MlpConfig(h, activation, Init.AUTO, reg);
    }

    /** @param init initialization @return a copy with another initialization */
    public MlpConfig withInit(Init init) {
        return new MlpConfig(hidden, activation, init, outputRegularization);
    }
}
