package io.augment4j.api.registry;

import io.augment4j.api.AugmentException;

/** A parameter is missing, unknown, of the wrong type or out of range; the message names transform and parameter. */
public class ParameterException extends AugmentException {
    private final String transform;
    private final String parameter;

    public ParameterException(String transform, String parameter, String message) {
        super("transform '" + transform + "': parameter '" + parameter + "' " + message);
        this.transform = transform;
        this.parameter = parameter;
    }

    public String transform() {
        return transform;
    }

    public String parameter() {
        return parameter;
    }
}
