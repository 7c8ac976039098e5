package io.augment4j.trainer.tune;

import static io.augment4j.trainer.tune.TuneFixtures.LOADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.trainer.config.TrainConfig;
import io.augment4j.trainer.run.RunException;
import io.augment4j.trainer.run.RunFolderLock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static final List<Map<String, Object>> THREE = List.of(
            Map.of("optimizer.learning_rate", 0.01, "model.dense[0].units", 8),
            Map.of("optimizer.learning_rate", 1e-5, "model.dense[0].units", 4),
            Map.of("optimizer.learning_rate", 0.03, "model.dense[0].units", 16));

    @BeforeEach
    void data() throws IOException {
        TuneFixtures.bands(dir, "bands", 240, 3);
    }

    private List<TrialRecord> run(StudySpec spec, Path studyDir, int parallel, boolean resume) {
        try (LocalTrialExecutor ex = new LocalTrialExecutor(new TrialRunner(LOADER, spec.monitor(), spec.direction()), parallel)) {
            return new Study(spec, studyDir, ex, LOADER, out).run(resume, null);
        }
    }

    private String log() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aStudyWhoseTestFilesDoNotExistRunsToTheEndAndWritesItsResults() throws IOException {
        Path s = dir.resolve("study");
        List<TrialRecord> recs = run(TuneFixtures.spec(dir, THREE, null), s, 1, false);

        assertEquals(3, recs.size(), log());
        recs.forEach(r -> assertEquals(TrialState.COMPLETE, r.state(), r + "\n" + log()));
        recs.forEach(r -> assertEquals(3, r.epochsRun()));
        assertFalse(Files.exists(dir.resolve("test-images.idx")));
        assertFalse(Files.readString(s.resolve("trials/000/config.yaml")).contains("test-images.idx"),
                "a trial's config names no test file");
        assertFalse(Files.exists(s.resolve("trials/000/last.ckpt")), "an ended trial needs no checkpoint");
        assertTrue(Files.isRegularFile(s.resolve("trials/000/history.csv")));
        TrialRecord best = StudyResults.best(recs, Direction.MINIMIZE).orElseThrow();
        for (TrialRecord r : recs) {
            assertTrue(best.value() <= r.value());
            assertEquals(r.curve().get(r.bestEpoch()), r.value(), "the value is the curve at the best epoch");
        }

        List<String> csv = Files.readAllLines(s.resolve(StudyResults.CSV));
        assertEquals("number,state,optimizer.learning_rate,model.dense[0].units,val_loss,best_epoch,epochs_run,seconds,"
                + "reason", csv.get(0).replace("model.dense[0].units,optimizer.learning_rate",
                        "optimizer.learning_rate,model.dense[0].units"));
        assertEquals(4, csv.size());
        assertTrue(csv.get(2).startsWith("1,complete,"), csv.get(2));
        String report = Files.readString(s.resolve(StudyResults.REPORT));
        assertTrue(report.contains("3 trial(s): 3 complete, 0 pruned, 0 failed. 9 epochs"), report);
        assertTrue(report.contains("Trial " + best.number() + ": val_loss"), report);
        assertTrue(report.contains("### Diagnosis of the best trial: "), report);
        for (String png : List.of("objective-optimizer.learning_rate.png", "objective-model.dense0.units.png",
                "best-so-far.png", "curves-top5.png")) {
            assertTrue(Files.size(s.resolve(png)) > 1000, png);
            assertTrue(report.contains("](" + png + ")"), png);
        }

        // best.yaml: a complete config, test files included, that aug train loads once they exist
        TuneFixtures.bands(dir, "test", 30, 4);
        TrainConfig cfg = LOADER.load(s.resolve(StudyResults.BEST));
        assertEquals(((Number) best.params().get("optimizer.learning_rate")).doubleValue(),
                cfg.optimizer().learningRate());
        assertEquals(best.params().get("model.dense[0].units"), cfg.model().dense().get(0).units());
        assertEquals(dir.resolve("test-images.idx").toString(), cfg.data().testImages());

        // aug tune --report: the same results from the journal alone
        String before = Files.readString(s.resolve(StudyResults.CSV));
        Files.delete(s.resolve(StudyResults.CSV));
        Files.delete(s.resolve(StudyResults.REPORT));
        StudyResults.write(s, Journal.read(s));
        assertEquals(before, Files.readString(s.resolve(StudyResults.CSV)));
        assertEquals(report, Files.readString(s.resolve(StudyResults.REPORT)));
    }

    @Test
    void aStudyFileWithRandomSearchAndAshaRunsEndToEnd() throws IOException {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, "name: quick\nconfig:\n" + TuneFixtures.BASE.indent(2) + """
                search:
                  optimizer.learning_rate: {log_uniform: [1.0e-5, 1.0e-1]}
                  model.dense[0].units: {int_log: [2, 32]}
                pruner: {type: asha, min_epochs: 1, reduction_factor: 3}
                trials: 6
                seed: 11
                """);
        StudySpec spec = new StudyLoader(LOADER.registry()).load(file);
        Path s = dir.resolve("studies/quick");
        List<TrialRecord> recs = run(spec, s, 1, false);
        assertEquals(6, recs.size());
        long pruned = recs.stream().filter(r -> r.state() == TrialState.PRUNED).count();
        assertTrue(pruned >= 2, "ASHA keeps a third at each rung: " + recs);
        recs.stream().filter(r -> r.state() == TrialState.PRUNED).forEach(r -> {
            assertTrue(r.reason().startsWith("ASHA rung"), r.reason());
            assertTrue(r.epochsRun() < 3, r.toString());
        });
        assertEquals(recs.stream().mapToInt(TrialRecord::epochsRun).sum(),
                Files.readString(s.resolve(Journal.FILE)).split("\"event\":\"epoch\"", -1).length - 1,
                "one journaled epoch per epoch run");
        String report = Files.readString(s.resolve(StudyResults.REPORT));
        assertTrue(report.contains(pruned + " pruned"), report);
        assertEquals("{\"optimizer.learning_rate\":\"log\",\"model.dense[0].units\":\"log\"}",
                Journal.read(s).header().get("scales").toString(), "the plots' axes follow the sampling scales");
        assertTrue(Files.exists(s.resolve("curves-pruned.png")));
    }

    @Test
    void failingTrialsAreRecordedAndTheStudyGoesOn() throws IOException {
        List<Map<String, Object>> values = List.of(
                Map.of("optimizer.learning_rate", 0.01, "model.dense[0].units", -3),
                Map.of("optimizer.learning_rate", 1e30, "model.dense[0].units", 8),
                Map.of("optimizer.learning_rate", 0.01, "model.dense[0].units", 8));
        Path s = dir.resolve("study");
        List<TrialRecord> recs = run(TuneFixtures.spec(dir, values, null), s, 1, false);
        assertEquals(TrialState.FAILED, recs.get(0).state(), log());
        assertTrue(recs.get(0).reason().contains("the sampled config is not valid")
                && recs.get(0).reason().contains("units"), recs.get(0).reason());
        assertEquals(TrialState.FAILED, recs.get(1).state(), log());
        assertNotNull(recs.get(1).reason());
        assertEquals(TrialState.COMPLETE, recs.get(2).state(), log());
        String report = Files.readString(s.resolve(StudyResults.REPORT));
        assertTrue(report.contains("3 trial(s): 1 complete, 0 pruned, 2 failed"), report);
        assertTrue(report.contains("- trial 0 (failed): the sampled config is not valid"), report);
        assertTrue(log().contains("trial 0 failed: the sampled config is not valid"), log());
    }

    @Test
    void aStudyKilledMidTrialAndResumedEndsAsAnUninterruptedOne() throws IOException {
        StudySpec spec = TuneFixtures.spec(dir, THREE, new TuneFixtures.ThresholdPruner(0, 1.05));
        List<TrialRecord> whole = run(spec, dir.resolve("whole"), 1, false);
        assertEquals(TrialState.PRUNED, whole.get(1).state(), "the learning rate 1e-5 learns nothing: " + log());

        for (boolean afterJournal : new boolean[] {false, true}) {
            Path s = dir.resolve("killed-" + afterJournal);
            // The "kill": an Error thrown from trial 1's second epoch end, before (or after) the
            // journal records it; then a line torn mid-write, as kill -9 may leave.
            try (LocalTrialExecutor ex = new LocalTrialExecutor(new TrialRunner(LOADER, spec.monitor(), spec.direction()), 1)) {
                Study study = new Study(spec, s, new KillAt(ex, 2, 1, afterJournal), LOADER, out);
                assertThrows(Killed.class, () -> study.run(false, null));
            }
            Files.writeString(s.resolve(Journal.FILE), "{\"event\":\"ended\",\"numb", StandardOpenOption.APPEND);
            assertEquals(TrialState.RUNNING, Journal.read(s).record(2).state());
            List<TrialRecord> resumed = run(spec, s, 1, true);
            assertSame(whole, resumed);
            String journal = Files.readString(s.resolve(Journal.FILE));
            for (int n = 0; n < 3; n++) {
                assertEquals(1, count(journal, "{\"event\":\"ended\",\"number\":" + n + ","), "trial " + n);
            }
            assertEquals(1, count(journal, "{\"event\":\"started\",\"number\":2,"), "the rerun keeps its values");
        }
    }

    @Test
    void twoTrialsAtOnceGiveTheSameTrialsAsOne() throws IOException {
        StudySpec spec = TuneFixtures.spec(dir, THREE, null);
        List<TrialRecord> one = run(spec, dir.resolve("one"), 1, false);
        List<TrialRecord> two = run(spec, dir.resolve("two"), 2, false);
        assertSame(one, two);
    }

    @Test
    void theStudyFolderIsLockedAndHoldsOneStudy() throws IOException {
        StudySpec spec = TuneFixtures.spec(dir, THREE, null);
        Path s = dir.resolve("study");
        RunException none = assertThrows(RunException.class, () -> run(spec, s, 1, true));
        assertTrue(none.getMessage().contains("holds no study"), none.getMessage());
        try (LocalTrialExecutor ex = new LocalTrialExecutor(new TrialRunner(LOADER, spec.monitor(), spec.direction()), 1)) {
            assertTrue(new Study(spec, s, ex, LOADER, out).run(false, 0).isEmpty());
        }
        RunException twice = assertThrows(RunException.class, () -> run(spec, s, 1, false));
        assertTrue(twice.getMessage().contains("already holds a study: continue it with aug tune --resume"),
                twice.getMessage());
        try (RunFolderLock held = RunFolderLock.acquire(s, "study", "aug tune --resume")) {
            RunException busy = assertThrows(RunException.class, () -> run(spec, s, 1, true));
            assertTrue(busy.getMessage().contains("is in use by another study"), busy.getMessage());
        }
        StudySpec other = new StudySpec("s", null, dir, spec.base(), spec.sampler(), null, 3, 8, "val_loss",
                Direction.MINIMIZE);
        RunException changed = assertThrows(RunException.class, () -> run(other, s, 1, true));
        assertTrue(changed.getMessage().contains("holds a study of another spec"), changed.getMessage());
    }

    private static void assertSame(List<TrialRecord> a, List<TrialRecord> b) {
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

    /** Stands for kill -9: what it throws is caught by nothing in the study. */
    static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    /** An executor that dies at one trial's epoch end, before or after the study journals it. */
    private record KillAt(TrialExecutor inner, int number, int epoch, boolean afterJournal) implements TrialExecutor {
        @Override
        public int parallelism() {
            return inner.parallelism();
        }

        @Override
        public void submit(Trial trial, TrialMonitor monitor) {
            inner.submit(trial, (n, e, logs, ending) -> {
                if (n == number && e == epoch && !afterJournal) {
                    throw new Killed();
                }
                String r = monitor.epochEnded(n, e, logs, ending);
                if (n == number && e == epoch) {
                    throw new Killed();
                }
                return r;
            });
        }

        @Override
        public TrialOutcome take() throws InterruptedException {
            return inner.take();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
