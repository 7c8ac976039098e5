package io.augment4j.spark;

import io.augment4j.api.batch.BatchExecutor;
import io.augment4j.api.batch.BatchExecutorProvider;

import java.util.Map;

/**
 * The {@code spark} engine ({@code aug apply --engine spark}). Settings: {@code master} (e.g. {@code local[2]},
 * {@code local[2,3]}, {@code spark://host:7077}, {@code yarn}); without it the master comes from
 * {@code spark-submit} ({@code spark.master}), else {@code local[*]}. A session already running in this JVM is
 * joined and left running; one started here is stopped when the executor is closed.
 */
public final class SparkEngineProvider implements BatchExecutorProvider {
    /** Inputs per Spark task when the tasks outnumber the cores. */
    static final int TASKS_PER_PARTITION = 16;

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public BatchExecutor create(Map<String, String> settings) {
        SparkSessions.Joined spark = SparkSessions.join(settings);
        return new SparkBatchExecutor(spark.session(), spark.startedHere(), TASKS_PER_PARTITION);
    }
}
