package io.augment4j.trainer.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Per-layer weight penalties (weights only, never biases).
 *
 * <p>L2 adds {@code l2/(2m) * ||W||_F^2} to the cost (m = examples in the batch); L1 adds
 * {@code l1/m * sum|W|}. Whether L2 is applied as a cost term or as weight decay is chosen per
 * run ({@link L2Form}); the two agree exactly for plain SGD.
 *
 * @param l2 L2 strength lambda (0 = off)
 * @param l1 L1 strength (0 = off)
 */
public record Regularization(double l2, double l1) {

    /** No penalty. */
    public static final Regularization NONE = new Regularization(0, 0);

    /** Rejects negative strengths. */
    public Regularization {
        checkArgument(l2 >= 0 && l1 >= 0, "regularization strengths must be >= 0, got l2 %s and l1 %s", l2, l1);
    }

    /** @param lambda strength @return L2 only */
    public static Regularization l2(double lambda) {
        return new Regularization(lambda, 0);
    }

    /** @param lambda strength @return L1 only */
    public static Regularization l1(double lambda) {
        return new Regularization(0, lambda);
    }

    /** @return true when any penalty is set */
    public boolean active() {
        return l2 > 0 || l1 > 0;
    }
}
