package io.augment4j.api.targets;

import io.augment4j.api.AugmentException;

/** A box or keypoint given in some format is out of range, degenerate or malformed; the message names it. */
public class TargetFormatException extends AugmentException {
    public TargetFormatException(String message) {
        super(message);
    }
}
