package io.augment4j.trainer.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A fully connected hidden layer: linear, activation, then (inverted) dropout.
 *
 * @param units output units
 * @param dropout drop probability after the activation (0 = none); scaled by 1/(1-rate) in
 *     training, off in evaluation
 * @param regularization penalty on this layer's weights
 */
public record DenseLayer(int units, double dropout, Regularization regularization) {

    /** Validates and defaults. */
    public DenseLayer {
        checkArgument(units > 0, "units must be positive, got %s", units);
        checkArgument(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got %s", dropout);
        regularization = regularization == null ? Regularization.NONE : regularization;
    }

    /** @param units units @return a plain layer */
    public static DenseLayer of(int units) {
        return new DenseLayer(units, 0, Regularization.NONE);
    }
}
