package io.augment4j.api.batch;

import java.io.Serializable;

/**
 * One unit of batch work, e.g. "augment this input file into its copies". Tasks are independent of one another and
 * of the thread or machine that runs them: everything a task needs is in its fields (and the files it names), and
 * its result says what it produced. That keeps them runnable by any {@link BatchExecutor}, local or on a cluster.
 *
 * @param <R> what a successful task returns to the driver
 */
public interface BatchTask<R> extends Serializable {
    /** A short name for messages, e.g. the input file's relative path. */
    String name();

    /** Does the work. Exceptions are reported to the listener as a failure of this task, not of the batch. */
    R call() throws Exception;
}
