package io.augment4j.api.io;

import io.augment4j.api.AugmentException;

import java.nio.file.Path;

/**
 * An image file could not be used: missing, empty, truncated or corrupt, not an image, over the pixel limit, or of a
 * kind this library does not read. The message is {@code "<file>: <reason>"}, meant to be printed as is.
 * Serializable (the file travels as its name), so a cluster worker can report it to the driver.
 */
public class ImageReadException extends AugmentException {
    private static final long serialVersionUID = 1L;
    private final String fileName;
    private transient Path file;
    private final String reason;

    /** An error about {@code file}, for the given reason (without the file name). */
    public ImageReadException(Path file, String reason) {
        this(file, reason, null);
    }

    /** As {@link #ImageReadException(Path, String)}, with the underlying cause. */
    public ImageReadException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.fileName = String.valueOf(file);
        this.reason = reason;
    }

    /** The file concerned. */
    public Path file() {
        if (file == null) {
            file = Path.of(fileName);
        }
        return file;
    }

    /** The problem, without the file name. */
    public String reason() {
        return reason;
    }
}
