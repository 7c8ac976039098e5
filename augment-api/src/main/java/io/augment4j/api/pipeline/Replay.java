package io.augment4j.api.pipeline;

import io.augment4j.api.Image;

import java.util.List;

/**
 * What one application of a pipeline decided: which nodes ran and the parameters each transform sampled. Applying
 * a replay to another image ({@link Pipeline#replay}) repeats those decisions exactly, as Albumentations'
 * {@code ReplayCompose} does. The tree mirrors the pipeline's node tree; {@link Pipeline#replayToJson} and
 * {@link Pipeline#replayFromJson} store it.
 *
 * <p>Each applied step also records the size of the image it received. Replaying onto an image of the recorded size
 * repeats the run bit for bit. On an image of another size, a step whose parameters are
 * {@link io.augment4j.api.SizeBoundParams} (crops, resizes, flips, rotations and other warps, cutout holes, elastic
 * fields) is refused with an {@link io.augment4j.api.AugmentException} naming the transform and both sizes, since
 * its pixel positions mean something else there; other steps (colour, blur, noise) apply their parameters as they
 * are.
 */
public sealed interface Replay {
    /** Whether the node ran (its {@code p} draw succeeded). */
    boolean applied();

    /**
     * The size of the image a step received.
     *
     * @param height rows
     * @param width columns
     */
    record Size(int height, int width) {
        /** The size of {@code image}. */
        public static Size of(Image image) {
            return new Size(image.height(), image.width());
        }

        @Override
        public String toString() {
            return height + "x" + width;
        }
    }

    /**
     * A transform step.
     *
     * @param transform registry name
     * @param applied whether it ran
     * @param params the sampled parameters (the transform's parameter object), or {@code null} when not applied
     * @param input the size of the image the step received, or {@code null} when not applied or not recorded
     *              (records written before sizes were recorded)
     */
    record OfStep(String transform, boolean applied, Object params, Size input) implements Replay {
        /** A step record without the input size. */
        public OfStep(String transform, boolean applied, Object params) {
            this(transform, applied, params, null);
        }
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
