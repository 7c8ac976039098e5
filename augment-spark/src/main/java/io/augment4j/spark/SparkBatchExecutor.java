package io.augment4j.spark;

import io.augment4j.api.AugmentException;
import io.augment4j.api.batch.BatchExecutor;
import io.augment4j.api.batch.BatchTask;
import io.augment4j.api.batch.TaskListener;
import org.apache.spark.SparkContext;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * A {@link BatchExecutor} that runs the tasks as Spark tasks: the driver splits the list into partitions, the
 * executors run each partition's tasks (Java-serialized, so everything a task needs travels in its fields), and the
 * listener hears of each task on the driver as its partition's results come back.
 *
 * <p>A task that throws is reported to the listener as in the local executor (its exception travels back; one that
 * cannot be serialized is replaced by a {@link RemoteTaskException} with its text). A Spark task that fails as a whole
 * (a lost executor, an {@link Error}) is retried by Spark up to {@code spark.task.maxFailures} times; the listener only
 * ever hears of the successful attempt of each partition, so results are neither lost nor counted twice. Tasks must
 * therefore be idempotent: a retried or speculative attempt redoes work (e.g. rewrites the same file atomically).
 * In {@code local[N]} mode Spark does not retry; {@code local[N,F]} allows {@code F} attempts.
 */
public final class SparkBatchExecutor implements BatchExecutor {
    private final SparkSession spark;
    private final boolean stopOnClose;
    private final int tasksPerPartition;

    /**
     * Runs on {@code spark}.
     *
     * @param stopOnClose whether {@link #close()} stops the session (true when this executor started it)
     * @param tasksPerPartition most tasks per Spark task, at least 1 (fewer when that leaves cores idle): small
     *                          partitions spread the work and make a retry redo little
     */
    public SparkBatchExecutor(SparkSession spark, boolean stopOnClose, int tasksPerPartition) {
        if (tasksPerPartition < 1) {
            throw new IllegalArgumentException("tasksPerPartition must be at least 1, got " + tasksPerPartition);
        }
        this.spark = spark;
        this.stopOnClose = stopOnClose;
        this.tasksPerPartition = tasksPerPartition;
    }

    /** The outcome of one task, sent back to the driver. */
    private record Outcome<R>(int index, R result, Exception error) implements Serializable {
    }

    @Override
    public <R> void run(List<? extends BatchTask<R>> tasks, TaskListener<R> listener) throws InterruptedException {
        if (tasks.isEmpty()) {
            return;
        }
        SparkContext sc = spark.sparkContext();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        int slots = Math.max(1, sc.defaultParallelism());
        int partitions = Math.min(tasks.size(), Math.max(slots * 2, ceilDiv(tasks.size(), tasksPerPartition)));
        List<Indexed<R>> indexed = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            indexed.add(new Indexed<>(i, tasks.get(i)));
        }
        JavaRDD<Indexed<R>> rdd = jsc.parallelize(indexed, partitions);

        Function1<scala.collection.Iterator<Indexed<R>>, ArrayList<Outcome<R>>> work =
                (Function1<scala.collection.Iterator<Indexed<R>>, ArrayList<Outcome<R>>> & Serializable)
                        SparkBatchExecutor::runPartition;
        Function2<Object, ArrayList<Outcome<R>>, BoxedUnit> onResult = (part, outcomes) -> {
            for (Outcome<R> o : outcomes) {
                BatchTask<R> task = tasks.get(o.index());
                if (o.error() != null) {
                    listener.failed(task, o.error());
                } else {
                    listener.succeeded(task, o.result());
                }
            }
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> done = () -> BoxedUnit.UNIT;
        List<Object> ids = new ArrayList<>();
        IntStream.range(0, partitions).forEach(ids::add);
        SimpleFutureAction<BoxedUnit> job = sc.submitJob(rdd.rdd(), work,
                CollectionConverters.asScala(ids).toSeq(), onResult, done);
        try {
            Await.ready(job, Duration.Inf());
        } catch (InterruptedException e) {
            job.cancel();
            throw e;
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
        scala.util.Try<BoxedUnit> outcome = job.value().get();
        if (outcome.isFailure()) {
            Throwable t = outcome.failed().get();
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error err) {
                throw err;
            }
            // a SparkException: the job was aborted (executors lost, a task failed spark.task.maxFailures times)
            throw new AugmentException("the Spark job failed: " + t.getMessage(), t);
        }
    }

    /** A task and its position in the caller's list. */
    private record Indexed<R>(int index, BatchTask<R> task) implements Serializable {
    }

    private static <R> ArrayList<Outcome<R>> runPartition(scala.collection.Iterator<Indexed<R>> part) {
        ArrayList<Outcome<R>> out = new ArrayList<>();
        CollectionConverters.asJava(part).forEachRemaining(t -> out.add(runOne(t)));
        return out;
    }

    private static <R> Outcome<R> runOne(Indexed<R> t) {
        try {
            return new Outcome<>(t.index(), t.task().call(), null);
        } catch (Exception e) {
            return new Outcome<>(t.index(), null, portable(e));
        } catch (OutOfMemoryError e) {
            return new Outcome<>(t.index(), null, new IllegalStateException("out of memory (raise the executors' "
                    + "memory, or lower --max-pixels)"));
        }
    }

    /** {@code e} if it can travel back to the driver, else its text and stack in a {@link RemoteTaskException}. */
    static Exception portable(Exception e) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(e);
            return e;
        } catch (IOException notSerializable) {
            RemoteTaskException r = new RemoteTaskException(e.toString());
            r.setStackTrace(e.getStackTrace());
            return r;
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    @Override
    public String describe() {
        SparkContext sc = spark.sparkContext();
        return "spark, master " + sc.master() + ", " + sc.defaultParallelism() + " slots";
    }

    /** Stops the Spark session when this executor started it. */
    @Override
    public void close() {
        if (stopOnClose) {
            spark.stop();
        }
    }
}
