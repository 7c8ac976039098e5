package io.augment4j.trainer.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Config trees and the paths a study searches: {@code optimizer.learning_rate},
 * {@code model.dense[0].units} (fields separated by dots, list items by a 0-based index in
 * brackets, as in config error messages).
 */
public final class ConfigPaths {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private ConfigPaths() {}

    /**
     * A trial's config: a deep copy of {@code base} with each value set at its path. A missing map
     * on the way is created ({@code optimizer.beta1} in a config without {@code optimizer:}); a
     * list item must exist in {@code base} ({@code model.dense[1]} needs two dense layers). Field
     * names are not checked here: parse the result with the training config loader.
     *
     * @param base a training config tree (not modified)
     * @param params values (Double, Integer, String, Boolean) by path
     * @return the new tree
     * @throws IllegalArgumentException when a path is malformed, needs a list item {@code base}
     *     lacks, or goes through a value that is not a map or a list
     */
    public static ObjectNode apply(ObjectNode base, Map<String, Object> params) {
        ObjectNode root = base.deepCopy();
        params.forEach((path, value) -> set(root, path, value));
        return root;
    }

    /**
     * Deep merge, for a study's {@code overrides:}: maps merge key by key, anything else (values,
     * lists) in {@code overrides} replaces what {@code base} has.
     *
     * @param base a tree (not modified)
     * @param overrides what to change (not modified)
     * @return the merged copy
     */
    public static ObjectNode merge(ObjectNode base, ObjectNode overrides) {
        ObjectNode out = base.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = overrides.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode mine = out.get(e.getKey());
            if (mine instanceof ObjectNode m && e.getValue() instanceof ObjectNode o) {
                out.set(e.getKey(), merge(m, o));
            } else {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    /**
     * @param path a config path
     * @return its segments: field names (String) and list indexes (Integer)
     * @throws IllegalArgumentException when the path is malformed
     */
    public static List<Object> parse(String path) {
        List<Object> out = new ArrayList<>();
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("empty config path");
        }
        for (String part : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("malformed config path '" + path + "': write fields separated"
                        + " by dots and list items as [index], e.g. model.dense[0].units");
            }
            out.add(m.group(1));
            Matcher i = INDEX.matcher(m.group(2));
            while (i.find()) {
                out.add(Integer.parseInt(i.group(1)));
            }
        }
        return out;
    }

    private static void set(ObjectNode root, String path, Object value) {
        List<Object> segs = parse(path);
        JsonNode node = root;
        StringBuilder where = new StringBuilder();
        for (int k = 0; k < segs.size(); k++) {
            Object seg = segs.get(k);
            boolean last = k == segs.size() - 1;
            if (seg instanceof String field) {
                if (!(node instanceof ObjectNode obj)) {
                    throw new IllegalArgumentException(where + " is not a map, so it has no field '" + field + "'");
                }
                where.append(where.length() > 0 ? "." : "").append(field);
                if (last) {
                    obj.set(field, toNode(value));
                    return;
                }
                JsonNode next = obj.get(field);
                if (next == null || next.isNull()) {
                    if (segs.get(k + 1) instanceof Integer) {
                        throw new IllegalArgumentException("the base config has no list " + where
                                + ", so it has no item " + segs.get(k + 1));
                    }
                    next = obj.putObject(field);
                }
                node = next;
            } else {
                int i = (Integer) seg;
                if (!(node instanceof ArrayNode arr)) {
                    throw new IllegalArgumentException(where + " is not a list, so it has no item [" + i + "]");
                }
                if (i >= arr.size()) {
                    throw new IllegalArgumentException("the base config's " + where + " has " + arr.size()
                            + " item(s), so it has no item [" + i + "]");
                }
                where.append('[').append(i).append(']');
                if (last) {
                    arr.set(i, toNode(value));
                    return;
                }
                node = arr.get(i);
            }
        }
    }

    private static JsonNode toNode(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v instanceof Integer i) {
            return f.numberNode(i);
        }
        if (v instanceof Double d) {
            return f.numberNode(d);
        }
        if (v instanceof String s) {
            return f.textNode(s);
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        throw new IllegalArgumentException("a sampled value must be Double, Integer, String or Boolean, got "
                + (v == null ? "null" : v.getClass().getSimpleName()));
    }
}
