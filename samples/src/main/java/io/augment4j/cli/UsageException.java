package io.augment4j.cli;

import io.augment4j.api.AugmentException;

/**
 * The command cannot run as asked: a missing input folder, an unwritable output folder, a manifest entry that does
 * not exist. Exit code {@link ExitCodes#USAGE}.
 */
public class UsageException extends AugmentException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
