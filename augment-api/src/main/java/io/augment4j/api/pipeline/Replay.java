package io.augment4j.api.pipeline;

import java.util.List;

/**
 * What one application of a pipeline decided: which nodes ran and the parameters each transform sampled. Applying
 * a replay to another image ({@link Pipeline#replay}) repeats those decisions exactly, as Albumentations'
 * {@code ReplayCompose} does. The tree mirrors the pipeline's node tree; {@link Pipeline#replayToJson} and
 * {@link Pipeline#replayFromJson} store it.
 */
public sealed interface Replay {
    /** Whether the node ran (its {@code p} draw succeeded). */
    boolean applied();

    /**
     * A transform step.
     *
     * @param transform registry name
     * @param applied whether it ran
     * @param params the sampled parameters (the transform's parameter object), or {@code null} when not applied
     */
    record OfStep(String transform, boolean applied, Object params) implements Replay {
    }

    /**
     * A sequence.
     *
     * @param applied whether it ran
     * @param steps one replay per step, empty when not applied
     */
    record OfSequence(boolean applied, List<Replay> steps) implements Replay {
        public OfSequence {
            steps = List.copyOf(steps);
        }
    }

    /**
     * A one-of choice.
     *
     * @param applied whether it ran
     * @param chosen index of the chosen step, -1 when not applied
     * @param step the chosen step's replay, {@code null} when not applied
     */
    record OfOneOf(boolean applied, int chosen, Replay step) implements Replay {
    }

    /**
     * A some-of group.
     *
     * @param applied whether it ran
     * @param chosen indices of the chosen steps, ascending
     * @param steps replays of the chosen steps, in the same order
     */
    record OfSomeOf(boolean applied, List<Integer> chosen, List<Replay> steps) implements Replay {
        public OfSomeOf {
            chosen = List.copyOf(chosen);
            steps = List.copyOf(steps);
        }
    }
}
