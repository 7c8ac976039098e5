package io.augment4j.trainer.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.Names;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.SpecException;
import io.augment4j.api.spec.Specs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Reads a training config (YAML, or JSON when the text starts with '{') into a {@link TrainConfig}.
 *
 * <p>Strict: an unknown field, a value of the wrong type, a float where a whole number belongs,
 * a duplicate key or a value out of range is a {@link ConfigException} whose message names the
 * file, line and field path, e.g. {@code train.yaml:14:7 (optimizer.learning_rat): unknown field
 * 'learning_rat' in optimizer; did you mean 'learning_rate'?}. Data files and the split file must
 * exist; the augmentation spec is parsed and checked against the transform registry here, so a
 * typo in a transform name fails before any data is loaded.
 *
 * <p>Relative paths are resolved against the config file's folder; the returned config holds
 * absolute paths and the augmentation spec inline, so it can be saved into the run folder and
 * reused by {@code --resume} on its own.
 *
 * <p>The loader checks transform names against the registry its caller gives it (e.g. the
 * {@code aug} CLI's, which includes the {@code --plugins} folders); it never discovers one itself.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = configure(YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build()).build());
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());

    private final TransformRegistry registry;

    /**
     * @param registry the transforms augmentation specs may use (the caller's: class path, plugin
     *     folders)
     */
    public ConfigLoader(TransformRegistry registry) {
        this.registry = java.util.Objects.requireNonNull(registry, "registry");
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ObjectMapper configure(ObjectMapper m) {
        SimpleModule lowerEnums = new SimpleModule();
        lowerEnums.addSerializer(Enum.class, new StdSerializer<Enum>(Enum.class) {
            @Override
            public void serialize(Enum value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(value.name().toLowerCase(Locale.ROOT));
            }
        });
        return m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .registerModule(lowerEnums)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** @return the registry augmentation specs are checked against */
    public TransformRegistry registry() {
        return registry;
    }

    /**
     * Reads a config file.
     *
     * @param file YAML or JSON
     * @return the config, paths absolute, augmentation inline
     * @throws ConfigException when the file is missing, malformed or invalid
     */
    public TrainConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), -1, -1, null, "config file does not exist", e);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), -1, -1, null, "cannot read: " + e.getMessage(), e);
        }
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return parse(text, file.toString(), file.toAbsolutePath().getParent(), dot > 0 ? base.substring(0, dot) : base);
    }

    /**
     * Parses config text.
     *
     * @param text YAML or JSON
     * @param source name for messages (the file name)
     * @param baseDir folder relative paths are resolved against
     * @param defaultName run name when the config has none
     * @return the config, paths absolute, augmentation inline
     * @throws ConfigException when the text is malformed or invalid
     */
    public TrainConfig parse(String text, String source, Path baseDir, String defaultName) {
        boolean json = text.stripLeading().startsWith("{");
        ObjectMapper mapper = json ? JSON : YAML;
        LineIndex index;
        TrainConfig c;
        try {
            index = LineIndex.build(text, mapper.getFactory());
            c = index.empty() ? null : mapper.readValue(text, TrainConfig.class);
        } catch (JsonMappingException e) {
            throw translate(e, LineIndexOrNull.of(text, mapper.getFactory()), source);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new ConfigException(source, l == null ? -1 : l.getLineNr(), l == null ? -1 : l.getColumnNr(), null,
                    "not valid " + (json ? "JSON" : "YAML") + ": " + clean(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ConfigException(source, -1, -1, null, "cannot read: " + e.getMessage(), e);
        }
        if (c == null) {
            throw new ConfigException(source, -1, -1, null,
                    "the config is empty; it needs at least 'data:' and 'model:' (see trainer/CONFIG.md)", null);
        }
        if (c.name() == null) {
            c = c.withName(defaultName);
        }
        return new Resolver(source, index, baseDir, registry).resolve(c);
    }

    /** Resolves paths, checks files exist, reads the augmentation spec. */
    private record Resolver(String source, LineIndex index, Path baseDir, TransformRegistry registry) {

        TrainConfig resolve(TrainConfig c) {
            DataConfig d = c.data();
            DataConfig data = new DataConfig(d.type(), file(d.trainImages(), "data.train_images"),
                    file(d.trainLabels(), "data.train_labels"), file(d.testImages(), "data.test_images"),
                    file(d.testLabels(), "data.test_labels"), dir(d.root(), "data.root"),
                    dir(d.testRoot(), "data.test_root"), d.height(), d.width(), d.channels(), d.classNames(),
                    d.limit(), d.testLimit());
            SplitConfig s = c.split();
            SplitConfig split = new SplitConfig(s.val(), s.test(), s.valSize(), s.testSize(), s.seed(),
                    file(s.file(), "split.file"), s.mergeVal());
            return c.withResolved(data, augmentation(c.augmentation()), split);
        }

        private String file(String p, String path) {
            if (p == null) {
                return null;
            }
            Path f = baseDir.resolve(p).normalize();
            if (!Files.isRegularFile(f)) {
                String hint = f.toString().startsWith("/usr/share/datasets/")
                        ? " (Debian datasets: sudo apt-get install dataset-fashion-mnist; dpkg -L shows the files)"
                        : "";
                throw error(path, "file " + f + " does not exist" + hint, null);
            }
            return f.toString();
        }

        private String dir(String p, String path) {
            if (p == null) {
                return null;
            }
            Path f = baseDir.resolve(p).normalize();
            if (!Files.isDirectory(f)) {
                throw error(path, "folder " + f + " does not exist", null);
            }
            return f.toString();
        }

        private JsonNode augmentation(JsonNode a) {
            if (a == null) {
                return null;
            }
            PipelineSpec spec;
            if (a.isTextual()) {
                Path f = baseDir.resolve(a.asText()).normalize();
                try {
                    spec = Specs.read(f, registry);
                } catch (SpecException e) {
                    throw error("augmentation", "in the spec file: " + e.getMessage(), e);
                }
            } else if (a.isObject()) {
                try {
                    spec = Specs.parse(JSON.writeValueAsString(a), source, registry);
                } catch (SpecException e) {
                    String p = e.path() == null || e.path().isEmpty() ? "augmentation" : "augmentation." + e.path();
                    throw error(p, e.reason(), e);
                } catch (JsonProcessingException e) {
                    throw error("augmentation", e.getOriginalMessage(), e);
                }
            } else {
                throw error("augmentation", "must be an augment spec (a map with 'transforms: [...]') or the path"
                        + " of a spec file, got " + a.getNodeType().name().toLowerCase(Locale.ROOT), null);
            }
            if (spec.seed() != null) {
                throw error(a.isObject() ? "augmentation.seed" : "augmentation", (a.isObject() ? "the spec"
                        : "the spec file " + baseDir.resolve(a.asText()).normalize()) + " sets seed: " + spec.seed()
                        + ", but in training each example's augmentation is drawn from the run's seed, the epoch"
                        + " and the example, so a spec seed would be ignored: remove it (the run's 'seed:' changes"
                        + " the augmentations)", null);
            }
            return JSON.valueToTree(Specs.toTree(spec));
        }

        private ConfigException error(String path, String reason, Throwable cause) {
            int[] l = index.locate(path);
            return new ConfigException(source, l == null ? -1 : l[0], l == null ? -1 : l[1], path, reason, cause);
        }
    }

    /** Index built lazily for error messages (the text may be partly valid). */
    private static final class LineIndexOrNull {
        static LineIndex of(String text, JsonFactory f) {
            try {
                return LineIndex.build(text, f);
            } catch (IOException e) {
                return null;
            }
        }
    }

    private static ConfigException translate(JsonMappingException e, LineIndex index, String source) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() > 0 ? "." : "").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String p = path.toString();
        String reason;
        if (e instanceof UnrecognizedPropertyException u) {
            String section = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "the top level";
            List<String> known = new ArrayList<>();
            for (Object o : u.getKnownPropertyIds()) {
                known.add(String.valueOf(o));
            }
            known.sort(null);
            String guess = Names.nearest(u.getPropertyName(), known).stream().findFirst().orElse(null);
            reason = "unknown field '" + u.getPropertyName() + "' in " + section
                    + (guess != null ? "; did you mean '" + guess + "'?" : "") + " Valid fields: "
                    + String.join(", ", known);
        } else if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            while (cause != null && !(cause instanceof InvalidField) && cause.getCause() != null
                    && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof InvalidField f) {
                p = p.isEmpty() ? f.field() : p + "." + f.field();
                reason = f.getMessage();
            } else {
                reason = cause == null ? clean(e.getOriginalMessage()) : cause.getMessage();
            }
        } else if (e instanceof InvalidFormatException f) {
            reason = "invalid value " + show(f.getValue()) + ": " + expected(f.getTargetType());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            reason = expected(m.getTargetType());
        } else {
            reason = clean(e.getOriginalMessage());
        }
        int[] l = index == null ? null : index.locate(p);
        if (l == null && e.getLocation() != null) {
            l = new int[] {e.getLocation().getLineNr(), e.getLocation().getColumnNr()};
        }
        return new ConfigException(source, l == null ? -1 : l[0], l == null ? -1 : l[1], p, reason, e);
    }

    private static String show(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private static String expected(Class<?> t) {
        if (t.isEnum()) {
            TreeSet<String> names = new TreeSet<>();
            for (Object o : t.getEnumConstants()) {
                names.add(((Enum<?>) o).name().toLowerCase(Locale.ROOT));
            }
            return "expected one of " + String.join(", ", names);
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "expected a whole number";
        }
        if (t == Double.class || t == double.class) {
            return "expected a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "expected true or false";
        }
        if (t == String.class) {
            return "expected a text value";
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "expected a list";
        }
        if (t.isRecord()) {
            return "expected a section (a map of fields: " + String.join(", ",
                    Arrays.stream(t.getRecordComponents()).map(c -> snake(c.getName())).toList()) + ")";
        }
        return "expected a " + t.getSimpleName();
    }

    /** @param camel a Java name @return its snake_case form, as in config files */
    public static String snake(String camel) {
        return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(camel);
    }

    private static String clean(String message) {
        if (message == null) {
            return "syntax error";
        }
        String s = message.replaceAll("\\s*\\(for \\w+ starting at \\[Source:.*?\\]\\)", "")
                .replaceAll("\\s*at \\[Source:.*?\\]", "");
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                sb.append(sb.length() > 0 ? "; " : "").append(line.trim());
            }
        }
        return sb.length() == 0 ? s.trim() : sb.toString();
    }

    /**
     * @param c a config
     * @return it as YAML (snake_case, lower-case enum values), as saved in a run folder
     */
    public static String toYaml(TrainConfig c) {
        try {
            return YAML.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the config as YAML", e);
        }
    }

    /** @param c a config @return it as JSON */
    public static String toJson(TrainConfig c) {
        try {
            return JSON.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the config as JSON", e);
        }
    }

    /**
     * @param c a config
     * @return the augmentation spec, or null when there is none
     */
    public PipelineSpec augmentationSpec(TrainConfig c) {
        if (c.augmentation() == null) {
            return null;
        }
        try {
            return Specs.parse(JSON.writeValueAsString(c.augmentation()), "augmentation", registry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
