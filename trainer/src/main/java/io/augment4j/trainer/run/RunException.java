package io.augment4j.trainer.run;

import io.augment4j.api.AugmentException;

/**
 * A training or evaluation run that cannot go on because of something the user can fix: a run
 * folder that already holds a run, a missing checkpoint, unreadable data, a diverging loss. The
 * message says what to do; print it without a stack trace.
 */
public class RunException extends AugmentException {
    /** @param message what happened and what to do */
    public RunException(String message) {
        super(message);
    }

    /** @param message what happened and what to do @param cause underlying error */
    public RunException(String message, Throwable cause) {
        super(message, cause);
    }
}
