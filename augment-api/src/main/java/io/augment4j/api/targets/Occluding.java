package io.augment4j.api.targets;

import io.augment4j.api.BoundingBox;

import java.util.List;

/**
 * Sampled parameters of a transform that hides parts of the image without moving anything (cutout, random erasing).
 * A pipeline drops the boxes whose visible fraction falls below its {@link TargetOptions#minVisibility()} (and the
 * boxes hidden completely); keypoints stay.
 */
public interface Occluding {
    /** The hidden areas, in continuous pixel coordinates (their labels are ignored). */
    List<BoundingBox> occluded();
}
