package io.augment4j.spark;

/**
 * A task's exception that could not be serialized back to the driver: its class name, message and stack trace, as
 * text. The listener sees this in its place.
 */
public final class RemoteTaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@code text} is the original exception's {@code toString()}. */
    public RemoteTaskException(String text) {
        super(text);
    }
}
