package io.augment4j.cli;

import io.augment4j.api.AugmentException;

import java.nio.file.Path;

/**
 * One input file could not be used (empty, truncated, not an image, too large, unsupported format). The message
 * names the file and the reason. Commands report it and go on with the other inputs; the exit code is then
 * {@link ExitCodes#INPUT_FAILED}.
 */
public class InputException extends AugmentException {
    private final Path file;
    private final String reason;

    public InputException(Path file, String reason) {
        this(file, reason, null);
    }

    public InputException(Path file, String reason, Throwable cause) {
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
