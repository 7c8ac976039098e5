package io.augment4j.api.spec;

import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.testing.TestTransforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecsTest {
    private final TransformRegistry registry = TransformRegistry.discover();

    private static final String YAML = """
            # a comment
            version: 1
            seed: 42
            p: 0.9
            transforms:
              - transform: test_hflip
                p: 0.5
              - transform: add_offset
                offset: [-10, 25]
                per_channel: true
              - one_of:
                  weights: [2, 1]
                  transforms:
                    - {transform: add_offset, offset: 5}
                    - transform: test_hflip
              - some_of:
                  n: 1
                  p: 0.75
                  transforms:
                    - transform: test_hflip
                    - sequence:
                        p: 0.3
                        transforms:
                          - transform: add_offset
            """;

    private static PipelineSpec sampleSpec() {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put("offset", List.of(-10, 25));
        offset.put("per_channel", true);
        return new PipelineSpec(new io.augment4j.api.pipeline.Sequence(List.of(
                Node.step("test_hflip").withP(0.5),
                Node.step("add_offset", offset),
                Node.oneOf(new double[] {2, 1}, Node.step("add_offset", Map.of("offset", 5)), Node.step("test_hflip")),
                Node.someOf(1, Node.step("test_hflip"), Node.sequence(Node.step("add_offset")).withP(0.3)).withP(0.75)),
                0.9), 42L);
    }

    @Test
    void yamlReadsIntoTheSameTreeAsCode() {
        assertEquals(sampleSpec(), Specs.parse(YAML, "pipeline.yaml", registry));
    }

    @Test
    void loadOfSaveIsTheIdentityInYamlAndJson() {
        PipelineSpec spec = sampleSpec();
        String yaml = Specs.toYaml(spec);
        String json = Specs.toJson(spec);
        assertEquals(spec, Specs.parse(yaml, "a.yaml"), yaml);
        assertEquals(spec, Specs.parse(json, "a.json"), json);
        assertEquals(yaml, Specs.toYaml(Specs.parse(yaml, "a.yaml")));
        assertTrue(json.trim().startsWith("{"));
    }

    @Test
    void roundTripKeepsValueTypesSoNothingIsSilentlyChanged() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("text_number", "15");
        params.put("text_bool", "true");
        params.put("int", 15);
        params.put("double", 15.0);
        params.put("tiny", 1e-7);
        params.put("long", 1L << 40);
        params.put("list", List.of(1, 2.5, "x"));
        PipelineSpec spec = PipelineSpec.of(Node.step("anything", params));
        assertEquals(spec, Specs.parse(Specs.toYaml(spec), "y"));
        assertEquals(spec, Specs.parse(Specs.toJson(spec), "j"));
    }

    @Test
    void aSavedAndReloadedPipelineBehavesIdentically(@TempDir Path dir) {
        Pipeline original = Pipeline.compile(sampleSpec(), registry);
        Path file = dir.resolve("p.yaml");
        Specs.write(original.spec(), file);
        Pipeline reloaded = Pipeline.load(file, registry);
        assertEquals(original.spec(), reloaded.spec());
        Sample in = Sample.of(TestTransforms.randomImage(6, 6, 3, 3));
        for (int i = 0; i < 100; i++) {
            assertEquals(original.apply(in, i), reloaded.apply(in, i));
        }
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        Specs.write(sampleSpec(), file);
        Specs.write(sampleSpec().withSeed(1L), file);
        assertEquals(List.of(file), Files.list(dir).toList());
        assertEquals(1L, Specs.read(file).seed());
    }

    private SpecException fails(String text) {
        return assertThrows(SpecException.class, () -> Specs.parse(text, "bad.yaml", registry));
    }

    @Test
    void errorsCarryFileLineColumnAndPath() {
        SpecException e = fails("""
                transforms:
                  - transform: test_hflip
                  - transform: add_offset
                    offset: 400
                """);
        assertEquals(4, e.line());
        assertEquals("transforms[1].offset", e.path());
        assertTrue(e.getMessage().startsWith("bad.yaml:4:13 (transforms[1].offset): transform 'add_offset': "
                + "parameter 'offset' = 400 is out of range"), e.getMessage());

        e = fails("transforms:\n  - transform: add_ofset\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("unknown transform 'add_ofset'; did you mean add_offset?"), e.getMessage());

        e = fails("transforms:\n  - transform: add_offset\n    ofset: 3\n");
        assertTrue(e.getMessage().contains("parameter 'ofset' is not a parameter of this transform; did you mean offset?"),
                e.getMessage());
        assertEquals(3, e.line());
    }

    @Test
    void structuralErrorsAreLocatedToo() {
        assertEquals("the spec is empty; it needs at least 'transforms: [...]'", fails("").reason());
        assertEquals("the spec is empty; it needs at least 'transforms: [...]'", fails("# only a comment\n").reason());
        SpecException e = fails("transforms: [{transform: test_hflip}]\nseeed: 3\n");
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("unknown key 'seeed'; did you mean 'seed'?"), e.reason());
        e = fails("transforms:\n  - transform: test_hflip\n    p: 1.5\n");
        assertEquals("transforms[0].p", e.path());
        assertTrue(e.reason().contains("p must be a probability in [0, 1], got 1.5"), e.reason());
        e = fails("transforms:\n  - one_of:\n      weights: [1]\n      transforms: [{transform: test_hflip}, {transform: test_hflip}]\n");
        assertTrue(e.reason().contains("2 steps but 1 weights"), e.reason());
        e = fails("transforms:\n  - some_of:\n      transforms: [{transform: test_hflip}]\n");
        assertTrue(e.reason().contains("some_of needs 'n'"), e.reason());
        e = fails("transforms:\n  - tranform: test_hflip\n");
        assertTrue(e.reason().contains("did you mean 'transform'?"), e.reason());
        e = fails("transforms:\n  - transform: a\n  - transform: b\n    x: [1, 2\n");
        assertTrue(e.reason().startsWith("not valid YAML"), e.reason());
        assertTrue(e.line() >= 4, "line " + e.line());
        e = fails("{\"transforms\": [}");
        assertTrue(e.reason().startsWith("not valid JSON"), e.reason());
        e = fails("transforms: []\ntransforms: []\n");
        assertTrue(e.reason().contains("appears twice"), e.reason());
        e = fails("version: 2\ntransforms: []\n");
        assertTrue(e.reason().contains("spec version 2 is not supported"), e.reason());
        e = fails("- transform: hflip\n");
        assertTrue(e.reason().contains("a spec must be a map"), e.reason());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        SpecException e = assertThrows(SpecException.class, () -> Specs.read(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("nope.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
