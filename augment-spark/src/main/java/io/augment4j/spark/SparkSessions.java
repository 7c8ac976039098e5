package io.augment4j.spark;

import io.augment4j.api.AugmentException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/**
 * Starts or joins the Spark session the engines run on. Setting {@code master} (e.g. {@code local[2]},
 * {@code local[2,3]}, {@code spark://host:7077}, {@code yarn}); without it the master comes from
 * {@code spark-submit} ({@code spark.master}), else {@code local[*]}.
 */
final class SparkSessions {
    private SparkSessions() {
    }

    /** A session, and whether it was started here (then its user stops it when done). */
    record Joined(SparkSession session, boolean startedHere) {
    }

    static Joined join(Map<String, String> settings) {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkSessions.class.getClassLoader());
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
            return new Joined(b.getOrCreate(), !running);
        } catch (RuntimeException e) {
            throw new AugmentException("cannot start Spark" + (master == null ? "" : " with --master " + master)
                    + ": " + e.getMessage(), e);
        }
    }
}
