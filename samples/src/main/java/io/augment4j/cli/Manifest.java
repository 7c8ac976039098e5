package io.augment4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of a batch run, as JSON lines: one object per finished output, appended and flushed after the output
 * was renamed into place, so every line names a complete file. Fields:
 *
 * <pre>
 * {"output":"cats/a_aug0.png",        output path, relative to the manifest's folder (the --out folder)
 *  "input":"cats/a.png",              input path, relative to the --in folder
 *  "source":"/data/in/cats/a.png",    input path, absolute
 *  "copy":0, "seed":7,                copy number and pipeline seed
 *  "key":"9f2c...",                   hash of "input": the sample's generator is Rng.of(seed, key, copy)
 *  "replay":{...},                    the parameters every transform sampled (Pipeline.replayToJson)
 *  "labels":{"format":"yolo",         only with --labels: the label format,
 *            "source":"/data/in/a.txt",  the label file read,
 *            "boxes":{"kept":2,"dropped":1}, "keypoints":{"kept":0,"dropped":0},  what the targets policy kept
 *            "coco":{...}}}           and, for COCO, the output's image size and annotations
 * </pre>
 *
 * A run killed mid-write can leave a torn last line; {@link #read} ignores it and {@link #openForAppend} cuts it off
 * before appending, so the file stays valid JSON lines.
 */
public final class Manifest implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One output.
     *
     * @param output output path relative to the manifest's folder
     * @param input input path relative to the input folder
     * @param source absolute input path
     * @param copy copy number, from 0
     * @param seed pipeline seed
     * @param key the input path's hash, as 16 hex digits
     * @param replay the replay record as JSON text
     * @param labels what became of the input's labels, or {@code null} for a run without {@code --labels}
     * @param line 1-based line number in the manifest (0 for entries not read from a file)
     */
    public record Entry(String output, String input, String source, int copy, long seed, String key, String replay,
                        Labels labels, int line) implements java.io.Serializable {
        String toJsonLine() {
            ObjectNode o = JSON.createObjectNode();
            o.put("output", output);
            o.put("input", input);
            o.put("source", source);
            o.put("copy", copy);
            o.put("seed", seed);
            o.put("key", key);
            try {
                o.set("replay", JSON.readTree(replay));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("replay is not JSON: " + replay, e);
            }
            if (labels != null) {
                o.set("labels", labels.toJson());
            }
            return o.toString();
        }

        static Entry fromJson(JsonNode o, int line) {
            for (String f : List.of("output", "input", "source", "copy", "seed", "key", "replay")) {
                if (!o.hasNonNull(f)) {
                    throw new IllegalArgumentException("missing field '" + f + "'");
                }
            }
            return new Entry(o.get("output").asText(), o.get("input").asText(), o.get("source").asText(),
                    o.get("copy").asInt(), o.get("seed").asLong(), o.get("key").asText(), o.get("replay").toString(),
                    o.hasNonNull("labels") ? Labels.fromJson(o.get("labels")) : null, line);
        }
    }

    /**
     * What became of an input's boxes and keypoints in one output, under the spec's {@code targets:} policy.
     *
     * @param format the label format ({@code yolo}, {@code voc}, {@code coco})
     * @param source the label file read for the input
     * @param boxesKept boxes in the output
     * @param boxesDropped input boxes the policy dropped
     * @param keypointsKept keypoints in the output
     * @param keypointsDropped labelled input keypoints the policy dropped
     * @param coco for COCO, the JSON text of the output's size and annotations ({@code CocoLabels.record}), else
     *             {@code null}
     */
    public record Labels(String format, String source, int boxesKept, int boxesDropped, int keypointsKept,
                         int keypointsDropped, String coco) implements java.io.Serializable {
        ObjectNode toJson() {
            ObjectNode o = JSON.createObjectNode();
            o.put("format", format);
            o.put("source", source);
            o.putObject("boxes").put("kept", boxesKept).put("dropped", boxesDropped);
            o.putObject("keypoints").put("kept", keypointsKept).put("dropped", keypointsDropped);
            if (coco != null) {
                try {
                    o.set("coco", JSON.readTree(coco));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("coco record is not JSON: " + coco, e);
                }
            }
            return o;
        }

        static Labels fromJson(JsonNode o) {
            if (!o.hasNonNull("format") || !o.path("boxes").has("kept")) {
                throw new IllegalArgumentException("'labels' needs 'format' and 'boxes'");
            }
            return new Labels(o.get("format").asText(), o.path("source").asText(""),
                    o.path("boxes").path("kept").asInt(), o.path("boxes").path("dropped").asInt(),
                    o.path("keypoints").path("kept").asInt(), o.path("keypoints").path("dropped").asInt(),
                    o.hasNonNull("coco") ? o.get("coco").toString() : null);
        }
    }

    /**
     * What a manifest file holds.
     *
     * @param entries the last entry for each output, in file order
     * @param problems lines that could not be read (other than a torn last line), with their line numbers
     * @param tornTail whether the file ended in an incomplete line (a run was killed while writing it)
     */
    public record Contents(Map<String, Entry> entries, List<String> problems, boolean tornTail) {
    }

    private final BufferedWriter writer;

    private Manifest(BufferedWriter writer) {
        this.writer = writer;
    }

    /** Reads a manifest; a missing file reads as empty. */
    public static Contents read(Path file) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Contents(entries, problems, false);
        } catch (IOException e) {
            throw new UsageException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean torn = !text.isEmpty() && !text.endsWith("\n");
        String[] lines = text.split("\n", -1);
        // the last element is "" after a final newline, or the torn tail
        for (int i = 0; i < lines.length - 1; i++) {
            String l = lines[i].strip();
            if (l.isEmpty()) {
                continue;
            }
            try {
                Entry e = Entry.fromJson(JSON.readTree(l), i + 1);
                entries.remove(e.output());
                entries.put(e.output(), e);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problems.add(file + ":" + (i + 1) + ": unreadable manifest line ignored ("
                        + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")");
            }
        }
        return new Contents(entries, problems, torn);
    }

    /** Opens {@code file} for appending, first cutting off a torn last line left by a killed run. */
    public static Manifest openForAppend(Path file) {
        try {
            if (Files.exists(file)) {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    long len = raf.length();
                    long keep = len;
                    while (keep > 0) {
                        raf.seek(keep - 1);
                        if (raf.read() == '\n') {
                            break;
                        }
                        keep--;
                    }
                    if (keep < len) {
                        raf.setLength(keep);
                    }
                }
            }
            return new Manifest(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UsageException("cannot write manifest " + file + ": " + IoErrors.reason(e), e);
        }
    }

    /** Appends one entry as one line and flushes it to the operating system. */
    public synchronized void append(Entry e) {
        try {
            writer.write(e.toJsonLine());
            writer.write('\n');
            writer.flush();
        } catch (IOException ex) {
            throw new UsageException("cannot append to the manifest: " + ex, ex);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
