package io.augment4j.trainer.loop;

import io.augment4j.trainer.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Per-epoch metrics (one row per epoch, keys like {@code loss}, {@code val_accuracy}). */
public final class History {

    private final List<Map<String, Double>> rows = new ArrayList<>();

    /** Empty history. */
    public History() {}

    /** @param rows rows to start from (a resumed run) */
    public History(List<Map<String, Double>> rows) {
        rows.forEach(r -> this.rows.add(new LinkedHashMap<>(r)));
    }

    /** @param row one epoch's metrics, appended */
    public void add(Map<String, Double> row) {
        rows.add(new LinkedHashMap<>(row));
    }

    /** @return rows, oldest first (read-only view) */
    public List<Map<String, Double>> rows() {
        return java.util.Collections.unmodifiableList(rows);
    }

    /** @return number of epochs recorded */
    public int size() {
        return rows.size();
    }

    /** @param key metric @return its value per epoch (NaN where absent) */
    public double[] get(String key) {
        return rows.stream().mapToDouble(r -> r.getOrDefault(key, Double.NaN)).toArray();
    }

    /** @param file destination (JSON array of rows), written atomically @throws IOException on failure */
    public void writeJson(Path file) throws IOException {
        Json.writeAtomically(file, rows);
    }

    /** @param file destination CSV, written atomically @throws IOException on failure */
    public void writeCsv(Path file) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> keys.addAll(r.keySet()));
        StringBuilder sb = new StringBuilder(String.join(",", keys)).append('\n');
        for (Map<String, Double> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String k : keys) {
                Double v = r.get(k);
                cells.add(v == null ? "" : format(v));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        Json.writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.6g", v);
    }
}
