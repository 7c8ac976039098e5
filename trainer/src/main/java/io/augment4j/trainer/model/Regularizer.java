package io.augment4j.trainer.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Computes the penalty terms of {@link Regularization} and applies L2 as weight decay.
 *
 * <p>All arrays it creates are attached to the weights' manager; call it inside an
 * {@code NDScope} so they are freed with the step.
 */
public final class Regularizer {

    private Regularizer() {}

    /**
     * The penalty to add to the cost: L1 always, L2 only in {@link L2Form#COST}.
     *
     * @param weights penalized weights
     * @param form how L2 is applied
     * @param m examples in the batch
     * @return a scalar, or null when nothing enters the cost
     */
    public static NDArray cost(List<Network.PenalizedWeight> weights, L2Form form, int m) {
        NDArray total = null;
        for (Network.PenalizedWeight pw : weights) {
            NDArray w = pw.parameter().getArray();
            Regularization r = pw.regularization();
            if (r.l2() > 0 && form == L2Form.COST) {
                // lambda/(2m) * ||W||_F^2
                total = plus(total, w.square().sum().muli(r.l2() / (2.0 * m)));
            }
            if (r.l1() > 0) {
                // lambda/m * sum |W|; its subgradient sign(W) is what pushes weights to zero
                total = plus(total, w.abs().sum().muli(r.l1() / m));
            }
        }
        return total;
    }

    /**
     * The L2 penalty's value, for reporting when it is applied as weight decay (and therefore
     * absent from the cost the gradient saw).
     *
     * @param weights penalized weights
     * @param m examples in the batch
     * @return lambda/(2m) sum ||W||^2 over all penalized weights
     */
    public static double l2Value(List<Network.PenalizedWeight> weights, int m) {
        double total = 0;
        for (Network.PenalizedWeight pw : weights) {
            if (pw.regularization().l2() > 0) {
                NDArray w = pw.parameter().getArray();
                total += w.square().sum().getFloat() * pw.regularization().l2() / (2.0 * m);
            }
        }
        return total;
    }

    /**
     * {@code W := (1 - eta lambda/m) W} for every L2-penalized weight.
     *
     * @param weights penalized weights
     * @param learningRate this step's eta
     * @param m examples in the batch
     */
    public static void decay(List<Network.PenalizedWeight> weights, double learningRate, int m) {
        for (Network.PenalizedWeight pw : weights) {
            double l2 = pw.regularization().l2();
            if (l2 > 0) {
                pw.parameter().getArray().muli(1 - learningRate * l2 / m);
            }
        }
    }

    private static NDArray plus(NDArray a, NDArray b) {
        return a == null ? b : a.add(b);
    }
}
