package io.augment4j.api;

import java.util.Set;

/** A transform was given a sample carrying a target (mask, boxes, keypoints) it cannot move along with the image. */
public class UnsupportedTargetException extends AugmentException {
    public UnsupportedTargetException(String transform, Set<Target> unsupported) {
        super("transform '" + transform + "' cannot handle " + unsupported
                + " riding along with the image; remove it from the pipeline or drop those targets");
    }
}
