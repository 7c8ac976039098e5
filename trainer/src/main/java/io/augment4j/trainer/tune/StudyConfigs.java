package io.augment4j.trainer.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The config trees of a study's trials and of its best trial, from the base config and sampled values. */
final class StudyConfigs {

    /** The data fields that name a test set. */
    private static final List<String> TEST_FILES = List.of("test_images", "test_labels", "test_root", "test_limit");
    /** The fields that hold paths relative to the study's base folder. */
    private static final List<String> DATA_PATHS = List.of("train_images", "train_labels", "test_images",
            "test_labels", "root", "test_root");

    private StudyConfigs() {}

    /**
     * @param base the base config tree (not changed)
     * @param params values by dotted config path ({@code optimizer.learning_rate}, {@code model.dense.0.units})
     * @return a deep copy of {@code base} with the values set at their paths
     */
    static ObjectNode withParams(ObjectNode base, Map<String, Object> params) {
        // Temporary: ConfigPaths.apply (tune-search) replaces this once merged.
        ObjectNode tree = base.deepCopy();
        params.forEach((path, value) -> set(tree, path.split("\\."), value));
        return tree;
    }

    private static void set(ObjectNode root, String[] parts, Object value) {
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
            if (child == null || !child.isContainerNode()) {
                child = JsonNodeFactory.instance.objectNode();
                ((ObjectNode) node).set(parts[i], child);
            }
            node = child;
        }
        JsonNode v = JsonNodeFactory.instance.pojoNode(value);
        if (value instanceof Double d) {
            v = JsonNodeFactory.instance.numberNode(d);
        } else if (value instanceof Integer x) {
            v = JsonNodeFactory.instance.numberNode(x);
        } else if (value instanceof Long x) {
            v = JsonNodeFactory.instance.numberNode(x);
        } else if (value instanceof Boolean b) {
            v = JsonNodeFactory.instance.booleanNode(b);
        } else if (value instanceof String s) {
            v = JsonNodeFactory.instance.textNode(s);
        }
        String last = parts[parts.length - 1];
        if (node instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), v);
        } else {
            ((ObjectNode) node).set(last, v);
        }
    }

    /**
     * Removes the test files from a trial's config tree, so that the trial cannot open them.
     *
     * @param tree a config tree (changed)
     * @return whether it named a test set of its own
     */
    static boolean removeTestFiles(ObjectNode tree) {
        JsonNode data = tree.get("data");
        if (!(data instanceof ObjectNode d)) {
            return false;
        }
        boolean own = d.hasNonNull("test_images") || d.hasNonNull("test_root");
        TEST_FILES.forEach(d::remove);
        return own;
    }

    /**
     * The best trial's config as a file {@code aug train --config} runs from anywhere: the base
     * with the trial's values, its data paths (test files included) made absolute.
     *
     * @param base the base config tree
     * @param params the best trial's values
     * @param baseDir the folder the base's relative paths are relative to
     * @param name the config's name
     * @return the tree
     */
    static ObjectNode best(ObjectNode base, Map<String, Object> params, Path baseDir, String name) {
        ObjectNode tree = withParams(base, params);
        tree.put("name", name);
        tree.remove("output_dir");
        if (tree.get("data") instanceof ObjectNode d) {
            for (String f : DATA_PATHS) {
                absolute(d, f, baseDir);
            }
        }
        if (tree.get("split") instanceof ObjectNode s) {
            absolute(s, "file", baseDir);
        }
        absolute(tree, "augmentation", baseDir);
        return tree;
    }

    private static void absolute(ObjectNode node, String field, Path baseDir) {
        JsonNode v = node.get(field);
        if (v != null && v.isTextual()) {
            node.put(field, baseDir.resolve(v.asText()).normalize().toString());
        }
    }
}
