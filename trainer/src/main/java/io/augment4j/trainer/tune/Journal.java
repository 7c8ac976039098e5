package io.augment4j.trainer.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment4j.trainer.run.RunException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A study's append-only journal, {@code study.jsonl} in the study folder: one JSON object per
 * line, and the study's state rebuilt by replaying them. The events:
 * <ul>
 *   <li>{@code study}: the header (name, spec hash, seed, monitor, direction, base config, ...), first;
 *   <li>{@code started}: a trial's number, values and folder;
 *   <li>{@code epoch}: a trial's epoch metrics and the pruning decision taken after it (null: go on);
 *   <li>{@code ended}: its state, value, best epoch, seconds, reason and clean train/validation errors.
 * </ul>
 * Every line is written with one call and flushed to the operating system, so a killed process
 * (kill -9) loses at most the line being written; a torn last line is dropped when the journal is
 * read, and cut off before anything is appended. Replaying is idempotent: a resumed trial's
 * {@code started} line and the epochs it redoes replace what the journal had for them, so no
 * trial counts twice. Thread-safe.
 */
public final class Journal implements AutoCloseable {

    /** The journal's file name inside the study folder. */
    public static final String FILE = "study.jsonl";

    private static final ObjectMapper LINES = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> PARAMS = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, Double>> LOGS = new TypeReference<>() {};

    /** What the journal says of one trial. */
    private static final class Entry {
        Map<String, Object> params;
        String dir;
        TrialState state = TrialState.RUNNING;
        final List<Map<String, Double>> logs = new ArrayList<>();
        final List<String> decisions = new ArrayList<>();
        Double value;
        Integer bestEpoch;
        Double seconds;
        String reason;
        Double trainError;
        Double valError;
    }

    private final Path file;
    private final OutputStream out;
    private ObjectNode header;
    private final Map<Integer, Entry> trials = new TreeMap<>();

    private Journal(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Opens a study folder's journal for appending (created if absent), after replaying what it
     * holds and cutting off a torn last line.
     *
     * @param dir the study folder
     * @return the journal
     * @throws IOException when it cannot be read or written, or a line before the last is corrupt
     */
    public static Journal open(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        long good = 0;
        Journal j = new Journal(f, null);
        if (Files.exists(f)) {
            good = j.replay(Files.readAllBytes(f));
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                if (ch.size() > good) {
                    ch.truncate(good);
                }
            }
        }
        Journal w = new Journal(f, new FileOutputStream(f.toFile(), true));
        w.header = j.header;
        w.trials.putAll(j.trials);
        return w;
    }

    /**
     * Reads a study folder's journal without writing to it.
     *
     * @param dir the study folder
     * @return the replayed journal (appending to it fails)
     * @throws IOException when it is missing or corrupt before its last line
     */
    public static Journal read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        Journal j = new Journal(f, null);
        j.replay(Files.readAllBytes(f));
        return j;
    }

    /**
     * {@link #read} for commands: a folder without a journal, or one that cannot be read, is a
     * {@link RunException} whose message says what to do.
     *
     * @param dir the study folder
     * @return its journal
     */
    public static Journal readFolder(Path dir) {
        try {
            return read(dir);
        } catch (NoSuchFileException e) {
            throw new RunException(dir + " holds no study (no " + FILE
                    + "): start one with aug tune --config <study file>", e);
        } catch (IOException e) {
            throw new RunException("cannot read " + dir.resolve(FILE) + ": "
                    + e.getMessage(), e);
        }
    }

    /** @return the length of the well-formed lines */
    private long replay(byte[] bytes) throws IOException {
        int start = 0;
        int line = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            line++;
            if (end == bytes.length) {
                return start; // no newline: torn by a kill mid-write
            }
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            ObjectNode event;
            try {
                event = (ObjectNode) LINES.readTree(text);
            } catch (JsonProcessingException | ClassCastException e) {
                if (end + 1 == bytes.length) {
                    return start; // a garbled last line: the same as a torn one
                }
                throw new IOException(file + " line " + line + " is not a journal event: " + e.getMessage(), e);
            }
            apply(event);
            start = end + 1;
        }
        return start;
    }

    private void apply(ObjectNode e) {
        String kind = e.path("event").asText();
        if (kind.equals("study")) {
            header = e;
            return;
        }
        int n = e.path("number").asInt();
        Entry t = trials.computeIfAbsent(n, k -> new Entry());
        switch (kind) {
            case "started" -> {
                t.params = LINES.convertValue(e.get("params"), PARAMS);
                t.dir = e.path("dir").asText(null);
                t.state = TrialState.RUNNING;
            }
            case "epoch" -> {
                int epoch = e.path("epoch").asInt();
                while (t.logs.size() > epoch) {
                    t.logs.remove(t.logs.size() - 1);
                    t.decisions.remove(t.decisions.size() - 1);
                }
                t.logs.add(LINES.convertValue(e.get("logs"), LOGS));
                t.decisions.add(e.path("pruned").isTextual() ? e.get("pruned").asText() : null);
            }
            case "ended" -> {
                t.state = TrialState.valueOf(e.path("state").asText());
                t.value = number(e.get("value"));
                t.bestEpoch = e.path("best_epoch").isNumber() ? e.get("best_epoch").asInt() : null;
                t.seconds = number(e.get("seconds"));
                t.reason = e.path("reason").isTextual() ? e.get("reason").asText() : null;
                t.trainError = number(e.get("train_error"));
                t.valError = number(e.get("val_error"));
            }
            default -> throw new IllegalStateException("unknown journal event " + kind);
        }
    }

    private static Double number(JsonNode n) {
        return n != null && n.isNumber() ? n.asDouble() : null;
    }

    private void append(ObjectNode event) {
        if (out == null) {
            throw new IllegalStateException(file + " was opened read-only");
        }
        try {
            out.write((LINES.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file, e);
        }
        apply(event);
    }

    /** @param header the study header, written first (its {@code event} field is set here) */
    public synchronized void writeHeader(ObjectNode header) {
        ObjectNode e = LINES.createObjectNode().put("event", "study");
        e.setAll(header);
        append(e);
    }

    /** @return the header, or null before it is written */
    public synchronized ObjectNode header() {
        return header == null ? null : header.deepCopy();
    }

    /**
     * @param number the trial number
     * @param params its values
     * @param dir its folder
     */
    public synchronized void started(int number, Map<String, Object> params, String dir) {
        ObjectNode e = LINES.createObjectNode().put("event", "started").put("number", number);
        e.set("params", LINES.valueToTree(params));
        e.put("dir", dir);
        append(e);
    }

    /**
     * @param number the trial number
     * @param epoch the 0-based epoch
     * @param logs its metrics
     * @param pruned the pruning decision taken after it, or null to go on
     */
    public synchronized void epoch(int number, int epoch, Map<String, Double> logs, String pruned) {
        ObjectNode e = LINES.createObjectNode().put("event", "epoch").put("number", number).put("epoch", epoch);
        e.set("logs", LINES.valueToTree(logs));
        e.put("pruned", pruned);
        append(e);
    }

    /** @param o how a trial ended */
    public synchronized void ended(TrialOutcome o) {
        ObjectNode e = LINES.createObjectNode().put("event", "ended").put("number", o.number())
                .put("state", o.state().name()).put("value", o.value()).put("best_epoch", o.bestEpoch())
                .put("epochs", o.epochsRun()).put("seconds", o.seconds()).put("reason", o.reason())
                .put("train_error", o.trainError()).put("val_error", o.valError());
        append(e);
    }

    /**
     * @param number a trial number
     * @param epoch a 0-based epoch
     * @return the journaled pruning decision after that epoch: empty when none is journaled, the
     *     empty string for "go on", else the reason to prune
     */
    public synchronized Optional<String> decision(int number, int epoch) {
        Entry t = trials.get(number);
        if (t == null || t.decisions.size() <= epoch) {
            return Optional.empty();
        }
        String d = t.decisions.get(epoch);
        return Optional.of(d == null ? "" : d);
    }

    /** @param number a trial number @return whether the journal knows it (started or ended) */
    public synchronized boolean has(int number) {
        return trials.containsKey(number) && trials.get(number).params != null;
    }

    /** @return every trial, by number */
    public synchronized List<TrialRecord> records() {
        List<TrialRecord> l = new ArrayList<>();
        for (Map.Entry<Integer, Entry> e : trials.entrySet()) {
            if (e.getValue().params != null) {
                l.add(record(e.getKey(), e.getValue()));
            }
        }
        return l;
    }

    /** @param number a started trial @return its record */
    public synchronized TrialRecord record(int number) {
        return record(number, trials.get(number));
    }

    /** @param number a trial @return its folder as journaled, or null */
    public synchronized String dir(int number) {
        Entry t = trials.get(number);
        return t == null ? null : t.dir;
    }

    /** @param number a trial @return its per-epoch metrics (copies) */
    public synchronized List<Map<String, Double>> logs(int number) {
        Entry t = trials.get(number);
        List<Map<String, Double>> l = new ArrayList<>();
        if (t != null) {
            t.logs.forEach(m -> l.add(new LinkedHashMap<>(m)));
        }
        return l;
    }

    /**
     * @param number an ended trial
     * @return its clean {train, validation} errors, or null when not measured
     */
    public synchronized double[] errors(int number) {
        Entry t = trials.get(number);
        return t == null || t.trainError == null || t.valError == null ? null
                : new double[] {t.trainError, t.valError};
    }

    private TrialRecord record(int n, Entry t) {
        String key = header == null ? null : header.path("monitor").asText(null);
        List<Double> curve = new ArrayList<>();
        double s = 0;
        for (Map<String, Double> row : t.logs) {
            Double v = key == null ? null : row.get(key);
            curve.add(v == null ? Double.NaN : v);
            s += row.getOrDefault("epoch_time_s", 0.0);
        }
        boolean ended = t.state != TrialState.RUNNING;
        return new TrialRecord(n, t.params, t.state, curve, ended ? t.value : null, ended ? t.bestEpoch : null,
                t.seconds != null ? t.seconds : s, t.reason);
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // every line was flushed when written
            }
        }
    }
}
