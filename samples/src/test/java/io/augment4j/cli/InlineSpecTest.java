package io.augment4j.cli;

import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.pipeline.Step;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.SpecException;
import io.augment4j.api.spec.Specs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InlineSpecTest {
    private static final TransformRegistry REGISTRY = TransformRegistry.discover();

    @Test
    void parsesStepsParamsAndValues() {
        PipelineSpec s = InlineSpec.parse(
                " hflip(p=0.5) | rotate( limit = [-10, 20.5], border=constant, fill=[1,2,3] ) | vflip | x.y(flag=true, n=-3, w='a b')",
                null);
        List<?> steps = s.root().steps();
        assertEquals(4, steps.size());
        assertEquals(new Step("hflip", Map.of(), 0.5), steps.get(0));
        Step rotate = (Step) steps.get(1);
        assertEquals(List.of(-10, 20.5), rotate.params().get("limit"));
        assertEquals("constant", rotate.params().get("border"));
        assertEquals(List.of(1, 2, 3), rotate.params().get("fill"));
        assertEquals(1.0, rotate.p());
        assertEquals(new Step("vflip", Map.of(), 1.0), steps.get(2));
        Step custom = (Step) steps.get(3);
        assertEquals(true, custom.params().get("flag"));
        assertEquals(-3, custom.params().get("n"));
        assertEquals("a b", custom.params().get("w"));
    }

    @Test
    void equalsTheYamlForm() {
        PipelineSpec inline = InlineSpec.parse("hflip(p=0.5) | rotate(limit=15, p=0.8) | invert", REGISTRY);
        PipelineSpec yaml = Specs.parse("""
                transforms:
                  - {transform: hflip, p: 0.5}
                  - {transform: rotate, limit: 15, p: 0.8}
                  - {transform: invert}
                """, "t.yaml", REGISTRY);
        assertEquals(yaml, inline);
    }

    @Test
    void syntaxErrorsPointAtTheColumn() {
        SpecException e = assertThrows(SpecException.class, () -> InlineSpec.parse("hflip(p=0.5 | vflip", null));
        assertEquals(13, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("inline spec:1:13"), e.getMessage());
        assertTrue(e.getMessage().contains("^"));
        assertThrows(SpecException.class, () -> InlineSpec.parse("hflip |", null));
        assertThrows(SpecException.class, () -> InlineSpec.parse("rotate(limit)", null));
        assertThrows(SpecException.class, () -> InlineSpec.parse("rotate(limit=[1, 2)", null));
        assertThrows(SpecException.class, () -> InlineSpec.parse("hflip(p=2)", null));
        assertThrows(SpecException.class, () -> InlineSpec.parse("hflip(p=0.1, p=0.2)", null));
    }

    @Test
    void emptySpecIsAClearError() {
        SpecException e = assertThrows(SpecException.class, () -> InlineSpec.parse("   ", null));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void validatesAgainstTheRegistry() {
        SpecException unknown = assertThrows(SpecException.class, () -> InlineSpec.parse("hflip | rotat(limit=3)", REGISTRY));
        assertTrue(unknown.getMessage().contains("unknown transform 'rotat'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("rotate"), unknown.getMessage());
        assertEquals(9, unknown.column());
        SpecException range = assertThrows(SpecException.class, () -> InlineSpec.parse("rotate(limit=1000)", REGISTRY));
        assertTrue(range.getMessage().contains("'limit'"), range.getMessage());
        assertEquals(14, range.column());
    }

    @Test
    void looksInlineHeuristic() {
        assertTrue(InlineSpec.looksInline("hflip"));
        assertTrue(InlineSpec.looksInline("hflip(p=0.5) | vflip"));
        assertFalse(InlineSpec.looksInline("specs/demo.yaml"));
        assertFalse(InlineSpec.looksInline("x.json"));
    }
}
