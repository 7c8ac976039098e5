package io.augment4j.api.pipeline;

import java.util.List;

/**
 * Applies {@code n} distinct nodes drawn uniformly from its {@code k} nodes, in the order they are listed
 * (Albumentations' {@code SomeOf} without replacement). Each chosen node's own {@code p} still applies.
 *
 * @param steps the candidates
 * @param n how many to apply, {@code 0 <= n <= k}
 * @param p probability of applying this group at all
 */
public record SomeOf(List<Node> steps, int n, double p) implements Node {
    public SomeOf {
        steps = List.copyOf(steps);
        if (n < 0 || n > steps.size()) {
            throw new IllegalArgumentException("some_of n must be in [0, " + steps.size() + "], got " + n);
        }
        Node.checkP(p);
    }

    @Override
    public SomeOf withP(double newP) {
        return new SomeOf(steps, n, newP);
    }
}
