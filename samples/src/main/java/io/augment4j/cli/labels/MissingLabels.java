package io.augment4j.cli.labels;

/** What an image without labels means: an error (the default), or an image with no boxes (a background image). */
public enum MissingLabels {
    /** The input is reported and skipped. */
    ERROR,
    /** The image has no boxes and no keypoints, as YOLO training tools read a missing label file. */
    EMPTY
}
