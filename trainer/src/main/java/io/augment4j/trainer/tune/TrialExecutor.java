package io.augment4j.trainer.tune;

/**
 * Runs trials: the seam between a study and where its trials train ({@link LocalTrialExecutor}
 * in this JVM; a cluster engine can implement the same). A study submits at most
 * {@link #parallelism()} trials before it takes an outcome.
 */
public interface TrialExecutor extends AutoCloseable {

    /** @return how many trials run at once */
    int parallelism();

    /**
     * The loader workers a trial's config gets here, so that the trials running at once share the
     * cores rather than oversubscribe them.
     *
     * @param configured the config's {@code workers}
     * @return the value the trial runs with (it does not change the trial's results)
     */
    default int workersPerTrial(int configured) {
        return configured;
    }

    /**
     * Starts a trial.
     *
     * @param trial the trial
     * @param monitor told of each epoch; decides pruning
     */
    void submit(Trial trial, TrialMonitor monitor);

    /**
     * @return the outcome of the next trial to end, waiting for it (a trial's own failure is a
     *     FAILED outcome, not an exception)
     * @throws InterruptedException when the waiting thread is interrupted
     */
    TrialOutcome take() throws InterruptedException;

    /** Stops accepting trials and releases the threads. */
    @Override
    void close();
}
