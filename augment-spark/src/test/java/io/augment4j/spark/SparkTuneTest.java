package io.augment4j.spark;

import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.config.ConfigLoader;
import io.augment4j.trainer.data.IdxFiles;
import io.augment4j.trainer.tune.Journal;
import io.augment4j.trainer.tune.LocalTrialExecutor;
import io.augment4j.trainer.tune.Study;
import io.augment4j.trainer.tune.StudyLoader;
import io.augment4j.trainer.tune.StudySpec;
import io.augment4j.trainer.tune.Trial;
import io.augment4j.trainer.tune.TrialExecutor;
import io.augment4j.trainer.tune.TrialExecutorProvider;
import io.augment4j.trainer.tune.TrialFunction;
import io.augment4j.trainer.tune.TrialMonitor;
import io.augment4j.trainer.tune.TrialOutcome;
import io.augment4j.trainer.tune.TrialRecord;
import io.augment4j.trainer.tune.TrialRunner;
import io.augment4j.trainer.tune.TrialState;
import org.apache.spark.TaskContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code aug tune --engine spark} in local[2,2] (two attempts per task): the local executor's trials and values, a
 * task that loses the driver on its first attempt rerun and counted once, and a study stopped mid-trial resumed.
 */
class SparkTuneTest {
    static final ConfigLoader LOADER = new ConfigLoader(TransformRegistry.discover());

    /** Random search and ASHA over 4 trials of 3 epochs; the test files do not exist (no trial reads them). */
    static final String STUDY = """
            name: spark-study
            config:
              data: {type: idx, train_images: bands-images.idx, train_labels: bands-labels.idx,
                     test_images: test-images.idx, test_labels: test-labels.idx}
              split: {val: 0.25}
              model: {dense: [{units: 8, dropout: 0.1}]}
              optimizer: {type: adam, learning_rate: 0.01}
              early_stopping: {monitor: val_loss, patience: 5}
              epochs: 3
              batch_size: 32
              workers: 0
              progress: false
            search:
              optimizer.learning_rate: {log_uniform: [1.0e-5, 1.0e-1]}
              model.dense[0].units: {int_log: [2, 16]}
            pruner: {type: asha, min_epochs: 1, reduction_factor: 3}
            trials: 4
            seed: 11
            """;

    @TempDir
    static Path data;

    static SparkSession spark;
    static StudySpec spec;
    static List<TrialRecord> local;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** Three classes of 8x8 horizontal bands with pixel noise (as trainer's tune tests). */
    static void bands(Path dir, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] px = new byte[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int k = 0; k < 64; k++) {
                double v = (k / 8 * 3 / 8 == labels[i] ? 160 : 80) + 50 * r.nextGaussian();
                px[i * 64 + k] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        IdxFiles.write(px, labels, 8, 8, dir.resolve("bands-images.idx"), dir.resolve("bands-labels.idx"), false);
    }

    @BeforeAll
    static void start() throws IOException {
        spark = SparkSession.builder().appName("SparkTuneTest").master("local[2,2]")
                .config("spark.ui.enabled", "false").getOrCreate();
        bands(data, 240, 3);
        Path file = Files.writeString(data.resolve("study.yaml"), STUDY);
        spec = new StudyLoader(LOADER.registry()).load(file);
        try (LocalTrialExecutor ex = new LocalTrialExecutor(runner(), 1)) {
            local = new Study(spec, data.resolve("local"), ex, LOADER, new PrintStream(new ByteArrayOutputStream(),
                    true, StandardCharsets.UTF_8)).run(false, null);
        }
        assertTrue(local.stream().anyMatch(r -> r.state() == TrialState.PRUNED), "ASHA prunes: " + local);
        assertTrue(local.stream().anyMatch(r -> r.state() == TrialState.COMPLETE), local.toString());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static TrialRunner runner() {
        return new TrialRunner(LOADER, spec.monitor(), spec.direction());
    }

    private String log() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Trial {@code number}'s first task attempt loses its connection to the driver after epoch {@code epoch}. */
    record LoseDriverOnce(TrialFunction inner, int number, int epoch) implements TrialFunction, Serializable {
        @Override
        public TrialOutcome run(Trial trial, TrialMonitor monitor) {
            if (trial.number() != number || TaskContext.get().attemptNumber() > 0) {
                return inner.run(trial, monitor);
            }
            return inner.run(trial, (n, e, logs, ending) -> {
                String r = monitor.epochEnded(n, e, logs, ending);
                if (e == epoch) {
                    ((RemoteMonitor) monitor).close(); // as a network failure: the next epoch cannot be reported
                }
                return r;
            });
        }
    }

    @Test
    void oneTrialAtATimeGivesTheLocalTrialsAndALostConnectionIsRerunAndCountedOnce() throws Exception {
        AtomicInteger failedAttempts = new AtomicInteger();
        SparkListener count = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) {
                    failedAttempts.incrementAndGet();
                }
            }
        };
        spark.sparkContext().addSparkListener(count);
        Path s = dir.resolve("study");
        List<TrialRecord> onSpark;
        try (TrialExecutor ex = new SparkTrialExecutor(spark, false, new LoseDriverOnce(runner(), 0, 0), 1)) {
            onSpark = new Study(spec, s, ex, LOADER, out).run(false, null);
        } finally {
            spark.sparkContext().listenerBus().waitUntilEmpty();
            spark.sparkContext().removeSparkListener(count);
        }
        assertEquals(1, failedAttempts.get(), "trial 0's first attempt failed, and only it: " + log());
        assertSame(local, onSpark);
        String journal = Files.readString(s.resolve(Journal.FILE));
        for (TrialRecord r : onSpark) {
            assertEquals(1, count(journal, "{\"event\":\"ended\",\"number\":" + r.number() + ","), "trial " + r.number());
            for (int e = 0; e < r.epochsRun(); e++) {
                assertTrue(count(journal, "{\"event\":\"epoch\",\"number\":" + r.number() + ",\"epoch\":" + e + ",")
                        <= 1, "trial " + r.number() + " epoch " + e + " journaled at most once");
            }
        }
        assertTrue(log().contains("trial 0 epoch 1: val_loss"), "the driver prints each epoch: " + log());
        assertFalse(Files.exists(data.resolve("test-images.idx")));
    }

    @Test
    void twoTrialsAtOnceAsTwoSparkJobsGiveTheSameTrialsWithoutPruning() throws IOException {
        StudySpec noPruner = new StudySpec(spec.name(), spec.source(), spec.baseDir(), spec.base(), spec.sampler(), null,
                3, spec.seed(), spec.monitor(), spec.direction());
        List<TrialRecord> one;
        try (LocalTrialExecutor ex = new LocalTrialExecutor(runner(), 1)) {
            one = new Study(noPruner, dir.resolve("local"), ex, LOADER, out).run(false, null);
        }
        // found by name, as aug tune finds it; the session running here is joined and left running
        TrialExecutorProvider provider = TrialExecutorProvider.named("spark", getClass().getClassLoader()).orElseThrow();
        List<TrialRecord> two;
        try (TrialExecutor ex = provider.create(runner(), 2, Map.of())) {
            assertEquals(0, ex.workersPerTrial(4), "one core per task: the trial loads its own batches");
            two = new Study(noPruner, dir.resolve("spark"), ex, LOADER, out).run(false, null);
        }
        assertFalse(spark.sparkContext().isStopped());
        assertSame(one, two);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.create((trial, monitor) -> null, 1, Map.of()));
        assertTrue(e.getMessage().contains("must be Serializable"), e.getMessage());
    }

    /** Stands for the driver killed mid-study. */
    static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    @Test
    void aStudyStoppedMidTrialOnSparkResumesToTheSameTrials() throws IOException {
        Path s = dir.resolve("study");
        // the driver dies as the second epoch of a trial (after the first) reaches it, before the journal records it
        int kill = local.stream().filter(r -> r.number() > 0 && r.epochsRun() >= 2).findFirst().orElseThrow().number();
        try (SparkTrialExecutor spark1 = new SparkTrialExecutor(spark, false, runner(), 1)) {
            TrialExecutor dying = new TrialExecutor() {
                @Override
                public int parallelism() {
                    return 1;
                }

                @Override
                public void submit(Trial trial, TrialMonitor monitor) {
                    spark1.submit(trial, (n, e, logs, ending) -> {
                        if (n == kill && e == 1) {
                            throw new Killed();
                        }
                        return monitor.epochEnded(n, e, logs, ending);
                    });
                }

                @Override
                public TrialOutcome take() throws InterruptedException {
                    return spark1.take();
                }

                @Override
                public void close() {
                    spark1.close();
                }
            };
            Study study = new Study(spec, s, dying, LOADER, out);
            assertThrows(Killed.class, () -> study.run(false, null));
        }
        assertEquals(TrialState.RUNNING, Journal.read(s).record(kill).state(), log());
        List<TrialRecord> resumed;
        try (TrialExecutor ex = new SparkTrialExecutor(spark, false, runner(), 1)) {
            resumed = new Study(spec, s, ex, LOADER, out).run(true, null);
        }
        assertSame(local, resumed);
        String journal = Files.readString(s.resolve(Journal.FILE));
        for (int n = 0; n < local.size(); n++) {
            assertEquals(1, count(journal, "{\"event\":\"ended\",\"number\":" + n + ","), "trial " + n);
        }
        assertEquals(1, count(journal, "{\"event\":\"started\",\"number\":" + kill + ","), "the rerun keeps its values");
    }

    static void assertSame(List<TrialRecord> a, List<TrialRecord> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            TrialRecord x = a.get(i);
            TrialRecord y = b.get(i);
            String what = x + " vs " + y;
            assertEquals(x.number(), y.number(), what);
            assertEquals(x.params(), y.params(), what);
            assertEquals(x.state(), y.state(), what);
            assertEquals(x.bestEpoch(), y.bestEpoch(), what);
            assertEquals(x.reason(), y.reason(), what);
            assertEquals(x.curve().size(), y.curve().size(), what);
            for (int e = 0; e < x.curve().size(); e++) {
                assertEquals(x.curve().get(e), y.curve().get(e), 1e-6, what);
            }
        }
    }

    private static int count(String text, String needle) {
        int c = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            c++;
        }
        return c;
    }
}
