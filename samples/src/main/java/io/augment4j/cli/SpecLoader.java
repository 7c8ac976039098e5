package io.augment4j.cli;

import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.InlineSpecs;
import io.augment4j.api.spec.Specs;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/** What {@code --spec} accepts: a YAML/JSON spec file, or an inline spec such as {@code "hflip(p=0.5) | rotate(limit=15)"}. */
public final class SpecLoader {
    private SpecLoader() {
    }

    /**
     * A file when one exists at {@code arg}, or when the argument does not look like inline text
     * ({@link #looksInline}); inline syntax ({@link InlineSpecs}) otherwise. Validated against {@code registry}; errors
     * are {@link io.augment4j.api.spec.SpecException}s naming the file (or "inline spec"), line and column.
     */
    public static PipelineSpec load(String arg, TransformRegistry registry) {
        Path file = null;
        try {
            file = Path.of(arg);
        } catch (InvalidPathException e) {
            // not a file name: inline
        }
        if (file != null && !arg.isBlank() && (Files.isRegularFile(file) || !looksInline(arg))) {
            return Specs.read(file, registry);
        }
        return InlineSpecs.parse(arg, registry);
    }

    /**
     * True when {@code arg} reads as inline text rather than a file name: it does not end in {@code .yaml},
     * {@code .yml} or {@code .json}, and it holds '(' or '|' or is one bare transform name.
     */
    static boolean looksInline(String arg) {
        String t = arg.strip();
        if (t.isEmpty()) {
            return true;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) {
            return false;
        }
        return t.contains("(") || t.contains("|") || t.matches("[a-z][a-z0-9_.]*");
    }
}
