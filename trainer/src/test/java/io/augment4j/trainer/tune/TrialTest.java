package io.augment4j.trainer.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trial and its outcome travel as plain serialized data (to another process or machine). */
class TrialTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void trialAndOutcomeSerialize() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("optimizer.learning_rate", 0.003);
        params.put("model.dense[0].units", 64);
        params.put("optimizer.type", "adam");
        params.put("model.conv[0].batch_norm", true);
        Trial t = new Trial(4, params, "epochs: 3\n", true, "/studies/s/trials/004");
        Trial back = roundTrip(t);
        assertEquals(t, back);
        assertEquals(List.copyOf(params.keySet()), List.copyOf(back.params().keySet()), "values keep their order");

        TrialOutcome o = new TrialOutcome(4, TrialState.PRUNED, List.of(0.9, 0.7), 0.7, 1, 12.5, "ASHA rung 0", 0.2,
                0.3);
        assertEquals(o, roundTrip(o));
    }

    @Test
    void aTrialRunnerTravelsAndTrainsAsTheOriginal(@TempDir Path dir) throws Exception {
        TuneFixtures.bands(dir, "bands", 240, 3);
        StudySpec spec = TuneFixtures.spec(dir, List.of(Map.of("optimizer.learning_rate", 0.01)), null);
        TrialRunner runner = new TrialRunner(TuneFixtures.LOADER, spec.monitor(), spec.direction());
        TrialRunner back = roundTrip(runner);
        assertNotSame(runner, back);
        assertInstanceOf(TrialRunner.class, back);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<TrialRecord> here;
        List<TrialRecord> there;
        try (LocalTrialExecutor ex = new LocalTrialExecutor(runner, 1)) {
            here = new Study(spec, dir.resolve("here"), ex, TuneFixtures.LOADER, out).run(false, null);
        }
        try (LocalTrialExecutor ex = new LocalTrialExecutor(back, 1)) {
            there = new Study(spec, dir.resolve("there"), ex, TuneFixtures.LOADER, out).run(false, null);
        }
        assertEquals(TrialState.COMPLETE, there.get(0).state(), there.toString());
        assertEquals(here.get(0).curve(), there.get(0).curve(), "the same monitored metric, the same training");
        assertEquals(here.get(0).bestEpoch(), there.get(0).bestEpoch());
    }
}
