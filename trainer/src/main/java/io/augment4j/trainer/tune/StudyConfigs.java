package io.augment4j.trainer.tune;

import com.fasterxml.jackson.databind.JsonNode;
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
        ObjectNode tree = ConfigPaths.apply(base, params);
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
