package io.augment4j.trainer.tune;

import static io.augment4j.trainer.tune.TuneFixtures.LOADER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment4j.trainer.config.ConfigException;
import io.augment4j.trainer.config.TrainConfig;
import io.augment4j.trainer.run.RunException;
import io.augment4j.trainer.run.RunResult;
import io.augment4j.trainer.split.Split;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aug tune --final}: the config of each variant, and each variant trained end to end on tiny data. */
class FinalRunTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final StudyLoader studies = new StudyLoader(LOADER.registry());
    private Path file;

    @BeforeEach
    void files() throws IOException {
        TuneFixtures.bands(dir, "bands", 240, 3);
        Files.writeString(dir.resolve("base.yaml"), TuneFixtures.BASE);
        file = Files.writeString(dir.resolve("study.yaml"), """
                name: fin
                base: base.yaml
                overrides: {epochs: 2, data: {limit: 120}}
                search:
                  optimizer.learning_rate: {log_uniform: [1.0e-3, 1.0e-1]}
                trials: 2
                seed: 3
                """);
    }

    private static TrialRecord best(double lr, int bestEpoch) {
        return new TrialRecord(1, Map.of("optimizer.learning_rate", lr), TrialState.COMPLETE,
                List.of(0.9, 0.8, 0.85), 0.8, bestEpoch, 1.0, null);
    }

    @Test
    void eachVariantSetsTheBestValuesIntoItsConfigAndKeepsTheTestFiles() {
        StudySpec spec = studies.load(file);
        ObjectNode recipe = studies.recipe(file);
        String testImages = dir.resolve("test-images.idx").toString();

        ObjectNode study = FinalRun.config(spec.base(), spec.baseDir(), best(0.02, 1), "fin-final", false);
        assertEquals(0.02, study.at("/optimizer/learning_rate").asDouble());
        assertEquals(2, study.path("epochs").asInt(), "the study's overrides stand");
        assertEquals(120, study.at("/data/limit").asInt());
        assertEquals(testImages, study.at("/data/test_images").asText(), "test files kept, made absolute");
        assertEquals(5, study.at("/early_stopping/patience").asInt());

        ObjectNode full = FinalRun.config(recipe, spec.baseDir(), best(0.02, 1), "fin-final-full", false);
        assertEquals(0.02, full.at("/optimizer/learning_rate").asDouble());
        assertEquals(3, full.path("epochs").asInt(), "the base config's own epochs");
        assertTrue(full.at("/data/limit").isMissingNode(), "all the data: " + full);
        assertEquals(testImages, full.at("/data/test_images").asText());
        assertEquals(List.of("data.limit", "epochs"), FinalRun.differences(spec.base(), recipe, ""));

        ObjectNode tv = FinalRun.config(spec.base(), spec.baseDir(), best(0.02, 1), "fin-final-trainval", true);
        assertEquals(2, tv.path("epochs").asInt(), "the best epoch (0-based 1) + 1");
        assertTrue(tv.path("early_stopping").isMissingNode());
        assertEquals("{\"val\":0.25,\"merge_val\":true}", tv.get("split").toString());
        assertEquals(1, FinalRun.config(spec.base(), spec.baseDir(), best(0.02, 0), "x", true).path("epochs").asInt());

        // A trial's config has no test file; each final config names them (they do not exist yet).
        try (LocalTrialExecutor ex = new LocalTrialExecutor(new TrialRunner(LOADER, spec.monitor(),
                spec.direction()), 1)) {
            assertTrue(new Study(spec, dir.resolve("s"), ex, LOADER, out).trial(0,
                    Map.of("optimizer.learning_rate", 0.02), "t").configYaml().lines()
                    .noneMatch(l -> l.contains("test_images") || l.contains("test_labels")));
        }
        for (ObjectNode tree : List.of(study, full, tv)) {
            ConfigException e = assertThrows(ConfigException.class, () -> LOADER.parse(tree.toString(),
                    "final.json", dir, "f"));
            assertTrue(e.getMessage().contains("data.test_images"), e.getMessage());
        }
    }

    @Test
    void theVariantsTrainEndToEndAndMeasureTheTestSetOnce() throws IOException {
        StudySpec spec = studies.load(file);
        Path s = dir.resolve("studies/fin");
        RunException none = assertThrows(RunException.class, () -> FinalRun.prepare(studies, s, FinalRun.Variant.STUDY));
        assertTrue(none.getMessage().contains("holds no study"), none.getMessage());
        List<TrialRecord> recs;
        try (LocalTrialExecutor ex = new LocalTrialExecutor(new TrialRunner(LOADER, spec.monitor(), spec.direction()),
                1)) {
            recs = new Study(spec, s, ex, LOADER, out).run(false, null);
        }
        TrialRecord best = StudyResults.best(recs, spec.direction()).orElseThrow();
        TuneFixtures.bands(dir, "test", 60, 4);

        RunException both = assertThrows(RunException.class,
                () -> FinalRun.prepare(studies, s, new FinalRun.Variant(true, true)));
        assertTrue(both.getMessage().contains("do not combine"), both.getMessage());

        RunResult plain = FinalRun.run(LOADER.registry(), s, FinalRun.Variant.STUDY, out);
        assertEquals(60, plain.test().examples());
        assertEquals(s.resolve("final"), plain.runDir());
        TrainConfig cfg = LOADER.load(s.resolve("final/" + FinalRun.CONFIG));
        assertEquals(120, cfg.data().limit());
        assertEquals("fin-final", cfg.name());
        assertTrue(Files.readString(s.resolve("final/report.md")).contains("# Training report: fin-final\n"));

        RunResult full = FinalRun.run(LOADER.registry(), s, new FinalRun.Variant(true, false), out);
        assertEquals(60, full.test().examples());
        assertEquals(240, full.train().examples() + full.val().examples(), "all the train data, no limit");
        assertEquals(3, full.history().size(), "the base config's epochs");
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("in the base config without the study's"
                + " overrides (data.limit, epochs as in the base config)"), bytes.toString(StandardCharsets.UTF_8));

        RunResult tv = FinalRun.run(LOADER.registry(), s, new FinalRun.Variant(false, true), out);
        assertEquals(best.bestEpoch() + 1, tv.history().size(), "the best trial's epoch count");
        assertEquals(null, tv.val());
        assertEquals(60, tv.test().examples());
        Split trial = Split.load(Path.of(recsDir(s, best)).resolve("split.json"), 120);
        Split merged = Split.load(s.resolve("final-trainval/split.json"), 180);
        assertArrayEquals(IntStream.concat(Arrays.stream(trial.train()), Arrays.stream(trial.val())).sorted()
                .toArray(), merged.train(), "the best trial's train and validation examples");
        assertArrayEquals(IntStream.range(120, 180).toArray(), merged.test());

        RunException again = assertThrows(RunException.class, () -> FinalRun.prepare(studies, s,
                FinalRun.Variant.STUDY));
        assertTrue(again.getMessage().contains("already holds a final run"), again.getMessage());

        // --full reads the study file: a changed one is refused.
        Files.writeString(dir.resolve("base.yaml"), TuneFixtures.BASE.replace("batch_size: 32", "batch_size: 16"));
        deleteRun(s.resolve("final-full"));
        RunException changed = assertThrows(RunException.class, () -> FinalRun.prepare(studies, s,
                new FinalRun.Variant(true, false)));
        assertTrue(changed.getMessage().contains("changed since the study"), changed.getMessage());
        assertFalse(Files.exists(s.resolve("final-full")));
    }

    private static String recsDir(Path s, TrialRecord best) throws IOException {
        return Journal.read(s).dir(best.number());
    }

    private static void deleteRun(Path run) throws IOException {
        try (var files = Files.walk(run)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
