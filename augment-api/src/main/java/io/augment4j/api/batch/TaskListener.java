package io.augment4j.api.batch;

/**
 * Hears about each task as it finishes, on the driver. Calls may come from several threads at once; implementations
 * must be thread-safe. They run before the executor counts the task done, so a listener that records progress
 * durably (a manifest line) records nothing a crash could lose.
 *
 * @param <R> the tasks' result type
 */
public interface TaskListener<R> {
    /** {@code task} finished and returned {@code result}. */
    void succeeded(BatchTask<R> task, R result);

    /** {@code task} threw {@code error}; the batch goes on with the other tasks. */
    void failed(BatchTask<R> task, Exception error);
}
