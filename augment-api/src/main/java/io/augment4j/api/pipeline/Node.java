package io.augment4j.api.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One node of a pipeline spec: a transform {@link Step}, or a composition of nodes ({@link Sequence},
 * {@link OneOf}, {@link SomeOf}). Nodes are plain immutable data: a pipeline serializes to exactly the tree it was
 * built from, and {@link Pipeline#compile} turns a tree into something that runs.
 *
 * <p>Every node has a probability {@code p} of being applied at all (1 unless set).
 */
public sealed interface Node permits Step, Sequence, OneOf, SomeOf {
    /** Probability that this node is applied, in {@code [0, 1]}. */
    double p();

    /** This node with another probability. */
    Node withP(double p);

    /** A transform step without parameters. */
    static Step step(String transform) {
        return new Step(transform, Map.of(), 1.0);
    }

    /** A transform step with raw parameter values, validated when the pipeline is compiled. */
    static Step step(String transform, Map<String, ?> params) {
        return new Step(transform, new java.util.LinkedHashMap<String, Object>(params), 1.0);
    }

    /** Applies the nodes one after the other. */
    static Sequence sequence(Node... steps) {
        return new Sequence(List.of(steps), 1.0);
    }

    /** Applies exactly one of the nodes, chosen with equal weights. */
    static OneOf oneOf(Node... steps) {
        return new OneOf(List.of(steps), null, 1.0);
    }

    /** Applies exactly one of the nodes, chosen with the given weights (one per node). */
    static OneOf oneOf(double[] weights, Node... steps) {
        return new OneOf(List.of(steps), Arrays.stream(weights).boxed().toList(), 1.0);
    }

    /** Applies {@code n} distinct nodes chosen at random, in their listed order. */
    static SomeOf someOf(int n, Node... steps) {
        return new SomeOf(List.of(steps), n, 1.0);
    }

    /** Checks a probability; used by every node. */
    static double checkP(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        return p;
    }
}
