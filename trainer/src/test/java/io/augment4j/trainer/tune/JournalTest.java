package io.augment4j.trainer.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir Path dir;

    private static ObjectNode header() {
        return JsonNodeFactory.instance.objectNode().put("name", "s").put("monitor", "val_loss")
                .put("direction", "MINIMIZE");
    }

    private static Map<String, Object> params(double lr, int units, String opt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("optimizer.learning_rate", lr);
        p.put("model.dense[0].units", units);
        p.put("optimizer.type", opt);
        return p;
    }

    private static Map<String, Double> logs(double valLoss) {
        return Map.of("loss", 1.0, "val_loss", valLoss, "epoch_time_s", 0.5);
    }

    @Test
    void roundTripRebuildsTheRecords() throws IOException {
        try (Journal j = Journal.open(dir)) {
            j.writeHeader(header());
            j.started(0, params(1e-3, 16, "adam"), "t0");
            j.epoch(0, 0, logs(0.9), null);
            j.epoch(0, 1, logs(0.7), null);
            j.ended(new TrialOutcome(0, TrialState.COMPLETE, List.of(0.9, 0.7), 0.7, 1, 3.5, null, 0.1, 0.2));
            j.started(1, params(0.3, 8, "sgd"), "t1");
            j.epoch(1, 0, logs(2.5), "too slow");
            j.ended(new TrialOutcome(1, TrialState.PRUNED, List.of(2.5), 2.5, 0, 1.0, "too slow", 0.5, 0.6));
            j.started(2, params(0.01, 4, "adam"), "t2");
            j.epoch(2, 0, logs(1.1), null);
        }
        Journal r = Journal.read(dir);
        List<TrialRecord> recs = r.records();
        assertEquals(3, recs.size());
        TrialRecord t0 = recs.get(0);
        assertEquals(params(1e-3, 16, "adam"), t0.params());
        assertEquals(Integer.class, t0.params().get("model.dense[0].units").getClass());
        assertEquals(TrialState.COMPLETE, t0.state());
        assertEquals(List.of(0.9, 0.7), t0.curve());
        assertEquals(0.7, t0.value());
        assertEquals(1, t0.bestEpoch());
        assertEquals(3.5, t0.seconds());
        assertArrayEquals(new double[] {0.1, 0.2}, r.errors(0));
        assertEquals(TrialState.PRUNED, recs.get(1).state());
        assertEquals("too slow", recs.get(1).reason());
        assertEquals(Optional.of("too slow"), r.decision(1, 0));
        TrialRecord t2 = recs.get(2);
        assertEquals(TrialState.RUNNING, t2.state());
        assertNull(t2.value(), "a running trial has no value yet");
        assertEquals(List.of(1.1), t2.curve());
        assertEquals(Optional.of(""), r.decision(2, 0));
        assertEquals(Optional.empty(), r.decision(2, 1));
        assertEquals("t2", r.dir(2));
        assertEquals("s", r.header().path("name").asText());
    }

    @Test
    void tornLastLineIsDroppedAndCutBeforeAppending() throws IOException {
        try (Journal j = Journal.open(dir)) {
            j.writeHeader(header());
            j.started(0, params(1e-3, 16, "adam"), "t0");
            j.epoch(0, 0, logs(0.9), null);
        }
        Path f = dir.resolve(Journal.FILE);
        long whole = Files.size(f);
        // kill -9 in the middle of writing the next line
        Files.writeString(f, "{\"event\":\"epoch\",\"number\":0,\"epo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(List.of(0.9), Journal.read(dir).record(0).curve());
        try (Journal j = Journal.open(dir)) {
            assertEquals(whole, Files.size(f), "the torn tail is cut off");
            j.epoch(0, 1, logs(0.8), null);
        }
        assertEquals(List.of(0.9, 0.8), Journal.read(dir).record(0).curve());
        assertTrue(Files.readString(f).endsWith("\n"));
    }

    @Test
    void aCorruptLineBeforeTheLastIsAnError() throws IOException {
        try (Journal j = Journal.open(dir)) {
            j.writeHeader(header());
        }
        Path f = dir.resolve(Journal.FILE);
        Files.writeString(f, "garbage\n{\"event\":\"started\",\"number\":0,\"params\":{}}\n", StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> Journal.read(dir));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void aRerunTrialsEpochsReplaceTheJournaledOnesAndItCountsOnce() throws IOException {
        try (Journal j = Journal.open(dir)) {
            j.writeHeader(header());
            j.started(0, params(1e-3, 16, "adam"), "t0");
            j.epoch(0, 0, logs(0.9), null);
            j.epoch(0, 1, logs(0.8), null);
            // resumed from the checkpoint of epoch 0: epoch 1 again, then on
            j.started(0, params(1e-3, 16, "adam"), "t0");
            j.epoch(0, 1, logs(0.8), null);
            j.epoch(0, 2, logs(0.75), null);
            j.ended(new TrialOutcome(0, TrialState.COMPLETE, List.of(0.9, 0.8, 0.75), 0.75, 2, 2, null, 0.1, 0.2));
        }
        List<TrialRecord> recs = Journal.read(dir).records();
        assertEquals(1, recs.size());
        assertEquals(List.of(0.9, 0.8, 0.75), recs.get(0).curve());
        assertEquals(3, recs.get(0).epochsRun());
    }
}
