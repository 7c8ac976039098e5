package io.augment4j.trainer.loop;

/** The loss became NaN or infinite; weights were not updated with the bad batch. */
public final class DivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what happened and what to do */
    public DivergedException(String message) {
        super(message);
    }
}
