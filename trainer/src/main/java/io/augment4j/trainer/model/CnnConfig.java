package io.augment4j.trainer.model;

import java.util.List;

/**
 * A small CNN: {@link ConvLayer} blocks, flatten, {@link DenseLayer}s, linear output.
 *
 * @param conv convolution blocks, input to output
 * @param dense dense layers after flattening
 * @param activation activation everywhere
 * @param init weight initialization
 * @param outputRegularization penalty on the output layer
 */
public record CnnConfig(
        List<ConvLayer> conv, List<DenseLayer> dense, ActivationType activation, Init init,
        Regularization outputRegularization) implements ModelConfig {

    /** Defaults: ReLU, AUTO init, no output penalty. */
    public CnnConfig {
        conv = List.copyOf(conv == null ? List.of() : conv);
        dense = List.copyOf(dense == null ? List.of() : dense);
        activation = activation == null ? ActivationType.RELU : activation;
        init = init == null ? Init.AUTO : init;
        outputRegularization = outputRegularization == null ? Regularization.NONE : outputRegularization;
    }
}
