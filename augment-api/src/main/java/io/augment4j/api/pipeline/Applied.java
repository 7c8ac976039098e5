package io.augment4j.api.pipeline;

import io.augment4j.api.Sample;

/**
 * The result of {@link Pipeline#applyRecorded}: the output sample and the replay that reproduces it.
 *
 * @param sample the augmented sample
 * @param replay the decisions and parameters that produced it
 */
public record Applied(Sample sample, Replay replay) {
}
