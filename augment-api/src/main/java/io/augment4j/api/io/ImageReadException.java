package io.augment4j.api.io;

import io.augment4j.api.AugmentException;

import java.nio.file.Path;

/**
 * An image file could not be used: missing, empty, truncated or corrupt, not an image, over the pixel limit, or of a
 * kind this library does not read. The message is {@code "<file>: <reason>"}, meant to be printed as is.
 */
public class ImageReadException extends AugmentException {
    private final Path file;
    private final String reason;

    /** An error about {@code file}, for the given reason (without the file name). */
    public ImageReadException(Path file, String reason) {
        this(file, reason, null);
    }

    /** As {@link #ImageReadException(Path, String)}, with the underlying cause. */
    public ImageReadException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }

    /** The problem, without the file name. */
    public String reason() {
        return reason;
    }
}
