package io.augment4j.trainer.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objective studies: the caller's Java code as the trial, with the study engine of config studies. */
class ObjectiveStudyTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir Path dir;

    /**
     * A simulated training curve: a quadratic in log10(lr), optimum at lr = 0.01, plus a decaying
     * term per epoch and noise fixed by (lr, epoch), so that a rerun reports the same values.
     */
    static double simulatedEpoch(double lr, int epoch) {
        double q = Math.pow(Math.log10(lr) + 2, 2);
        double noise = new SplittableRandom(Double.doubleToLongBits(lr) * 31 + epoch).nextGaussian();
        return q + 1.0 / (epoch + 1) + 0.02 * noise;
    }

    /** TUNING.md's "From Java" example is this method's code between the markers (checked below). */
    static List<TrialRecord> docExample(Path dir) {
        // TUNING.md from here
        SearchSpace space = SearchSpace.builder().logUniform("lr", 1e-5, 1.0).build();
        StudySpec spec = Studies.builder().name("quadratic").search(space)
                .metric("loss", Direction.MINIMIZE)
                .asha(1, 3).trials(30).seed(7).build();
        Objective objective = trial -> {
            double lr = trial.getDouble("lr");
            for (int epoch = 0; epoch < 9; epoch++) {
                double loss = simulatedEpoch(lr, epoch); // your training epoch here
                trial.report(epoch, loss);
                if (epoch < 8 && trial.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
        };
        List<TrialRecord> trials = Study.optimize(spec, dir, objective, 1, false, System.out);
        // TUNING.md to here
        return trials;
    }

    private static StudySpec quadratic(long seed) {
        return Studies.builder().name("quadratic").search(SearchSpace.builder().logUniform("lr", 1e-5, 1.0).build())
                .metric("loss", Direction.MINIMIZE).asha(1, 3).trials(30).seed(seed).build();
    }

    /** The doc example's objective, counting the calls per trial. */
    private static Objective counted(Map<Integer, AtomicInteger> calls) {
        return trial -> {
            calls.computeIfAbsent(trial.number(), k -> new AtomicInteger()).incrementAndGet();
            double lr = trial.getDouble("lr");
            for (int epoch = 0; epoch < 9; epoch++) {
                trial.report(epoch, simulatedEpoch(lr, epoch));
                if (epoch < 8 && trial.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
        };
    }

    @Test
    void findsTheOptimumAndPrunesPoorTrialsKeepingTheirPartialCurves() throws IOException {
        List<TrialRecord> trials = docExample(dir);
        assertEquals(30, trials.size());
        TrialRecord best = StudyResults.best(trials, Direction.MINIMIZE).orElseThrow();
        double lr = (Double) best.params().get("lr");
        assertTrue(Math.abs(Math.log10(lr) + 2) < 0.3, "best lr " + lr);
        assertEquals(8, best.bestEpoch());
        assertEquals(simulatedEpoch(lr, 8), best.value(), 0);

        List<TrialRecord> pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).toList();
        assertTrue(pruned.size() >= 10, pruned.size() + " pruned");
        for (TrialRecord t : trials) {
            double tlr = (Double) t.params().get("lr");
            List<Double> expected = new ArrayList<>();
            for (int e = 0; e < t.epochsRun(); e++) {
                expected.add(simulatedEpoch(tlr, e));
            }
            assertEquals(expected, t.curve(), "trial " + t.number());
            if (t.state() == TrialState.PRUNED) {
                // ASHA (1, 3) decides after epochs 1 and 3 only
                assertTrue(t.epochsRun() == 1 || t.epochsRun() == 3, "trial " + t.number() + ": " + t.epochsRun());
                assertTrue(t.reason().startsWith("ASHA rung "), t.reason());
                assertEquals(t.curve().stream().min(Double::compare).orElseThrow(), t.value());
            } else {
                assertEquals(TrialState.COMPLETE, t.state());
                assertEquals(9, t.epochsRun());
            }
        }

        String csv = Files.readString(dir.resolve(StudyResults.CSV));
        assertTrue(csv.startsWith("number,state,lr,loss,best_epoch,epochs_run,seconds,reason\n"), csv);
        assertEquals(31, csv.lines().count());
        String report = Files.readString(dir.resolve(StudyResults.REPORT));
        assertTrue(report.contains("Objective: loss (minimize), the best value each trial's objective reported."),
                report);
        assertTrue(report.contains("Trial " + best.number() + ": loss **"), report);
        assertFalse(report.contains("Diagnosis"), report);
        assertFalse(Files.exists(dir.resolve(StudyResults.BEST)));
        JsonNode bp = new ObjectMapper().readTree(dir.resolve(StudyResults.BEST_PARAMS).toFile());
        assertEquals(best.number(), bp.get("trial").asInt());
        assertEquals(lr, bp.get("params").get("lr").asDouble(), 0);
        assertEquals(best.value(), bp.get("value").asDouble(), 0);
        assertEquals(9, bp.get("epoch").asInt());
        assertTrue(Files.isDirectory(dir.resolve("trials/000")));
        for (String plot : List.of("objective-lr.png", "best-so-far.png", "curves-top5.png", "curves-pruned.png")) {
            assertTrue(Files.size(dir.resolve(plot)) > 0, plot);
            assertTrue(report.contains("](" + plot + ")"), plot);
        }
    }

    @Test
    void theSameSeedGivesTheSameTrials() {
        List<TrialRecord> a = Study.optimize(quadratic(7), dir.resolve("a"), counted(new ConcurrentHashMap<>()), 1,
                false, QUIET);
        List<TrialRecord> b = Study.optimize(quadratic(7), dir.resolve("b"), counted(new ConcurrentHashMap<>()), 1,
                false, QUIET);
        List<TrialRecord> c = Study.optimize(quadratic(8), dir.resolve("c"), counted(new ConcurrentHashMap<>()), 1,
                false, QUIET);
        assertEquals(withoutSeconds(a), withoutSeconds(b));
        assertNotEquals(a.get(0).params(), c.get(0).params());
    }

    /** Two trials at once: the same values per trial (pruning may differ: see Study). */
    @Test
    void runsTrialsInParallelWithTheSameValues() {
        List<TrialRecord> one = Study.optimize(quadratic(7), dir.resolve("one"), counted(new ConcurrentHashMap<>()),
                1, false, QUIET);
        List<TrialRecord> two = Study.optimize(quadratic(7), dir.resolve("two"), counted(new ConcurrentHashMap<>()),
                2, false, QUIET);
        assertEquals(one.stream().map(TrialRecord::params).toList(), two.stream().map(TrialRecord::params).toList());
        assertTrue(two.stream().allMatch(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED));
    }

    private static final class Crash extends Error {
        Crash() {
            super("simulated crash");
        }
    }

    @Test
    void aStudyCrashedMidTrialResumesToTheSameTrialsRerunningThatTrialFromItsStart() throws IOException {
        List<TrialRecord> through = Study.optimize(quadratic(7), dir.resolve("through"),
                counted(new ConcurrentHashMap<>()), 1, false, QUIET);
        TrialRecord victim = through.stream().filter(t -> t.number() >= 10 && t.epochsRun() >= 4).findFirst()
                .orElseThrow();

        Path d = dir.resolve("crashed");
        Map<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();
        Objective normal = counted(calls);
        AtomicBoolean crashed = new AtomicBoolean();
        Objective crashing = trial -> {
            if (trial.number() != victim.number()) {
                normal.run(trial);
                return;
            }
            calls.computeIfAbsent(trial.number(), k -> new AtomicInteger()).incrementAndGet();
            for (int epoch = 0; epoch < 9; epoch++) {
                if (epoch == 3) {
                    crashed.set(true);
                    throw new Crash(); // as a kill: no outcome reaches the journal
                }
                trial.report(epoch, simulatedEpoch(trial.getDouble("lr"), epoch));
            }
        };
        assertThrows(Crash.class, () -> Study.optimize(quadratic(7), d, crashing, 1, false, QUIET));
        assertTrue(crashed.get());
        try (Journal j = Journal.read(d)) {
            TrialRecord r = j.record(victim.number());
            assertEquals(TrialState.RUNNING, r.state());
            assertEquals(3, r.epochsRun());
            assertFalse(j.has(victim.number() + 1));
        }

        List<TrialRecord> resumed = Study.optimize(quadratic(7), d, normal, 1, true, QUIET);
        assertEquals(withoutSeconds(through), withoutSeconds(resumed));
        assertEquals(2, calls.get(victim.number()).get(), "the interrupted trial is rerun from its start");
        for (int n = 0; n < 30; n++) {
            if (n != victim.number()) {
                assertEquals(1, calls.get(n).get(), "trial " + n);
            }
        }
        RuntimeException again = assertThrows(RuntimeException.class,
                () -> Study.optimize(quadratic(7), d, normal, 1, false, QUIET));
        assertTrue(again.getMessage().contains("already holds a study: continue it with Study.optimize("),
                again.getMessage());
    }

    @Test
    void aFailingTrialIsRecordedFailedWithItsMessageAndTheStudyGoesOn() throws IOException {
        StudySpec spec = Studies.builder().name("faults").search(SearchSpace.builder().uniform("x", 0, 1).build())
                .metric("score", Direction.MAXIMIZE).trials(7).seed(3).build();
        Objective objective = trial -> {
            switch (trial.number()) {
                case 1 -> throw new IllegalStateException("diverged");
                case 2 -> trial.report(1, 0.5);
                case 3 -> {
                    trial.report(0, 0.5);
                    trial.report(1, Double.NaN);
                }
                case 4 -> { } // reports nothing
                case 6 -> throw new TrialPrunedException("gave up before any epoch");
                default -> {
                    trial.report(0, trial.getDouble("x"));
                    trial.report(1, 2 * trial.getDouble("x"));
                    trial.report(2, trial.getDouble("x"));
                }
            }
        };
        List<TrialRecord> trials = Study.optimize(spec, dir, objective, 1, false, QUIET);
        assertEquals(List.of(TrialState.COMPLETE, TrialState.FAILED, TrialState.FAILED, TrialState.FAILED,
                TrialState.FAILED, TrialState.COMPLETE, TrialState.PRUNED),
                trials.stream().map(TrialRecord::state).toList());
        assertEquals("IllegalStateException: diverged", trials.get(1).reason());
        assertEquals("IllegalArgumentException: trial 2 reported epoch 1 after 0 epoch(s): report epochs 0, 1, 2,"
                + " ... in order", trials.get(2).reason());
        assertEquals("IllegalArgumentException: the objective reported score = NaN at epoch 1",
                trials.get(3).reason());
        assertEquals("the objective returned without reporting a value", trials.get(4).reason());
        assertEquals("gave up before any epoch", trials.get(6).reason());
        assertEquals(0, trials.get(6).epochsRun());
        // maximized: the best reported value is the middle epoch's
        TrialRecord t0 = trials.get(0);
        assertEquals(1, t0.bestEpoch());
        assertEquals(2 * (Double) t0.params().get("x"), t0.value(), 0);
        String report = Files.readString(dir.resolve(StudyResults.REPORT));
        assertTrue(report.contains("- trial 1 (failed): IllegalStateException: diverged"), report);
    }

    @Test
    void typedGettersGiveEachKindOfValueAndNameWhatIsWrong() {
        StudySpec spec = Studies.builder().name("types").search(SearchSpace.builder().logUniform("lr", 1e-3, 1e-1)
                        .integer("units", 4, 64).choice("act", "relu", "tanh").choice("bn", true, false).build())
                .metric("loss", Direction.MINIMIZE).trials(3).seed(1).build();
        List<String> seen = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Objective objective = trial -> {
            synchronized (seen) {
                seen.add(trial.getDouble("lr") + " " + trial.getInt("units") + " " + trial.getDouble("units") + " "
                        + trial.getString("act") + " " + trial.getBoolean("bn"));
                for (Runnable wrong : List.<Runnable>of(() -> trial.getInt("lr"), () -> trial.getString("units"),
                        () -> trial.getDouble("act"), () -> trial.getBoolean("act"), () -> trial.getDouble("lrr"))) {
                    try {
                        wrong.run();
                    } catch (IllegalArgumentException e) {
                        errors.add(e.getMessage());
                    }
                }
            }
            trial.report(0, 1.0);
        };
        List<TrialRecord> trials = Study.optimize(spec, dir, objective, 1, false, QUIET);
        assertEquals(3, seen.size());
        for (int i = 0; i < 3; i++) {
            Map<String, Object> p = trials.get(i).params();
            assertEquals(p.get("lr") + " " + p.get("units") + " " + ((Integer) p.get("units")).doubleValue() + " "
                    + p.get("act") + " " + p.get("bn"), seen.get(i));
        }
        assertEquals(15, errors.size(), errors.toString());
        assertTrue(errors.get(0).matches("parameter 'lr' is [0-9.E-]+ \\(Double\\), not a whole number"),
                errors.get(0));
        assertTrue(errors.get(4).startsWith("no parameter 'lrr' in the search space [lr, units, act, bn]"),
                errors.get(4));
    }

    @Test
    void aStudyIsEitherAConfigStudyOrAnObjectiveStudy() throws IOException {
        SearchSpace space = SearchSpace.builder().uniform("x", 0, 1).build();
        IllegalArgumentException neither = assertThrows(IllegalArgumentException.class,
                () -> Studies.builder().search(space).build());
        assertTrue(neither.getMessage().endsWith("not neither"), neither.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> Studies.builder()
                .search(space).base(TuneFixtures.base(), dir).metric("m", Direction.MINIMIZE).build());
        assertTrue(both.getMessage().endsWith("not both"), both.getMessage());
        StudySpec config = Studies.builder().search(SearchSpace.builder().logUniform("optimizer.learning_rate",
                1e-3, 1e-1).build()).base(TuneFixtures.base(), dir).build();
        assertThrows(IllegalArgumentException.class,
                () -> Study.optimize(config, dir, t -> t.report(0, 1), 1, false, QUIET));
        assertThrows(IllegalArgumentException.class, () -> new Study(config, dir, null, null, QUIET));
    }

    @Test
    void tuningDocFromJavaShowsTheTestedCode() throws IOException {
        List<String> code = block(Files.readAllLines(Path.of(
                "src/test/java/io/augment4j/trainer/tune/ObjectiveStudyTest.java")), "// TUNING.md from here",
                "// TUNING.md to here");
        List<String> doc = Files.readAllLines(Path.of("TUNING.md"));
        int from = doc.indexOf("## Tuning your own Java code");
        assertTrue(from >= 0, "TUNING.md has a section on tuning your own Java code");
        List<String> example = block(doc.subList(from, doc.size()), "```java", "```");
        assertTrue(example.containsAll(code) && example.indexOf(code.get(0)) >= 0
                && example.subList(example.indexOf(code.get(0)), example.indexOf(code.get(0)) + code.size())
                        .equals(code), "TUNING.md's example differs from ObjectiveStudyTest.docExample:\n"
                + String.join("\n", code));
    }

    /** The stripped lines strictly between the first {@code begin} line and the next {@code end} line. */
    private static List<String> block(List<String> lines, String begin, String end) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : lines) {
            String s = l.strip();
            if (!in && s.equals(begin)) {
                in = true;
            } else if (in && s.equals(end)) {
                return out;
            } else if (in) {
                out.add(s);
            }
        }
        throw new AssertionError("no block from " + begin + " to " + end);
    }

    private static List<TrialRecord> withoutSeconds(List<TrialRecord> trials) {
        return trials.stream().map(t -> new TrialRecord(t.number(), t.params(), t.state(), t.curve(), t.value(),
                t.bestEpoch(), 0, t.reason())).toList();
    }
}
