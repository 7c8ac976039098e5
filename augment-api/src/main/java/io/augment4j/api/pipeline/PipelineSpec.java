package io.augment4j.api.pipeline;

import io.augment4j.api.targets.TargetOptions;

import java.util.List;
import java.util.Objects;

/**
 * A whole pipeline as data: the root sequence, an optional seed and the policy for boxes and keypoints. Read and
 * written by {@link io.augment4j.api.spec.Specs}; compiled by {@link Pipeline#compile}.
 *
 * @param root the top-level sequence; its {@code p} is the whole pipeline's probability
 * @param seed the seed every sample's randomness derives from, or {@code null} for the default 0
 * @param targets how boxes and keypoints are filtered after each step (the spec's {@code targets:} map)
 */
public record PipelineSpec(Sequence root, Long seed, TargetOptions targets) {
    public PipelineSpec {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(targets, "targets");
    }

    /** A spec with the default target options. */
    public PipelineSpec(Sequence root, Long seed) {
        this(root, seed, TargetOptions.DEFAULT);
    }

    /** A spec of these steps, applied in order, without a seed. */
    public static PipelineSpec of(Node... steps) {
        return new PipelineSpec(new Sequence(List.of(steps), 1.0), null);
    }

    public PipelineSpec withSeed(Long newSeed) {
        return new PipelineSpec(root, newSeed, targets);
    }

    /** This spec with the whole pipeline applied with probability {@code p}. */
    public PipelineSpec withP(double p) {
        return new PipelineSpec(root.withP(p), seed, targets);
    }

    /** This spec with another policy for boxes and keypoints. */
    public PipelineSpec withTargets(TargetOptions newTargets) {
        return new PipelineSpec(root, seed, newTargets);
    }
}
