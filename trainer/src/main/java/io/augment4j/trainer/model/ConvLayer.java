package io.augment4j.trainer.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A convolution block: conv (same padding), optional batch norm, activation, optional 2x2 max
 * pool, optional dropout.
 *
 * @param filters output channels
 * @param kernel square kernel size (odd)
 * @param batchNorm add batch normalization (the conv then has no bias: BN's beta replaces it)
 * @param maxPool halve height and width with a 2x2 max pool
 * @param dropout drop probability (0 = none)
 * @param regularization penalty on the kernel
 */
public record ConvLayer(
        int filters, int kernel, boolean batchNorm, boolean maxPool, double dropout,
        Regularization regularization) {

    /** Validates and defaults. */
    public ConvLayer {
        checkArgument(filters > 0 && kernel > 0, "filters and kernel must be positive, got %s and %s", filters, kernel);
        checkArgument(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got %s", dropout);
        regularization = regularization == null ? Regularization.NONE : regularization;
    }

    /** @param filters filters @param batchNorm use BN @return a 3x3 conv block with max pool */
    public static ConvLayer of(int filters, boolean batchNorm) {
        return new ConvLayer(filters, 3, batchNorm, true, 0, Regularization.NONE);
    }
}
