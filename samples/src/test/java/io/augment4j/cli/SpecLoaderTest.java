package io.augment4j.cli;

import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.InlineSpecs;
import io.augment4j.api.spec.SpecException;
import io.augment4j.api.spec.Specs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecLoaderTest {
    private static final TransformRegistry REGISTRY = TransformRegistry.discover();

    @TempDir
    Path dir;

    @Test
    void anInlineSpecWithGroupsEqualsTheSameSpecFile() throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), """
                seed: 7
                transforms:
                  - {transform: hflip, p: 0.5}
                  - one_of:
                      weights: [2, 1]
                      transforms: [{transform: gaussian_blur}, {transform: motion_blur}]
                  - some_of:
                      n: 2
                      transforms: [{transform: brightness}, {transform: contrast}, {transform: rotate, limit: 10}]
                """);
        assertEquals(SpecLoader.load(file.toString(), REGISTRY), SpecLoader.load(
                "pipeline(hflip(p=0.5) | one_of(gaussian_blur, motion_blur, weights=[2, 1])"
                        + " | some_of(2, brightness, contrast, rotate(limit=10)), seed=7)", REGISTRY));
    }

    @Test
    void inlineErrorsNameTheColumn() {
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load("hflip | rotaet(limit=15)", REGISTRY));
        assertTrue(e.getMessage().startsWith("inline spec, column 9: unknown transform 'rotaet'; did you mean rotate?"),
                e.getMessage());
    }

    @Test
    void theReadmeInlineExampleIsItsYamlExample() throws IOException {
        Path readme = Files.isRegularFile(Path.of("README.md")) && Files.exists(Path.of("samples"))
                ? Path.of("README.md") : Path.of("..", "README.md");
        String text = Files.readString(readme);
        String yaml = codeBlockAfter(text, "## Pipeline specs");
        String inline = codeBlockAfter(text, "### Inline syntax");
        assertEquals(Specs.parse(yaml, "README.md", REGISTRY), InlineSpecs.parse(inline, REGISTRY));
    }

    private static String codeBlockAfter(String text, String heading) {
        int at = text.indexOf(heading);
        assertTrue(at >= 0, "README.md has no '" + heading + "'");
        int start = text.indexOf('\n', text.indexOf("```", at)) + 1;
        return text.substring(start, text.indexOf("```", start));
    }

    @Test
    void looksInline() {
        assertTrue(SpecLoader.looksInline("hflip"));
        assertTrue(SpecLoader.looksInline("hflip(p=0.5) | vflip"));
        assertTrue(SpecLoader.looksInline("one_of(hflip, vflip)"));
        assertFalse(SpecLoader.looksInline("specs/demo.yaml"));
        assertFalse(SpecLoader.looksInline("x.json"));
    }
}
