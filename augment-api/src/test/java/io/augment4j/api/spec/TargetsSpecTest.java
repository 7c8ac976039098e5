package io.augment4j.api.spec;

import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.targets.TargetOptions;
import io.augment4j.api.targets.TargetOptions.KeypointsOutside;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetsSpecTest {
    @Test
    void targetsAreReadAndWrittenBack() {
        String yaml = """
                seed: 3
                targets:
                  clip: false
                  min_area: 4
                  min_visibility: 0.3
                  min_width: 1.5
                  min_height: 2
                  keypoints_outside: clamp
                  flip_swap: {left_eye: right_eye, left_ear: right_ear}
                transforms:
                  - transform: hflip
                """;
        PipelineSpec spec = Specs.parse(yaml, "t.yaml");
        assertEquals(new TargetOptions(false, 4, 0.3, 1.5, 2, KeypointsOutside.CLAMP,
                Map.of("left_eye", "right_eye", "left_ear", "right_ear")), spec.targets());
        assertEquals(spec, Specs.parse(Specs.toYaml(spec), "again.yaml"));
        assertEquals(spec, Specs.parse(Specs.toJson(spec), "again.json"));
        PipelineSpec plain = Specs.parse("transforms: [{transform: hflip}]", "p.yaml");
        assertEquals(TargetOptions.DEFAULT, plain.targets());
        assertFalse(Specs.toYaml(plain).contains("targets"), "defaults are not written");
    }

    @Test
    void theInlineSyntaxRefusesTargetsItCannotWrite() {
        PipelineSpec spec = Specs.parse("targets: {min_area: 3}\ntransforms: [{transform: hflip}]", "t.yaml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InlineSpecs.format(spec));
        assertTrue(e.getMessage().contains("'targets:'"), e.getMessage());
    }

    @Test
    void badTargetsAreLocatedErrors() {
        SpecException e = assertThrows(SpecException.class, () -> Specs.parse("""
                targets:
                  min_visibilty: 0.3
                transforms: []
                """, "t.yaml"));
        assertTrue(e.getMessage().startsWith("t.yaml:2:")
                && e.getMessage().contains("did you mean 'min_visibility'"), e.getMessage());
        e = assertThrows(SpecException.class, () -> Specs.parse("""
                targets: {min_visibility: 1.5}
                transforms: []
                """, "t.yaml"));
        assertTrue(e.getMessage().contains("targets.min_visibility must be a number in [0, 1], got 1.5"),
                e.getMessage());
        e = assertThrows(SpecException.class, () -> Specs.parse("""
                targets: {keypoints_outside: wrap}
                transforms: []
                """, "t.yaml"));
        assertTrue(e.getMessage().contains("[drop, keep, clamp]"), e.getMessage());
    }
}
