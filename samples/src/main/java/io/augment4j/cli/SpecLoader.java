package io.augment4j.cli;

import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.Specs;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** What {@code --spec} accepts: a YAML/JSON spec file, or an inline spec such as {@code "hflip(p=0.5) | rotate(limit=15)"}. */
public final class SpecLoader {
    private SpecLoader() {
    }

    /**
     * A file when one exists at {@code arg} or the argument ends in {@code .yaml}, {@code .yml} or {@code .json};
     * inline syntax ({@link InlineSpec}) otherwise. Validated against {@code registry}; errors are
     * {@link io.augment4j.api.spec.SpecException}s naming the file (or "inline spec"), line and column.
     */
    public static PipelineSpec load(String arg, TransformRegistry registry) {
        Path file = null;
        try {
            file = Path.of(arg);
        } catch (InvalidPathException e) {
            // not a file name: inline
        }
        if (file != null && !arg.isBlank() && (Files.isRegularFile(file) || !InlineSpec.looksInline(arg))) {
            return Specs.read(file, registry);
        }
        return InlineSpec.parse(arg, registry);
    }
}
