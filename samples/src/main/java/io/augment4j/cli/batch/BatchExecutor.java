package io.augment4j.cli.batch;

import java.util.List;

/**
 * Runs a batch of independent tasks. The default, {@link LocalBatchExecutor}, is a thread pool in this JVM; a
 * cluster engine (e.g. Apache Spark) can implement this interface in its own module, shipping the serializable
 * tasks to workers and calling the listener on the driver as results come back, without touching the CLI.
 *
 * <p>Contract: every task is run at most once per call (a task that failed is reported, not retried); the listener
 * hears of each finished task exactly once; {@link #run} returns when every task has finished, and throws
 * {@link InterruptedException} when interrupted, after stopping to start new tasks. Results must not depend on
 * which thread or machine ran a task, or in what order: tasks derive their randomness from their own identity.
 */
public interface BatchExecutor {
    /**
     * Runs {@code tasks}, reporting each to {@code listener} as it finishes.
     *
     * @throws InterruptedException when the calling thread is interrupted; tasks not yet started are not started
     */
    <R> void run(List<? extends BatchTask<R>> tasks, TaskListener<R> listener) throws InterruptedException;

    /** A short description for messages, e.g. {@code local, 4 threads}. */
    String describe();
}
