package io.augment4j.api.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * A whole pipeline as data: the root sequence and an optional seed. Read and written by
 * {@link io.augment4j.api.spec.Specs}; compiled by {@link Pipeline#compile}.
 *
 * @param root the top-level sequence; its {@code p} is the whole pipeline's probability
 * @param seed the seed every sample's randomness derives from, or {@code null} for the default 0
 */
public record PipelineSpec(Sequence root, Long seed) {
    public PipelineSpec {
        Objects.requireNonNull(root, "root");
    }

    /** A spec of these steps, applied in order, without a seed. */
    public static PipelineSpec of(Node... steps) {
        return new PipelineSpec(new Sequence(List.of(steps), 1.0), null);
    }

    public PipelineSpec withSeed(Long newSeed) {
        return new PipelineSpec(root, newSeed);
    }

    /** This spec with the whole pipeline applied with probability {@code p}. */
    public PipelineSpec withP(double p) {
        return new PipelineSpec(root.withP(p), seed);
    }
}
