package io.augment4j.api.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.augment4j.api.io.AtomicFiles;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.OneOf;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.pipeline.Sequence;
import io.augment4j.api.pipeline.SomeOf;
import io.augment4j.api.pipeline.Step;
import io.augment4j.api.registry.TransformRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes pipeline specs as YAML or JSON (same tree, either syntax). The format, version 1:
 *
 * <pre>
 * version: 1          # optional
 * seed: 42            # optional, default 0
 * p: 1.0              # optional: probability of applying the whole pipeline
 * targets:            # optional: how boxes and keypoints are filtered after each step
 *   min_visibility: 0.3          # also clip, min_area, min_width, min_height,
 *   keypoints_outside: drop      # drop, keep or clamp
 *   flip_swap: {left_eye: right_eye}   # labels swapped by flips
 * transforms:         # the steps, applied in order
 *   - transform: hflip          # a transform step: its name ...
 *     p: 0.5                    # ... its probability (default 1) ...
 *   - transform: rotate
 *     limit: 15                 # ... and its parameters, by name
 *   - one_of:                   # exactly one of these, by weight (default equal)
 *       weights: [2, 1]
 *       transforms:
 *         - {transform: gaussian_blur}
 *         - {transform: motion_blur}
 *   - some_of:                  # n distinct steps drawn at random, applied in listed order
 *       n: 2
 *       p: 0.8
 *       transforms: [...]
 *   - sequence:                 # a nested group, e.g. to give several steps one p
 *       p: 0.3
 *       transforms: [...]
 * </pre>
 *
 * Every error names the file, line, column and node path. Saving writes exactly the tree that was read:
 * {@code read(write(spec))} equals {@code spec}. {@link InlineSpecs} reads and writes the same trees on one line.
 */
public final class Specs {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private Specs() {
    }

    /** Parses a YAML or JSON spec, checking its structure (not the transform names or parameters). */
    public static PipelineSpec parse(String text, String sourceName) {
        return parse(text, sourceName, null);
    }

    /**
     * Parses a YAML or JSON spec and, when {@code registry} is given, checks every transform name and parameter
     * against it, so errors carry the offending line.
     */
    public static PipelineSpec parse(String text, String sourceName, TransformRegistry registry) {
        return new SpecReader(sourceName, registry).read(LocatedParser.parse(text, sourceName));
    }

    /** Reads a spec file (structure only). */
    public static PipelineSpec read(Path file) {
        return read(file, null);
    }

    /** Reads a spec file and validates it against {@code registry} (may be null). */
    public static PipelineSpec read(Path file, TransformRegistry registry) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException(file.toString(), -1, -1, null, "spec file does not exist", e);
        } catch (IOException e) {
            throw new SpecException(file.toString(), -1, -1, null, "cannot read spec file: " + e.getMessage(), e);
        }
        return parse(text, file.toString(), registry);
    }

    /** The spec as YAML. */
    public static String toYaml(PipelineSpec spec) {
        return write(YAML, spec);
    }

    /** The spec as pretty-printed JSON. */
    public static String toJson(PipelineSpec spec) {
        return write(JSON, spec);
    }

    /** Writes the spec to {@code file} (JSON for {@code .json}, YAML otherwise), atomically: all or nothing. */
    public static void write(PipelineSpec spec, Path file) {
        String text = file.getFileName().toString().toLowerCase().endsWith(".json") ? toJson(spec) : toYaml(spec);
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spec to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The spec as a plain tree of maps, lists and scalars, as written to YAML/JSON. */
    public static Map<String, Object> toTree(PipelineSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", SpecReader.VERSION);
        if (spec.seed() != null) {
            m.put("seed", spec.seed());
        }
        if (spec.root().p() != 1.0) {
            m.put("p", spec.root().p());
        }
        Map<String, Object> targets = TargetsTree.toTree(spec.targets());
        if (!targets.isEmpty()) {
            m.put("targets", targets);
        }
        m.put("transforms", trees(spec.root().steps()));
        return m;
    }

    private static List<Object> trees(List<Node> nodes) {
        List<Object> out = new ArrayList<>();
        for (Node n : nodes) {
            out.add(tree(n));
        }
        return out;
    }

    private static Map<String, Object> tree(Node n) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (n instanceof Step s) {
            m.put("transform", s.transform());
            if (s.p() != 1.0) {
                m.put("p", s.p());
            }
            m.putAll(s.params());
            return m;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String kind;
        List<Node> steps;
        if (n instanceof OneOf o) {
            kind = "one_of";
            steps = o.steps();
            if (o.weights() != null) {
                body.put("weights", o.weights());
            }
        } else if (n instanceof SomeOf s) {
            kind = "some_of";
            steps = s.steps();
            body.put("n", s.n());
        } else {
            kind = "sequence";
            steps = ((Sequence) n).steps();
        }
        if (n.p() != 1.0) {
            body.put("p", n.p());
        }
        body.put("transforms", trees(steps));
        m.put(kind, body);
        return m;
    }

    private static String write(ObjectMapper mapper, PipelineSpec spec) {
        try {
            return mapper.writeValueAsString(toTree(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize spec: " + e.getMessage(), e);
        }
    }
}
