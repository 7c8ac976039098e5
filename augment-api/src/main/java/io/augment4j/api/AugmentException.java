package io.augment4j.api;

/**
 * Base of every error this library raises for a user mistake (bad image, bad spec, bad parameter).
 * Messages are written for the person who made the mistake: they name the file, the transform and the
 * parameter concerned, so a command-line front end can print {@link #getMessage()} without a stack trace.
 */
public class AugmentException extends RuntimeException {
    public AugmentException(String message) {
        super(message);
    }

    public AugmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
