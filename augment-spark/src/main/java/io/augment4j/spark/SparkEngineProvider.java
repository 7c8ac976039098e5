package io.augment4j.spark;

import io.augment4j.api.AugmentException;
import io.augment4j.api.batch.BatchExecutor;
import io.augment4j.api.batch.BatchExecutorProvider;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

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
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkEngineProvider.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AugmentException("the spark engine needs Spark 4.0 (Scala 2.13) on the class path: run through "
                    + "spark-submit, or ./aug with SPARK_HOME or AUG_SPARK_CLASSPATH set (README.md, Running on Spark)");
        }
        boolean running = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkSession.Builder b = SparkSession.builder().appName("augment4j");
        String master = settings.get("master");
        if (master != null) {
            b.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            b.master("local[*]");
        }
        try {
            SparkSession spark = b.getOrCreate();
            return new SparkBatchExecutor(spark, !running, TASKS_PER_PARTITION);
        } catch (RuntimeException e) {
            throw new AugmentException("cannot start Spark" + (master == null ? "" : " with --master " + master)
                    + ": " + e.getMessage(), e);
        }
    }
}
