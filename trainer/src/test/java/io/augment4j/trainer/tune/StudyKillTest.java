package io.augment4j.trainer.tune;

import static io.augment4j.trainer.tune.TuneFixtures.LOADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a real study process in the middle of a trial, then {@code resume} in this one. */
class StudyKillTest {

    @TempDir Path dir;

    static final List<Map<String, Object>> FIVE = List.of(
            Map.of("optimizer.learning_rate", 0.01),
            Map.of("optimizer.learning_rate", 1e-5),
            Map.of("optimizer.learning_rate", 0.003),
            Map.of("optimizer.learning_rate", 0.03),
            Map.of("optimizer.learning_rate", 1e-4));

    static StudySpec spec(Path data) throws IOException {
        return TuneFixtures.spec(data, FIVE, new TuneFixtures.ThresholdPruner(0, 1.05));
    }

    static List<TrialRecord> run(StudySpec spec, Path studyDir, boolean resume) {
        try (LocalTrialExecutor ex = new LocalTrialExecutor(new TrialRunner(LOADER, spec.monitor(), spec.direction()), 1)) {
            return new Study(spec, studyDir, ex, LOADER, new PrintStream(OutputStream.nullOutputStream()))
                    .run(resume, null);
        }
    }

    /** The killed process: runs the study of {@code args[0]} (data folder) in {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        run(spec(Path.of(args[0])), Path.of(args[1]), false);
    }

    @Test
    void aStudyKilledWithSigkillAndResumedEndsAsAnUninterruptedOne() throws Exception {
        TuneFixtures.bands(dir, "bands", 1200, 5);
        StudySpec spec = spec(dir);
        List<TrialRecord> whole = run(spec, dir.resolve("whole"), false);

        Path killed = dir.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                StudyKillTest.class.getName(), dir.toString(), killed.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
                .start();
        Path journal = killed.resolve(Journal.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Kill as soon as trial 2 has journaled its first epoch: in the middle of the study.
        while (p.isAlive() && System.nanoTime() < deadline
                && !(Files.exists(journal) && Files.readString(journal).contains("\"epoch\",\"number\":2,"))) {
            Thread.sleep(5);
        }
        p.destroyForcibly().waitFor();
        assertTrue(Files.exists(journal), Files.readString(dir.resolve("child.log")));
        List<TrialRecord> atKill = Journal.read(killed).records();
        assertTrue(atKill.size() < 5 || atKill.get(4).state() == TrialState.RUNNING,
                "the study was killed before its end: " + atKill);

        List<TrialRecord> resumed = run(spec, killed, true);
        assertEquals(whole.size(), resumed.size());
        for (int i = 0; i < whole.size(); i++) {
            TrialRecord a = whole.get(i);
            TrialRecord b = resumed.get(i);
            assertEquals(a.params(), b.params(), a + " vs " + b);
            assertEquals(a.state(), b.state(), a + " vs " + b);
            assertEquals(a.bestEpoch(), b.bestEpoch(), a + " vs " + b);
            assertEquals(a.value(), b.value(), 1e-6, a + " vs " + b);
            assertEquals(a.curve().size(), b.curve().size(), a + " vs " + b);
        }
        String text = Files.readString(journal);
        for (int n = 0; n < 5; n++) {
            int at = text.indexOf("{\"event\":\"ended\",\"number\":" + n + ",");
            assertTrue(at >= 0 && text.indexOf("{\"event\":\"ended\",\"number\":" + n + ",", at + 1) < 0,
                    "trial " + n + " ended once");
        }
    }
}
