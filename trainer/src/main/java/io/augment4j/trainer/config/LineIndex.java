package io.augment4j.trainer.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of a YAML or JSON document starts, by path ({@code model.conv[1].filters}), so
 * errors found after parsing (a value checked against the data, an augmentation spec) still
 * name the line. Public so that other located files (study files, in the tune package) report
 * lines the same way.
 */
public final class LineIndex {
    private final Map<String, int[]> lines = new HashMap<>();
    private boolean empty = true;

    private LineIndex() {}

    /**
     * @param text the document
     * @param factory JSON or YAML
     * @return the index
     * @throws JsonProcessingException on a syntax error
     */
    public static LineIndex build(String text, JsonFactory factory) throws IOException {
        LineIndex idx = new LineIndex();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != null && t != JsonToken.VALUE_NULL) {
                idx.empty = false;
                idx.value(p, t, "");
            }
        }
        return idx;
    }

    private void value(JsonParser p, JsonToken t, String path) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation l = p.currentTokenLocation();
                String child = path.isEmpty() ? name : path + "." + name;
                lines.putIfAbsent(child, new int[] {l.getLineNr(), l.getColumnNr()});
                value(p, p.nextToken(), child);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                JsonLocation l = p.currentTokenLocation();
                String child = path + "[" + i++ + "]";
                lines.putIfAbsent(child, new int[] {l.getLineNr(), l.getColumnNr()});
                value(p, t, child);
            }
        }
    }

    /** @return true when the document holds nothing (or only comments) */
    public boolean empty() {
        return empty;
    }

    /**
     * @param path a field path
     * @return {line, column} of the path, or of its nearest ancestor present, or null
     */
    public int[] locate(String path) {
        String p = path == null ? "" : path;
        while (!p.isEmpty()) {
            int[] l = lines.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return null;
    }
}
