package io.augment4j.api.pipeline;

import java.util.List;

/**
 * Applies exactly one of its nodes, chosen at random with the given weights (equal when {@code weights} is null).
 * The chosen node's own {@code p} still applies.
 *
 * @param steps the candidates, at least one
 * @param weights one non-negative weight per candidate, not all zero; or {@code null} for equal weights
 * @param p probability of applying this choice at all
 */
public record OneOf(List<Node> steps, List<Double> weights, double p) implements Node {
    public OneOf {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("one_of needs at least one step");
        }
        if (weights != null) {
            weights = List.copyOf(weights);
            if (weights.size() != steps.size()) {
                throw new IllegalArgumentException(
                        "one_of has " + steps.size() + " steps but " + weights.size() + " weights");
            }
            double sum = 0;
            for (double w : weights) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("one_of weights must be finite and >= 0, got " + weights);
                }
                sum += w;
            }
            if (sum <= 0) {
                throw new IllegalArgumentException("one_of weights must not all be zero");
            }
        }
        Node.checkP(p);
    }

    @Override
    public OneOf withP(double newP) {
        return new OneOf(steps, weights, newP);
    }

    /** The weight of step {@code i} (1 when no weights were given). */
    public double weight(int i) {
        return weights == null ? 1.0 : weights.get(i);
    }
}
