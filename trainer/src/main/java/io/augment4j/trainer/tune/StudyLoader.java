package io.augment4j.trainer.tune;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.augment4j.api.registry.Names;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.config.ConfigException;
import io.augment4j.trainer.config.ConfigLoader;
import io.augment4j.trainer.config.LineIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a study file (YAML, or JSON when the text starts with '{') into a {@link StudySpec}; the
 * format is documented field by field in {@code trainer/TUNING.md}.
 *
 * <p>Strict, like the training config: an unknown field, distribution, sampler or pruner (with a
 * "did you mean"), a value of the wrong type, an empty, inverted or non-positive log range, a
 * {@code one_minus_log} end outside (0, 1), {@code trials} below 1, or a grid mixed with ranges is
 * a {@link ConfigException} naming the file, line and field, e.g.
 * {@code study.yaml:7:3 (search.optimizer.learning_rat): ...; did you mean 'learning_rate'?}.
 *
 * <p>The base config is checked with the training config loader (without its test files, which
 * no trial reads: a study runs before they exist), and so is every searched path:
 * each end of each range (each value of a choice or grid) is set into the base config and the
 * result validated, so a path the training config does not have, a float for a whole-number field
 * or a value out of the field's range fails here, before any trial runs.
 */
public final class StudyLoader {

    private static final ObjectMapper YAML = configure(YAMLMapper.builder().build());
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
    /** The study file's top-level fields. */
    static final List<String> FIELDS = List.of("name", "base", "overrides", "config", "search", "sampler",
            "pruner", "trials", "seed");
    /** Distribution names. */
    static final List<String> DISTRIBUTIONS = List.of("log_uniform", "uniform", "int", "int_log", "choice",
            "one_minus_log", "grid");
    /** Sampler names. */
    static final List<String> SAMPLERS = List.of("random", "grid", "coarse_to_fine");
    /** Pruner names. */
    static final List<String> PRUNERS = List.of("none", "asha", "median");

    private final ConfigLoader configs;

    /** @param registry the transforms the base config's augmentation may use */
    public StudyLoader(TransformRegistry registry) {
        this.configs = new ConfigLoader(registry);
    }

    private static ObjectMapper configure(ObjectMapper m) {
        return m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * @param file the study file
     * @return the study; its name defaults to the file name without extension
     * @throws ConfigException when the file (or its base config) is missing, malformed or invalid
     */
    public StudySpec load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), -1, -1, null, "study file does not exist", e);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), -1, -1, null, "cannot read: " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    /**
     * The study's training config before its {@code overrides:}: the {@code base:} file as written,
     * or the inline {@code config:} (which has no overrides). Its relative paths are relative to
     * the folder {@link StudySpec#baseDir()} names. The file is checked as {@link #load} checks it.
     *
     * @param file the study file
     * @return the config tree
     * @throws ConfigException when the file (or its base config) is missing, malformed or invalid
     */
    public ObjectNode recipe(Path file) {
        StudySpec spec = load(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), -1, -1, null, "cannot read: " + e.getMessage(), e);
        }
        JsonNode base = Located.read(text, file.toString()).root().get("base");
        if (base == null) {
            return spec.base();
        }
        Path f = file.toAbsolutePath().getParent().resolve(base.asText()).normalize();
        try {
            return (ObjectNode) Located.read(Files.readString(f, StandardCharsets.UTF_8), f.toString()).root();
        } catch (IOException e) {
            throw new ConfigException(file.toString(), -1, -1, "base", "cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param text the study, YAML or JSON
     * @param file where it comes from: its folder resolves {@code base:}, its name is the default
     *     study name and appears in messages (it need not exist)
     * @return the study
     * @throws ConfigException when the text or the base config is malformed or invalid
     */
    public StudySpec parse(String text, Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path dir = file.toAbsolutePath().getParent();
        Located study = Located.read(text, file.toString());
        return new Reader(study, file, dir, dot > 0 ? name.substring(0, dot) : name).read();
    }

    /** A parsed YAML/JSON document with its line index. */
    private record Located(String source, String text, JsonNode root, LineIndex index) {

        static Located read(String text, String source) {
            boolean json = text.stripLeading().startsWith("{");
            ObjectMapper mapper = json ? JSON : YAML;
            JsonFactory f = mapper.getFactory();
            try {
                LineIndex index = LineIndex.build(text, f);
                JsonNode root = index.empty() ? null : mapper.readTree(text);
                return new Located(source, text, root, index);
            } catch (JsonProcessingException e) {
                JsonLocation l = e.getLocation();
                throw new ConfigException(source, l == null ? -1 : l.getLineNr(), l == null ? -1 : l.getColumnNr(),
                        null, "not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new ConfigException(source, -1, -1, null, "cannot read: " + e.getMessage(), e);
            }
        }

        ConfigException error(String path, String reason, Throwable cause) {
            int[] l = index.locate(path);
            return new ConfigException(source, l == null ? -1 : l[0], l == null ? -1 : l[1], path, reason, cause);
        }
    }

    /** One study file being read. */
    private final class Reader {
        private final Located study;
        private final Path file;
        private final Path dir;
        private final String defaultName;
        private Located baseFile;
        private ObjectNode overrides;
        private boolean inline;

        Reader(Located study, Path file, Path dir, String defaultName) {
            this.study = study;
            this.file = file;
            this.dir = dir;
            this.defaultName = defaultName;
        }

        StudySpec read() {
            if (!(study.root() instanceof ObjectNode root)) {
                throw study.error(null, study.root() == null
                        ? "the study file is empty; it needs a base config (base: or config:) and search: (see"
                                + " trainer/TUNING.md)"
                        : "a study file is a map of fields (" + String.join(", ", FIELDS) + ")", null);
            }
            checkFields(root, "", FIELDS);
            Studies.Builder b = Studies.builder().source(file);
            b.name(root.has("name") ? text(root.get("name"), "name") : defaultName);
            ObjectNode base = base(root, b);
            SearchSpace space = search(root.get("search"), base);
            b.search(space);
            String sampler = sampler(root.get("sampler"), b, space);
            b.pruner(pruner(root.get("pruner")));
            if (root.has("trials")) {
                int n = integer(root.get("trials"), "trials");
                if (n < 1) {
                    throw study.error("trials", "must be at least 1, got " + n, null);
                }
                b.trials(n);
            }
            if (root.has("seed")) {
                JsonNode s = root.get("seed");
                if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                    throw study.error("seed", "expected a whole number, got " + show(s), null);
                }
                b.seed(s.asLong());
            }
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw study.error(sampler.equals("coarse_to_fine") ? "sampler.rounds" : "trials", e.getMessage(), e);
            }
        }

        /** Reads base: (+ overrides:) or config:, validates it, checks the monitor. */
        private ObjectNode base(ObjectNode root, Studies.Builder b) {
            boolean hasBase = root.has("base");
            boolean hasConfig = root.has("config");
            if (hasBase == hasConfig) {
                throw study.error(hasBase ? "config" : null, hasBase
                        ? "give either base: (a training config file) or config: (a training config inline), not both"
                        : "needs a training config: base: FILE (with optional overrides:) or config: {...}", null);
            }
            if (root.has("overrides") && !hasBase) {
                throw study.error("overrides", "overrides go with base: (put the values in config: directly)", null);
            }
            ObjectNode tree;
            Path baseDir;
            if (hasBase) {
                Path f = dir.resolve(text(root.get("base"), "base")).normalize();
                String t;
                try {
                    t = Files.readString(f, StandardCharsets.UTF_8);
                } catch (NoSuchFileException e) {
                    throw study.error("base", "the training config " + f + " does not exist", e);
                } catch (IOException e) {
                    throw study.error("base", "cannot read " + f + ": " + e.getMessage(), e);
                }
                baseFile = Located.read(t, f.toString());
                if (!(baseFile.root() instanceof ObjectNode bt)) {
                    throw study.error("base", "the training config " + f + " is empty or not a map of fields", null);
                }
                baseDir = f.getParent();
                tree = bt;
                if (root.has("overrides")) {
                    overrides = object(root.get("overrides"), "overrides");
                    tree = ConfigPaths.merge(tree, overrides);
                }
            } else {
                inline = true;
                tree = object(root.get("config"), "config");
                baseDir = dir;
            }
            b.base(tree, baseDir);
            if (tree.path("split").path("merge_val").asBoolean(false)) {
                throw configError("split.merge_val", "a study ranks its trials on the validation split, which"
                        + " merge_val trains on: remove it (aug tune --final DIR --train-on train+val trains the"
                        + " best config on train + validation once the study is done)", null);
            }
            validateBase(tree, baseDir);
            try {
                Studies.monitor(tree);
            } catch (IllegalArgumentException e) {
                throw configError("early_stopping.monitor", e.getMessage(), e);
            }
            return tree;
        }

        private void validateBase(ObjectNode tree, Path baseDir) {
            try {
                parseConfig(tree, baseDir);
            } catch (ConfigException e) {
                if (baseFile != null && !(overrides != null && has(overrides, e.path()))) {
                    // The base file's own error, located in that file.
                    configs.parse(baseFile.text(), baseFile.source(), baseDir, defaultName);
                }
                throw configError(e.path(), e.reason(), e);
            }
        }

        /** An error at a path of the training config: in config:, in overrides:, or in the base file. */
        private ConfigException configError(String path, String reason, Throwable cause) {
            if (inline) {
                return study.error(path == null || path.isEmpty() ? "config" : "config." + path, reason, cause);
            }
            if (overrides != null && path != null && has(overrides, path)) {
                return study.error("overrides." + path, reason, cause);
            }
            if (overrides != null) {
                return study.error("overrides", "the base config with these overrides is invalid: "
                        + (path == null ? "" : path + ": ") + reason, cause);
            }
            return baseFile.error(path, reason, cause);
        }

        private SearchSpace search(JsonNode node, ObjectNode base) {
            if (node == null) {
                throw study.error(null, "needs search: the config paths to tune, each with a distribution, e.g."
                        + " optimizer.learning_rate: {log_uniform: [1.0e-4, 1.0e-1]}", null);
            }
            ObjectNode entries = object(node, "search");
            if (entries.isEmpty()) {
                throw study.error("search", "names no parameter to tune", null);
            }
            SearchSpace.Builder space = SearchSpace.builder();
            Iterator<Map.Entry<String, JsonNode>> it = entries.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = e.getKey();
                String at = "search." + path;
                try {
                    ConfigPaths.parse(path);
                } catch (IllegalArgumentException x) {
                    throw study.error(at, x.getMessage(), x);
                }
                Distribution d = distribution(e.getValue(), at);
                probe(base, path, d, at);
                space.add(path, d);
            }
            return space.build();
        }

        private Distribution distribution(JsonNode node, String at) {
            if (!(node instanceof ObjectNode obj) || obj.size() != 1) {
                throw study.error(at, "expected one distribution, e.g. {log_uniform: [1.0e-4, 1.0e-1]}; one of "
                        + String.join(", ", DISTRIBUTIONS) + ", got " + show(node), null);
            }
            String kind = obj.fieldNames().next();
            String where = at + "." + kind;
            if (!DISTRIBUTIONS.contains(kind)) {
                throw study.error(where, "unknown distribution '" + kind + "'" + guess(kind, DISTRIBUTIONS)
                        + " Distributions: " + String.join(", ", DISTRIBUTIONS), null);
            }
            JsonNode args = obj.get(kind);
            if (!args.isArray()) {
                throw study.error(where, "expected a list, e.g. " + kind + ": " + example(kind) + ", got " + show(args),
                        null);
            }
            try {
                return switch (kind) {
                    case "log_uniform" -> new Distribution.LogUniform(number(args, 0, where), number(args, 1, where));
                    case "uniform" -> new Distribution.Uniform(number(args, 0, where), number(args, 1, where));
                    case "one_minus_log" -> new Distribution.OneMinusLog(number(args, 0, where), number(args, 1, where));
                    case "int" -> new Distribution.IntUniform(whole(args, 0, where), whole(args, 1, where));
                    case "int_log" -> new Distribution.IntLog(whole(args, 0, where), whole(args, 1, where));
                    case "choice" -> new Distribution.Choice(scalars(args, where));
                    default -> new Distribution.Grid(scalars(args, where));
                };
            } catch (IllegalArgumentException x) {
                throw study.error(where, x.getMessage(), x);
            }
        }

        private double number(JsonNode args, int i, String where) {
            pair(args, where);
            JsonNode v = args.get(i);
            if (!v.isNumber()) {
                throw study.error(where + "[" + i + "]", "expected a number, got " + show(v), null);
            }
            return v.asDouble();
        }

        private int whole(JsonNode args, int i, String where) {
            pair(args, where);
            JsonNode v = args.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw study.error(where + "[" + i + "]", "expected a whole number, got " + show(v), null);
            }
            return v.asInt();
        }

        private void pair(JsonNode args, String where) {
            if (args.size() != 2) {
                throw study.error(where, "expected a range [low, high] of two values, got " + args.size()
                        + " value(s)", null);
            }
        }

        private List<Object> scalars(JsonNode args, String where) {
            if (args.isEmpty()) {
                throw study.error(where, "needs at least one value", null);
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                JsonNode v = args.get(i);
                Object o;
                if (v.isInt()) {
                    o = v.intValue();
                } else if (v.isFloatingPointNumber()) {
                    o = v.doubleValue();
                } else if (v.isTextual()) {
                    o = v.textValue();
                } else if (v.isBoolean()) {
                    o = v.booleanValue();
                } else {
                    throw study.error(where + "[" + i + "]", "expected a number (an int at most " + Integer.MAX_VALUE
                            + "), a text or true/false, got " + show(v), null);
                }
                out.add(o);
            }
            return out;
        }

        /** Sets each probe value into the base and validates the result as a training config. */
        private void probe(ObjectNode base, String path, Distribution d, String at) {
            Path baseDir = baseFile == null ? dir : Path.of(baseFile.source()).getParent();
            for (Object v : d.probes()) {
                ObjectNode tree;
                try {
                    tree = ConfigPaths.apply(base, Map.of(path, v));
                } catch (IllegalArgumentException x) {
                    throw study.error(at, x.getMessage(), x);
                }
                try {
                    parseConfig(tree, baseDir);
                } catch (ConfigException x) {
                    String reason = x.reason();
                    if (reason.startsWith("unknown field")) {
                        throw study.error(at, "not a field of the training config: " + reason, x);
                    }
                    if (reason.contains("expected a whole number") && v instanceof Double) {
                        reason += " (" + d.name() + " gives decimals: use int or int_log for this field)";
                    }
                    String field = x.path() == null || x.path().equals(path) ? "" : " (" + x.path() + ")";
                    throw study.error(at, "the value " + show(v) + " does not fit the training config" + field + ": "
                            + reason, x);
                }
            }
        }

        private String sampler(JsonNode node, Studies.Builder b, SearchSpace space) {
            String type = "random";
            ObjectNode obj = null;
            if (node != null) {
                if (node.isTextual()) {
                    type = node.asText();
                } else {
                    obj = object(node, "sampler");
                    checkFields(obj, "sampler", List.of("type", "rounds", "top_k"));
                    type = obj.has("type") ? text(obj.get("type"), "sampler.type") : "random";
                }
            }
            String at = obj == null ? "sampler" : "sampler.type";
            if (!SAMPLERS.contains(type)) {
                throw study.error(at, "unknown sampler '" + type + "'" + guess(type, SAMPLERS) + " Samplers: "
                        + String.join(", ", SAMPLERS), null);
            }
            boolean c2f = type.equals("coarse_to_fine");
            if (obj != null && !c2f) {
                for (String f : List.of("rounds", "top_k")) {
                    if (obj.has(f)) {
                        throw study.error("sampler." + f, "only the coarse_to_fine sampler has " + f, null);
                    }
                }
            }
            for (Map.Entry<String, Distribution> e : space.entries().entrySet()) {
                boolean grid = e.getValue() instanceof Distribution.Grid;
                if (type.equals("grid") && !grid) {
                    throw study.error("search." + e.getKey(), "the grid sampler needs explicit values here: write"
                            + " {grid: [...]} instead of " + e.getValue().name(), null);
                }
                if (!type.equals("grid") && grid) {
                    throw study.error("search." + e.getKey(), "grid values need sampler: {type: grid}; for a random"
                            + " pick among values use choice", null);
                }
            }
            switch (type) {
                case "grid" -> b.grid();
                case "coarse_to_fine" -> {
                    int rounds = obj != null && obj.has("rounds") ? integer(obj.get("rounds"), "sampler.rounds") : 3;
                    int topK = obj != null && obj.has("top_k") ? integer(obj.get("top_k"), "sampler.top_k") : 3;
                    if (rounds < 1) {
                        throw study.error("sampler.rounds", "must be at least 1, got " + rounds, null);
                    }
                    if (topK < 1) {
                        throw study.error("sampler.top_k", "must be at least 1, got " + topK, null);
                    }
                    b.coarseToFine(rounds, topK);
                }
                default -> b.random();
            }
            return type;
        }

        private Pruner pruner(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            String type;
            ObjectNode obj = null;
            if (node.isTextual()) {
                type = node.asText();
            } else {
                obj = object(node, "pruner");
                if (!obj.has("type")) {
                    throw study.error("pruner", "needs type: one of " + String.join(", ", PRUNERS), null);
                }
                type = text(obj.get("type"), "pruner.type");
            }
            String at = obj == null ? "pruner" : "pruner.type";
            if (!PRUNERS.contains(type)) {
                throw study.error(at, "unknown pruner '" + type + "'" + guess(type, PRUNERS) + " Pruners: "
                        + String.join(", ", PRUNERS), null);
            }
            List<String> fields = switch (type) {
                case "asha" -> List.of("type", "min_epochs", "reduction_factor");
                case "median" -> List.of("type", "startup_trials", "warmup_epochs");
                default -> List.of("type");
            };
            if (obj != null) {
                checkFields(obj, "pruner", fields);
            }
            return switch (type) {
                case "asha" -> new AshaPruner(opt(obj, "min_epochs", 1, 1), opt(obj, "reduction_factor", 3, 2));
                case "median" -> new MedianPruner(opt(obj, "startup_trials", 5, 0), opt(obj, "warmup_epochs", 0, 0));
                default -> null;
            };
        }

        private int opt(ObjectNode obj, String field, int dflt, int min) {
            if (obj == null || !obj.has(field)) {
                return dflt;
            }
            int v = integer(obj.get(field), "pruner." + field);
            if (v < min) {
                throw study.error("pruner." + field, "must be at least " + min + ", got " + v, null);
            }
            return v;
        }

        private void checkFields(ObjectNode obj, String at, List<String> known) {
            Iterator<String> names = obj.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!known.contains(n)) {
                    String p = at.isEmpty() ? n : at + "." + n;
                    throw study.error(p, "unknown field '" + n + "' in " + (at.isEmpty() ? "the study" : at)
                            + guess(n, known) + " Valid fields: " + String.join(", ", new TreeSet<>(known)), null);
                }
            }
        }

        private ObjectNode object(JsonNode node, String at) {
            if (!(node instanceof ObjectNode o)) {
                throw study.error(at, "expected a map of fields, got " + show(node), null);
            }
            return o;
        }

        private String text(JsonNode node, String at) {
            if (!node.isTextual()) {
                throw study.error(at, "expected a text value, got " + show(node), null);
            }
            return node.asText();
        }

        private int integer(JsonNode node, String at) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw study.error(at, "expected a whole number, got " + show(node), null);
            }
            return node.asInt();
        }

        private void parseConfig(ObjectNode tree, Path baseDir) {
            // Checked as a trial sees it: no trial reads the test files, so a study runs before
            // they exist (aug tune --final and aug train check them).
            ObjectNode trial = tree.deepCopy();
            StudyConfigs.removeTestFiles(trial);
            try {
                configs.parse(JSON.writeValueAsString(trial), file.toString(), baseDir, defaultName);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a config tree", e);
            }
        }
    }

    /** @return whether {@code tree} holds something at {@code path} */
    private static boolean has(JsonNode tree, String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        List<Object> segs;
        try {
            segs = ConfigPaths.parse(path);
        } catch (IllegalArgumentException e) {
            return false;
        }
        JsonNode n = tree;
        for (Object s : segs) {
            n = s instanceof String f ? n.get(f) : n.get((Integer) s);
            if (n == null) {
                return false;
            }
        }
        return true;
    }

    private static String guess(String wanted, List<String> known) {
        return Names.nearest(wanted, known).stream().findFirst().map(g -> "; did you mean '" + g + "'?").orElse(".");
    }

    private static String show(Object v) {
        if (v instanceof JsonNode n) {
            if (n.isTextual()) {
                return "'" + n.asText() + "' (text)";
            }
            if (n.isContainerNode()) {
                return n.isArray() ? "a list" : "a map";
            }
            return n.toString();
        }
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private static String example(String kind) {
        return switch (kind) {
            case "int", "int_log" -> "[32, 512]";
            case "choice", "grid" -> "[adam, sgd]";
            case "one_minus_log" -> "[0.9, 0.999]";
            default -> "[1.0e-4, 1.0e-1]";
        };
    }
}
