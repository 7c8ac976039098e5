package io.augment4j.api;

/** The kinds of data a {@link Sample} can carry and a {@link Transform} may declare it handles. */
public enum Target {
    /** The image itself; every transform handles it. */
    IMAGE,
    /** A per-pixel label mask of the image's size. */
    MASK,
    /** Axis-aligned bounding boxes in continuous pixel coordinates ({@link BoundingBox}). */
    BOXES,
    /** Points in continuous pixel coordinates ({@link Keypoint}). */
    KEYPOINTS
}
