package io.augment4j.trainer.tune;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TUNING.md cannot drift from the loader: every field, distribution, sampler and pruner is documented with its default. */
class TuningDocTest {

    private static final String DOC = read();

    private static String read() {
        try {
            return Files.readString(Path.of("TUNING.md"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyNameHasARow() {
        for (String f : StudyLoader.FIELDS) {
            assertTrue(DOC.contains("\n| `" + f + "` |"), "field " + f);
        }
        for (String d : StudyLoader.DISTRIBUTIONS) {
            assertTrue(DOC.contains("\n| `" + d + ": ["), "distribution " + d);
        }
        for (String s : StudyLoader.SAMPLERS) {
            assertTrue(DOC.contains("\n| `" + s + "` |"), "sampler " + s);
        }
        for (String p : StudyLoader.PRUNERS) {
            assertTrue(DOC.contains("\n| `" + p + "` |"), "pruner " + p);
        }
    }

    @Test
    void documentedDefaultsAreTheCodes() {
        assertTrue(DOC.contains("| `trials` | whole number | " + Studies.DEFAULT_TRIALS + " "));
        assertTrue(DOC.contains("| `seed` | whole number | " + Studies.DEFAULT_SEED + " |"));
        assertTrue(DOC.contains("| `coarse_to_fine` | `rounds` (3), `top_k` (3) |"));
        assertTrue(DOC.contains("| `asha` | `min_epochs` (1, at least 1), `reduction_factor` (3, at least 2) |"));
        assertTrue(DOC.contains("| `median` | `startup_trials` (5), `warmup_epochs` (0) |"));
    }

    @Test
    void theAshaReasonQuotedIsTheOneThePrunerGives() {
        TrialRecord t1 = new TrialRecord(1, Map.of(), TrialState.RUNNING, List.of(0.6), null, null, 0, null);
        TrialRecord t0 = new TrialRecord(0, Map.of(), TrialState.RUNNING, List.of(0.5), null, null, 0, null);
        String reason = new AshaPruner(1, 3).prune(t1, 0, List.of(t0), Direction.MINIMIZE);
        assertTrue(DOC.contains("`" + reason + "`"), reason);
    }
}
