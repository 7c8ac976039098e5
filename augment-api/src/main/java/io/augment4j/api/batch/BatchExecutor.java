package io.augment4j.api.batch;

import java.util.List;

/**
 * Runs a batch of independent tasks. The default, {@link LocalBatchExecutor}, is a thread pool in this JVM; a
 * cluster engine (the {@code augment-spark} module) implements this interface in its own module, shipping the
 * serializable tasks to workers and calling the listener on the driver as results come back, and is found by name
 * through {@link BatchExecutorProvider}.
 *
 * <p>Contract: a task that failed is reported, not retried; the listener hears of each finished task exactly once;
 * {@link #run} returns when every task has finished, and throws {@link InterruptedException} when interrupted, after
 * stopping to start new tasks. The local executor runs each task once; a cluster engine may run one again when a
 * worker is lost (or speculatively), so tasks must be idempotent (e.g. rewrite the same file atomically). Results
 * must not depend on which thread or machine ran a task, or in what order: tasks derive their randomness from their
 * own identity ({@link PathSeeds}).
 */
public interface BatchExecutor extends AutoCloseable {
    /**
     * Runs {@code tasks}, reporting each to {@code listener} as it finishes.
     *
     * @throws InterruptedException when the calling thread is interrupted; tasks not yet started are not started
     */
    <R> void run(List<? extends BatchTask<R>> tasks, TaskListener<R> listener) throws InterruptedException;

    /** A short description for messages, e.g. {@code local, 4 threads}. */
    String describe();

    /** Releases what the executor started (a cluster session); nothing by default. */
    @Override
    default void close() {
    }
}
