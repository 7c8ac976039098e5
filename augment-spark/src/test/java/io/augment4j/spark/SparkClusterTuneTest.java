package io.augment4j.spark;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A study in local-cluster[2,1,1024]: trials train in executor JVMs (PyTorch loaded there), their epochs reach the
 * driver's study through its monitor socket, and the study ends as the local engine's. Class path as in
 * {@link SparkClusterTest}.
 */
class SparkClusterTuneTest {
    @TempDir
    Path dir;

    /** Notes the JVM each trial trained in, in its folder. */
    record NotePid(TrialFunction inner) implements TrialFunction, Serializable {
        @Override
        public TrialOutcome run(Trial trial, TrialMonitor monitor) {
            try {
                Files.createDirectories(Path.of(trial.trialDir()));
                Files.writeString(Path.of(trial.trialDir(), "pid"), Long.toString(ProcessHandle.current().pid()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return inner.run(trial, monitor);
        }
    }

    @Test
    void trialsTrainInExecutorJvmsAndTheStudyEndsAsLocally() throws IOException {
        SparkClusterTest.sparkHome();
        List<String> folders = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Files.isDirectory(Path.of(entry))) {
                folders.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        SparkTuneTest.bands(dir, 240, 3);
        StudySpec spec = new StudyLoader(SparkTuneTest.LOADER.registry())
                .load(Files.writeString(dir.resolve("study.yaml"), SparkTuneTest.STUDY));
        TrialRunner runner = new TrialRunner(SparkTuneTest.LOADER, spec.monitor(), spec.direction());
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<TrialRecord> local;
        try (LocalTrialExecutor ex = new LocalTrialExecutor(runner, 1)) {
            local = new Study(spec, dir.resolve("local"), ex, SparkTuneTest.LOADER, out).run(false, 2);
        }

        System.setProperty("spark.executor.extraClassPath", String.join(File.pathSeparator, folders));
        List<TrialRecord> cluster;
        try (TrialExecutor ex = TrialExecutorProvider.named("spark", getClass().getClassLoader()).orElseThrow()
                .create(new NotePid(runner), 1, Map.of("master", "local-cluster[2,1,1024]"))) {
            cluster = new Study(spec, dir.resolve("cluster"), ex, SparkTuneTest.LOADER, out).run(false, 2);
        } finally {
            System.clearProperty("spark.executor.extraClassPath");
        }
        SparkTuneTest.assertSame(local, cluster);
        for (TrialRecord r : cluster) {
            String pid = Files.readString(dir.resolve("cluster/trials/00" + r.number() + "/pid"));
            assertNotEquals(Long.toString(ProcessHandle.current().pid()), pid, "trial " + r.number());
        }
        assertEquals(2, cluster.size());
    }
}
