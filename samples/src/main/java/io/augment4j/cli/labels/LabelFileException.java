package io.augment4j.cli.labels;

import io.augment4j.api.AugmentException;

/**
 * A label file that is missing or cannot be read: the message names the file and, where it applies, the line
 * ({@code labels/a.txt:3: ...}), and the input it belongs to is skipped.
 */
public class LabelFileException extends AugmentException {
    public LabelFileException(String message) {
        super(message);
    }

    public LabelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
