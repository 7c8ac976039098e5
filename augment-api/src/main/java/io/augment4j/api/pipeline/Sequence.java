package io.augment4j.api.pipeline;

import java.util.List;

/**
 * Applies its nodes one after the other (when the sequence itself is applied, with probability {@code p}).
 *
 * @param steps the nodes, in order
 * @param p probability of applying the whole sequence
 */
public record Sequence(List<Node> steps, double p) implements Node {
    public Sequence {
        steps = List.copyOf(steps);
        Node.checkP(p);
    }

    @Override
    public Sequence withP(double newP) {
        return new Sequence(steps, newP);
    }
}
