package io.augment4j.trainer.run;

import java.nio.file.Path;

/**
 * Training was interrupted (Ctrl-C, or a stop request): the checkpoint of the last completed
 * epoch stands and {@code aug train --resume <dir>} continues. The message has already been
 * printed to the run's output stream; a CLI should exit with status 130 without repeating it.
 */
public class RunInterruptedException extends RunException {
    private final transient Path runDir;
    private final int epochsDone;

    /**
     * @param message what was saved and how to resume
     * @param runDir the run folder
     * @param epochsDone epochs completed and checkpointed
     */
    public RunInterruptedException(String message, Path runDir, int epochsDone) {
        super(message);
        this.runDir = runDir;
        this.epochsDone = epochsDone;
    }

    /** @return the run folder to resume */
    public Path runDir() {
        return runDir;
    }

    /** @return epochs completed and checkpointed */
    public int epochsDone() {
        return epochsDone;
    }
}
