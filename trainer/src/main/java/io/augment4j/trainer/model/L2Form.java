package io.augment4j.trainer.model;

/** How L2 regularization enters the update. */
public enum L2Form {
    /**
     * {@code lambda/(2m) ||W||^2} is added to the cost, so its gradient {@code lambda/m W} flows
     * through the optimizer (and, with Adam or RMSprop, gets rescaled like any gradient).
     */
    COST,
    /**
     * {@code W := (1 - eta lambda/m) W} before the optimizer step, outside the gradient
     * (decoupled, as in AdamW). Identical to {@link #COST} for plain SGD.
     */
    WEIGHT_DECAY
}
