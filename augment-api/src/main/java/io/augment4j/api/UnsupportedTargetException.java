package io.augment4j.api;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A transform was given a sample carrying a target (mask, boxes, keypoints) it cannot move along with the image. */
public class UnsupportedTargetException extends AugmentException {
    public UnsupportedTargetException(String transform, Set<Target> unsupported) {
        super("transform '" + transform + "' cannot handle " + unsupported
                + " riding along with the image; remove it from the pipeline or drop those targets");
    }

    /** Several transforms of a pipeline, each with the targets it cannot handle (in pipeline order). */
    public UnsupportedTargetException(Map<String, Set<Target>> unsupportedByTransform) {
        super("this pipeline cannot carry the sample's targets: " + unsupportedByTransform.entrySet().stream()
                .map(e -> "transform '" + e.getKey() + "' cannot handle " + e.getValue())
                .collect(Collectors.joining("; "))
                + "; remove those transforms from the pipeline or drop those targets");
    }
}
