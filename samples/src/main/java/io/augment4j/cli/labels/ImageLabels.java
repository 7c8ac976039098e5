package io.augment4j.cli.labels;

import io.augment4j.api.BoundingBox;
import io.augment4j.api.Keypoint;

import java.util.List;

/**
 * The boxes and keypoints of one image, in continuous pixel coordinates, as read from its label file.
 *
 * @param boxes the boxes, in file order
 * @param keypoints the labelled keypoints, in file order
 * @param source the file they were read from (for messages and for {@code aug replay})
 */
public record ImageLabels(List<BoundingBox> boxes, List<Keypoint> keypoints, String source) {
    public ImageLabels {
        boxes = List.copyOf(boxes);
        keypoints = List.copyOf(keypoints);
    }
}
