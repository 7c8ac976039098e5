package io.augment4j.trainer.tune;

import static io.augment4j.trainer.tune.TuneFixtures.LOADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment4j.trainer.run.RunException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec hash changes with whatever decides the trials, and with nothing a resume may change. */
class SpecHashTest {

    @TempDir Path dir;

    private static final String SEARCH = """
            search:
              optimizer.learning_rate: {log_uniform: [1.0e-4, 1.0e-1]}
              model.dense[0].units: {int_log: [4, 32]}
            """;
    private static final String TAIL = """
            sampler: {type: coarse_to_fine, rounds: 2, top_k: 2}
            pruner: {type: asha, min_epochs: 1, reduction_factor: 3}
            trials: 8
            seed: 7
            """;

    @BeforeEach
    void data() throws IOException {
        TuneFixtures.bands(dir, "bands", 30, 1);
    }

    private StudySpec spec(String search, String tail) {
        return new StudyLoader(LOADER.registry()).parse("config:\n" + TuneFixtures.BASE.indent(2) + search + tail,
                dir.resolve("study.yaml"));
    }

    private String hash(String search, String tail) {
        return SpecHash.of(spec(search, tail));
    }

    @Test
    void whatDecidesTheTrialsChangesTheHash() {
        String h = hash(SEARCH, TAIL);
        assertTrue(h.matches("2:[0-9a-f]{16}"), h);
        assertEquals(h, hash(SEARCH, TAIL), "the same study, the same hash");
        List<String[]> changes = List.of(
                new String[] {"1.0e-1]", "1.0e-2]"},            // a range end
                new String[] {"int_log: [4, 32]", "int: [4, 32]"}, // a distribution
                new String[] {"seed: 7", "seed: 8"},
                new String[] {"type: coarse_to_fine, rounds: 2, top_k: 2", "type: random"},
                new String[] {"rounds: 2", "rounds: 4"},
                new String[] {"top_k: 2", "top_k: 3"},
                new String[] {"trials: 8", "trials: 10"},         // coarse-to-fine: rounds of 5 instead of 4
                new String[] {"min_epochs: 1", "min_epochs: 2"},
                new String[] {"reduction_factor: 3", "reduction_factor: 2"},
                new String[] {"{type: asha, min_epochs: 1, reduction_factor: 3}", "none"},
                new String[] {"patience: 5", "patience: 4"});     // the base config
        for (String[] c : changes) {
            String text = SEARCH + TAIL;
            assertTrue(text.contains(c[0]) || TuneFixtures.BASE.contains(c[0]), c[0]);
            StudySpec changed = new StudyLoader(LOADER.registry()).parse(("config:\n" + TuneFixtures.BASE.indent(2)
                    + text).replace(c[0], c[1]), dir.resolve("study.yaml"));
            assertNotEquals(h, SpecHash.of(changed), c[0] + " -> " + c[1]);
        }
        assertNotEquals(hash(SEARCH, "pruner: {type: median}\n"),
                hash(SEARCH, "pruner: {type: median, warmup_epochs: 1}\n"));
        assertNotEquals(hash(SEARCH, "pruner: {type: median}\n"),
                hash(SEARCH, "pruner: {type: median, startup_trials: 2}\n"));
    }

    @Test
    void whatAResumeMayChangeKeepsIt() {
        String reordered = """
                search:
                  model.dense[0].units: {int_log: [4, 32]}
                  optimizer.learning_rate: {log_uniform: [1.0e-4, 1.0e-1]}
                """;
        assertEquals(hash(SEARCH, "trials: 8\n"), hash(SEARCH, "trials: 30\n"), "random search: trials may grow");
        assertEquals(hash(SEARCH, TAIL), hash(reordered, TAIL), "each parameter draws by its path");
        assertEquals(hash(SEARCH, TAIL), hash(SEARCH, TAIL.replace("seed: 7", "seed: 7\nname: other")));
        String grid = """
                search:
                  optimizer.learning_rate: {grid: [0.01, 0.1]}
                  model.dense[0].units: {grid: [4, 8]}
                """;
        String gridReordered = """
                search:
                  model.dense[0].units: {grid: [4, 8]}
                  optimizer.learning_rate: {grid: [0.01, 0.1]}
                """;
        assertNotEquals(hash(grid, "sampler: grid\n"), hash(gridReordered, "sampler: grid\n"),
                "a grid's order fixes which point each trial gets");
    }

    @Test
    void aResumeWithAChangedRangeIsRefusedAndAnOldJournalIsCheckedAsItWasMade() {
        StudySpec spec = spec(SEARCH, TAIL);
        Path s = dir.resolve("study");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (LocalTrialExecutor ex = new LocalTrialExecutor(new TrialRunner(LOADER, spec.monitor(), spec.direction()),
                1)) {
            new Study(spec, s, ex, LOADER, quiet).run(false, 0); // the header, no trial
            RunException e = assertThrows(RunException.class, () -> new Study(spec(SEARCH.replace("1.0e-1]",
                    "1.0e-2]"), TAIL), s, ex, LOADER, quiet).run(true, 0));
            assertTrue(e.getMessage().contains("holds a study of another spec (its base config, search space"),
                    e.getMessage());
            new Study(spec, s, ex, LOADER, quiet).run(true, 0);
        }

        // A journal from before: its hash covers the sampler's kind, not its ranges.
        StudySpec narrowed = spec(SEARCH.replace("1.0e-1]", "1.0e-2]"), TAIL);
        ObjectNode legacy = JsonNodeFactory.instance.objectNode().put("spec_hash", legacyOf(spec));
        assertTrue(SpecHash.matches(legacy, spec));
        assertTrue(SpecHash.matches(legacy, narrowed), "checked as it was made");
        assertTrue(!SpecHash.matches(legacy, spec(SEARCH, TAIL.replace("seed: 7", "seed: 8"))), "the seed counted");
    }

    /** The hash the code before this version wrote, computed here as it did. */
    private static String legacyOf(StudySpec spec) {
        String s = spec.base().toString() + "|" + spec.seed() + "|" + spec.monitor() + "|" + spec.direction() + "|"
                + spec.sampler().getClass().getName() + "|" + spec.pruner().getClass().getName();
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
