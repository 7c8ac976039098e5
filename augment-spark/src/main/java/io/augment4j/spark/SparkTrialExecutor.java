package io.augment4j.spark;

import io.augment4j.api.AugmentException;
import io.augment4j.trainer.tune.LocalTrialExecutor;
import io.augment4j.trainer.tune.Trial;
import io.augment4j.trainer.tune.TrialExecutor;
import io.augment4j.trainer.tune.TrialFunction;
import io.augment4j.trainer.tune.TrialMonitor;
import io.augment4j.trainer.tune.TrialOutcome;
import io.augment4j.trainer.tune.TrialPool;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TrialExecutor} that runs each trial as one Spark task, as Hyperopt's {@code SparkTrials} does: each
 * submitted trial is a Spark job of one task, so {@code parallel} trials are {@code parallel} concurrent jobs (Spark
 * runs as many of them at once as it has free task slots) and each ends on its own, which is what asynchronous
 * pruning (ASHA) wants.
 *
 * <p>The study stays on the driver: its journal is written there, by the {@link TrialMonitor} given to
 * {@link #submit}. Tasks reach that monitor through a small server socket on the driver ({@code spark.driver.host},
 * an ephemeral port; the address and a random token travel with each task): each epoch's metrics go to the driver,
 * whose answer says whether the trial is pruned. A task that cannot reach the driver, or loses it mid-trial, fails as
 * a whole, and Spark reruns it ({@code spark.task.maxFailures} attempts; in {@code local[N]} mode none, in
 * {@code local[N,F]} {@code F}); the rerun continues the trial from its checkpoint in the trial folder, and the
 * journal keeps each epoch and each trial's end once, since only the study's monitor writes it and a trial's
 * outcome comes from its one successful attempt. A trial whose task fails on every attempt is a FAILED outcome
 * naming Spark's reason; the study goes on.
 *
 * <p>The trial folders are written by the executors: on a cluster the study folder (and the data the configs name)
 * must be on a file system every executor sees at the same path. The runner must be {@link Serializable} (a
 * {@code TrialRunner} is: it reads the configs with the transforms on the executor's class path). Speculative
 * execution ({@code spark.speculation}) is refused: two attempts would train one trial folder at once.
 *
 * <p>In each executor JVM, before the first trial starts PyTorch, a task sets the driver's DJL system properties
 * ({@code ai.djl.*}, e.g. {@code ai.djl.offline}) that are not set there, and PyTorch's threads
 * ({@link LocalTrialExecutor#TORCH_THREADS}) to {@code spark.task.cpus} unless the driver sets them: a trial uses the
 * cores of its task slot. Its loader workers are {@code spark.task.cpus - 1} at most.
 */
public final class SparkTrialExecutor implements TrialExecutor {
    /** How long {@link #close()} waits for cancelled trials to stop. */
    private static final long CLOSE_WAIT_S = 120;

    private final SparkSession spark;
    private final boolean stopOnClose;
    private final TrialFunction runner;
    private final int parallel;
    private final int taskCpus;
    private final String group = "augment4j-trials-" + UUID.randomUUID();
    private final HashMap<String, String> properties = new HashMap<>();
    private final MonitorServer server;
    private final TrialPool jobs;
    /** Trials submitted and not yet ended: close() cancels only when there are (else Spark warns). */
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Runs trials on {@code spark}.
     *
     * @param stopOnClose whether {@link #close()} stops the session (true when the caller started it for this)
     * @param runner runs one trial in a task; {@link Serializable}
     * @param parallel how many trials run at once (at least 1)
     * @throws IllegalArgumentException when the runner is not serializable or {@code parallel} is below 1
     * @throws AugmentException when speculation is on, or the driver cannot listen for the trials' reports
     */
    public SparkTrialExecutor(SparkSession spark, boolean stopOnClose, TrialFunction runner, int parallel) {
        if (!(runner instanceof Serializable)) {
            throw new IllegalArgumentException("a Spark trial runs in an executor: its runner ("
                    + runner.getClass().getName() + ") must be Serializable");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        }
        SparkContext sc = spark.sparkContext();
        if (sc.getConf().getBoolean("spark.speculation", false)) {
            throw new AugmentException("tuning on Spark needs spark.speculation=false: a speculative attempt would train"
                    + " a trial into its folder while the first still does");
        }
        this.spark = spark;
        this.stopOnClose = stopOnClose;
        this.runner = runner;
        this.parallel = parallel;
        this.taskCpus = Math.max(1, sc.getConf().getInt("spark.task.cpus", 1));
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("ai.djl."))
                .forEach(k -> properties.put(k, System.getProperty(k)));
        properties.putIfAbsent(LocalTrialExecutor.TORCH_THREADS, Integer.toString(taskCpus));
        String host = sc.getConf().get("spark.driver.host");
        try {
            this.server = new MonitorServer(sc.getConf().get("spark.driver.bindAddress", host), host,
                    () -> sc.cancelJobGroup(group));
        } catch (IOException e) {
            throw new AugmentException("cannot listen on the driver host " + host + " for the trials' reports: "
                    + e.getMessage(), e);
        }
        this.jobs = new TrialPool(parallel, "aug-spark-trial-%d", t -> t instanceof RuntimeException re ? re
                : new IllegalStateException("a trial's driver thread failed", t));
    }

    @Override
    public int parallelism() {
        return parallel;
    }

    /** At most {@code spark.task.cpus - 1}: the task's own thread is one of its cores. */
    @Override
    public int workersPerTrial(int configured) {
        return Math.min(configured, taskCpus - 1);
    }

    @Override
    public void submit(Trial trial, TrialMonitor monitor) {
        if (closed) {
            throw new IllegalStateException("the executor is closed");
        }
        server.register(trial.number(), monitor);
        running.incrementAndGet();
        jobs.submit(() -> runJob(trial));
    }

    /** Runs one trial as a Spark job of one task, waiting for it (in one of this executor's driver threads). */
    private TrialOutcome runJob(Trial trial) {
        int n = trial.number();
        long t0 = System.nanoTime();
        SparkContext sc = spark.sparkContext();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        sc.setJobGroup(group, "augment4j trial " + n, true);
        try {
            List<TrialOutcome> r = jsc.parallelize(List.of(trial), 1)
                    .map(new RunTrial(runner, server.address(), properties)).collect();
            return r.get(0);
        } catch (Exception e) { // a SparkException, which Scala throws unchecked
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable studyFailure = server.failure();
            if (studyFailure instanceof Error err) {
                throw err;
            }
            if (studyFailure != null) {
                throw new IllegalStateException("the study failed while trial " + n + " ran", studyFailure);
            }
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            if (closed || sc.isStopped() || why.contains("cancelled")) {
                throw new AugmentException("trial " + n + " stopped with its Spark job (" + why + "): the study can be"
                        + " resumed", e);
            }
            return TrialOutcome.failed(n, "its Spark task failed: " + why, (System.nanoTime() - t0) / 1e9);
        } finally {
            server.unregister(n);
            sc.clearJobGroup();
            running.decrementAndGet();
        }
    }

    @Override
    public TrialOutcome take() throws InterruptedException {
        return jobs.take();
    }

    /**
     * Cancels the trials still running (their folders keep their last checkpoint, so a resumed study continues them),
     * waits for their tasks to end, and stops the Spark session if this executor was made to stop it.
     */
    @Override
    public void close() {
        closed = true;
        SparkContext sc = spark.sparkContext();
        if (running.get() > 0 && !sc.isStopped()) {
            sc.cancelJobGroup(group);
        }
        jobs.shutdownAndWait(CLOSE_WAIT_S);
        server.close();
        if (stopOnClose) {
            spark.stop();
        }
    }

    /** A trial's task: run it, telling the driver of each epoch; fail the task if the driver was lost. */
    private record RunTrial(TrialFunction runner, MonitorServer.Address address, HashMap<String, String> properties)
            implements Function<Trial, TrialOutcome> {
        private static final long serialVersionUID = 1L;

        @Override
        public TrialOutcome call(Trial trial) throws IOException {
            // before PyTorch starts in this JVM (the first trial here); a JVM's later trials find them set
            synchronized (RunTrial.class) {
                properties.forEach((k, v) -> {
                    if (System.getProperty(k) == null) {
                        System.setProperty(k, v);
                    }
                });
            }
            TaskContext task = TaskContext.get();
            long attempt = task == null ? 0 : task.taskAttemptId();
            try (RemoteMonitor monitor = RemoteMonitor.connect(address, trial.number(), attempt)) {
                TrialOutcome outcome = runner.run(trial, monitor);
                if (monitor.failure() != null) {
                    throw new IOException("trial " + trial.number() + "'s task failed (Spark reruns it): "
                            + monitor.failure().getMessage(), monitor.failure());
                }
                return outcome;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
