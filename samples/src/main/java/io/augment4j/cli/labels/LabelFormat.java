package io.augment4j.cli.labels;

import io.augment4j.api.Sample;

import java.nio.file.Path;

/**
 * How {@code aug apply} and {@code aug preview} read the labels of an image and write those of an output. Either the
 * labels sit in a file beside each image ({@link YoloLabels}, {@link VocLabels}: {@link #sidecar} names it and
 * {@link #render} makes its content), or in one file for the whole folder ({@link CocoLabels}: {@link #record} gives
 * each output's part, gathered at the end of a run). Implementations are immutable and thread-safe.
 */
public sealed interface LabelFormat permits YoloLabels, VocLabels, CocoLabels {
    /** {@code yolo}, {@code voc} or {@code coco}: the value of {@code --labels}, recorded in the manifest. */
    String id();

    /**
     * The labels of {@code image}, {@code rel} being its path relative to the input folder ('/' separators).
     *
     * @throws LabelFileException naming the file and line when the labels are missing or malformed
     */
    ImageLabels read(Path image, String rel, int width, int height);

    /** The label file that belongs beside {@code image}, or {@code null} when this format keeps labels elsewhere. */
    Path sidecar(Path image);

    /** The content of {@link #sidecar} for an output {@code image} holding {@code result}; unused without sidecars. */
    byte[] render(Path image, Sample result);

    /** The JSON text of what the manifest keeps of {@code result}'s labels beyond the counts, or {@code null}. */
    default String record(Sample result) {
        return null;
    }
}
