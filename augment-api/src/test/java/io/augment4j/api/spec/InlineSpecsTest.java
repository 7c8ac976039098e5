package io.augment4j.api.spec;

import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.OneOf;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.pipeline.Sequence;
import io.augment4j.api.pipeline.SomeOf;
import io.augment4j.api.pipeline.Step;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.testing.TestTransforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static io.augment4j.api.pipeline.Node.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class InlineSpecsTest {
    private static final TransformRegistry REGISTRY = TransformRegistry.of(new TestTransforms());

    // ---- valid inputs and the trees they make

    static Stream<Arguments> validInputs() {
        Map<String, Object> offsetRange = new LinkedHashMap<>();
        offsetRange.put("offset", List.of(-10, 25));
        offsetRange.put("per_channel", true);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("a", 1);
        values.put("b", -2.5);
        values.put("c", 0.5);
        values.put("d", 0.001);
        values.put("e", true);
        values.put("f", false);
        values.put("g", "reflect");
        values.put("h", "a b");
        values.put("i", "it's");
        values.put("j", List.of());
        values.put("k", List.of(1, List.of(2, 3.0)));
        values.put("l", "15");
        values.put("m", 12345678901L);
        values.put("n", 7);
        values.put("o", "-");
        return Stream.of(
                arguments("test_hflip", PipelineSpec.of(step("test_hflip"))),
                arguments("test_hflip()", PipelineSpec.of(step("test_hflip"))),
                arguments(" test_hflip ( p = 0.5 ) |add_offset(offset=[-10, 25], per_channel=true) ",
                        PipelineSpec.of(step("test_hflip").withP(0.5), step("add_offset", offsetRange))),
                arguments("x.y(a=1, b=-2.5, c=.5, d=1e-3, e=true, f=false, g=reflect, h='a b', i=\"it's\", j=[],"
                                + " k=[1, [2, 3.0]], l='15', m=12345678901, n=+7, o=-)",
                        PipelineSpec.of(step("x.y", values))),
                arguments("one_of(test_hflip, add_offset(offset=5), weights=[2, 1])",
                        PipelineSpec.of(Node.oneOf(new double[] {2, 1}, step("test_hflip"),
                                step("add_offset", Map.of("offset", 5))))),
                arguments("one_of(test_hflip, to_tracked, p=0.5)",
                        PipelineSpec.of(Node.oneOf(step("test_hflip"), step("to_tracked")).withP(0.5))),
                arguments("some_of(2, test_hflip, to_tracked, add_offset, p=0.8)",
                        PipelineSpec.of(Node.someOf(2, step("test_hflip"), step("to_tracked"), step("add_offset"))
                                .withP(0.8))),
                arguments("some_of(test_hflip, to_tracked, n=1)",
                        PipelineSpec.of(Node.someOf(1, step("test_hflip"), step("to_tracked")))),
                arguments("some_of(0)", PipelineSpec.of(Node.someOf(0))),
                arguments("sequence(to_tracked | add_offset, p=0.3) | test_hflip",
                        PipelineSpec.of(Node.sequence(step("to_tracked"), step("add_offset")).withP(0.3),
                                step("test_hflip"))),
                arguments("sequence()", PipelineSpec.of(Node.sequence())),
                arguments("one_of(sequence(test_hflip | to_tracked), some_of(1, add_offset, sequence(to_tracked, p=0.2)))",
                        PipelineSpec.of(Node.oneOf(Node.sequence(step("test_hflip"), step("to_tracked")),
                                Node.someOf(1, step("add_offset"), Node.sequence(step("to_tracked")).withP(0.2))))),
                arguments("pipeline(test_hflip | to_tracked, seed=42, p=0.9)",
                        new PipelineSpec(new Sequence(List.of(step("test_hflip"), step("to_tracked")), 0.9), 42L)),
                arguments("pipeline(seed=-3, test_hflip)", PipelineSpec.of(step("test_hflip")).withSeed(-3L)),
                arguments("pipeline(test_hflip)", PipelineSpec.of(step("test_hflip"))),
                arguments("pipeline(test_hflip, seed=12345678901)",
                        PipelineSpec.of(step("test_hflip")).withSeed(12345678901L)),
                arguments("test_hflip |\n\tto_tracked", PipelineSpec.of(step("test_hflip"), step("to_tracked"))));
    }

    @ParameterizedTest
    @MethodSource("validInputs")
    void validInputsParseToTheseTrees(String text, PipelineSpec expected) {
        PipelineSpec parsed = InlineSpecs.parse(text);
        assertEquals(expected, parsed);
        if (!text.startsWith("x.y")) {
            assertEquals(expected, InlineSpecs.parse(text, REGISTRY));
        }
        assertEquals(expected, InlineSpecs.parse(InlineSpecs.format(parsed)), InlineSpecs.format(parsed));
    }

    @Test
    void valuesKeepTheirJavaTypes() {
        Step s = (Step) InlineSpecs.parse("x(i=3, l=3000000000, d=3.0, w=3x, q='3')").root().steps().get(0);
        assertEquals(Integer.class, s.params().get("i").getClass());
        assertEquals(Long.class, s.params().get("l").getClass());
        assertEquals(Double.class, s.params().get("d").getClass());
        assertEquals("3x", s.params().get("w"));
        assertEquals("3", s.params().get("q"));
    }

    // ---- invalid inputs: column and message

    @ParameterizedTest
    @CsvSource(delimiter = '#', quoteCharacter = '"', textBlock = """
            ""                                                  # 1  # the spec is empty
            "   "                                               # 1  # the spec is empty
            test_hflip | test_hflp                              # 14 # unknown transform 'test_hflp'; did you mean test_hflip?
            test_hflip(p=0.5 | to_tracked                       # 18 # expected ',' or ')' in the parameters of 'test_hflip', found '|'
            add_offset(offset=[1, 2)                            # 24 # expected ',' or ']' in the list, found ')'
            add_offset(offset=[1, 2]                            # 11 # unbalanced '(': it is never closed
            add_offset(offset=[1, 2                             # 19 # unbalanced '[': the list is never closed
            test_hflip) | to_tracked                            # 11 # unbalanced ')'
            add_offset(offset=5 per_channel=true)               # 21 # expected ',' or ')' in the parameters of 'add_offset', found 'per_channel'
            add_offset(ofset=5)                                 # 12 # transform 'add_offset': parameter 'ofset' is not a parameter of this transform; did you mean offset?
            add_offset(offset=[-300, 2])                        # 19 # transform 'add_offset': parameter 'offset' = [-300, 2] is out of range
            add_offset(per_channel=1)                           # 24 # parameter 'per_channel' = 1 (number) is not valid
            needs_all                                           # 1  # transform 'needs_all': parameter 'count' is required
            test_translate(settings=c)                          # 25 # parameter 'settings' = 'c' (text) is not valid
            test_hflip(p=2)                                     # 14 # p must be a probability in [0, 1], got 2
            test_hflip(p=high)                                  # 14 # p must be a probability in [0, 1], got 'high'
            test_hflip(p=0.1, p=0.2)                            # 19 # parameter 'p' of 'test_hflip' is given twice
            test_hflip |                                        # 13 # expected a transform name or a group (sequence, one_of, some_of), found the end of the spec
            test_hflip || to_tracked                            # 13 # expected a transform name or a group (sequence, one_of, some_of), found '|'
            test_hflip to_tracked                               # 12 # expected '|' between steps, found 'to_tracked'
            add_offset(offset)                                  # 12 # expected '=' after parameter 'offset' in the parameters of 'add_offset', found ')'
            add_offset(=5)                                      # 12 # expected name=value in the parameters of 'add_offset', found '='
            add_offset(offset=)                                 # 19 # expected a value (number, true/false, word, 'text' or [list]), found ')'
            add_offset(offset='a                                # 19 # quoted text is never closed
            add_offset(offset=null)                             # 19 # null is not a value here
            add_offset(offset=99999999999999999999)             # 19 # number 99999999999999999999 is too large
            add_offset(offset=1e999)                            # 19 # number 1e999 is too large
            one_of(test_hflip, to_tracked, wieghts=[1, 2])      # 32 # unknown parameter 'wieghts' of one_of; did you mean weights? (one_of takes p, weights)
            one_of(test_hflip, to_tracked, weights=[1])         # 40 # one_of has 2 steps but 1 weights
            one_of(test_hflip, to_tracked, weights=[1, x])      # 40 # weights must be a list of numbers, one per choice, got [1, x]
            one_of(test_hflip, to_tracked, weights=[0, 0])      # 40 # one_of weights must not all be zero
            one_of(test_hflip | to_tracked)                     # 19 # in one_of(...) ',' separates the choices; to make several steps one choice, group them: sequence(a | b)
            one_of()                                            # 1  # one_of needs at least one step
            one_of(test_hflip, p=1.5)                           # 22 # p must be a probability in [0, 1], got 1.5
            one_of                                              # 1  # 'one_of' is a group; write one_of(...)
            some_of(test_hflip, to_tracked)                     # 1  # some_of needs n, how many of its steps to apply, first
            some_of(3, test_hflip, to_tracked)                  # 9  # some_of n must be in [0, 2], got 3
            some_of(1.5, test_hflip)                            # 9  # n of some_of must be a whole number of steps, got 1.5
            some_of(test_hflip, 2, to_tracked)                  # 21 # some_of takes n first
            some_of(2, test_hflip, to_tracked, n=2)             # 36 # n of some_of is given twice
            some_of(test_hflip, n=x)                            # 23 # n of some_of must be a whole number of steps, got 'x'
            sequence(test_hflip, to_tracked)                    # 22 # in sequence(...) steps are joined with '|', not ','
            sequence(test_hflip, q=1)                           # 22 # unknown parameter 'q' of sequence; did you mean p? (sequence takes p)
            one_off(test_hflip, to_tracked)                     # 1  # 'one_off' is neither a transform nor a group; did you mean one_of?
            test_hflip | pipeline(to_tracked)                   # 14 # pipeline(...) can only wrap the whole spec
            pipeline(test_hflip, sed=1)                         # 22 # unknown parameter 'sed' of pipeline; did you mean seed?
            pipeline(test_hflip, seed=1.5)                      # 27 # seed must be a whole number, got 1.5
            pipeline(test_hflip, seed=1, seed=2)                # 30 # parameter 'seed' of pipeline is given twice
            pipeline(seed=1)                                    # 1  # the spec is empty
            pipeline(test_hflip, to_tracked)                    # 22 # in pipeline(...) steps are joined with '|', not ','
            pipeline(test_hflip) | to_tracked                   # 22 # pipeline(...) wraps the whole spec; nothing may follow it, found '|'
            pipeline(test_hflip                                 # 9  # unbalanced '(': it is never closed
            5                                                   # 1  # expected a transform name or a group (sequence, one_of, some_of), found '5'
            """)
    void invalidInputsFailAtTheColumn(String text, int column, String fragment) {
        SpecException e = assertThrows(SpecException.class, () -> InlineSpecs.parse(text.strip(), REGISTRY));
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(-1, e.line(), e.getMessage());
        assertTrue(e.reason().contains(fragment.strip()), e.getMessage());
        assertTrue(e.getMessage().startsWith("inline spec, column " + column + ": "), e.getMessage());
    }

    @Test
    void theMessageShowsTheTextWithACaretUnderTheColumn() {
        SpecException e = assertThrows(SpecException.class,
                () -> InlineSpecs.parse("test_hflip | rotaet(limit=15)", REGISTRY));
        assertEquals("""
                inline spec, column 14: unknown transform 'rotaet' ('aug list' shows every transform)
                  test_hflip | rotaet(limit=15)
                               ^""", e.getMessage());
        assertEquals("  test_hflip | rotaet(limit=15)\n               ^", e.excerpt());
        assertEquals(InlineSpecs.SOURCE, e.source());
    }

    @Test
    void aTextOfSeveralLinesIsLocatedByLineAndColumn() {
        SpecException e = assertThrows(SpecException.class,
                () -> InlineSpecs.parse("test_hflip |\n\tadd_offset(ofset=3)", REGISTRY));
        assertEquals(2, e.line());
        assertEquals(13, e.column());
        assertTrue(e.getMessage().startsWith("inline spec:2:13: transform 'add_offset': parameter 'ofset'"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("\n  \tadd_offset(ofset=3)\n  \t           ^"), e.getMessage());
    }

    @Test
    void withoutARegistryOnlyTheStructureIsChecked() {
        assertEquals(PipelineSpec.of(step("rotaet", Map.of("limit", 1000))), InlineSpecs.parse("rotaet(limit=1000)"));
        SpecException e = assertThrows(SpecException.class, () -> InlineSpecs.parse("one_off(hflip, vflip)"));
        assertEquals("'one_off' is not a group; did you mean one_of?", e.reason());
        assertEquals(1, e.column());
    }

    // ---- the YAML form and the inline form of one pipeline

    static Stream<Arguments> sameInBothForms() {
        return Stream.of(
                arguments("test_hflip(p=0.5) | add_offset(offset=15, p=0.8) | to_tracked", """
                        transforms:
                          - {transform: test_hflip, p: 0.5}
                          - {transform: add_offset, offset: 15, p: 0.8}
                          - {transform: to_tracked}
                        """),
                arguments("pipeline(test_hflip | add_offset(offset=[-10, 25], per_channel=true)"
                        + " | one_of(add_offset(offset=5), test_hflip, weights=[2, 1])"
                        + " | some_of(1, test_hflip, sequence(add_offset, p=0.3), p=0.75), seed=42, p=0.9)", """
                        version: 1
                        seed: 42
                        p: 0.9
                        transforms:
                          - transform: test_hflip
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
                        """),
                arguments("needs_all(count=3, scale=1.5, border=reflect, angle=[-5, 5.5], mean=[0.25, 0.5], sigma=7)",
                        """
                        {"transforms": [{"transform": "needs_all", "count": 3, "scale": 1.5, "border": "reflect",
                          "angle": [-5, 5.5], "mean": [0.25, 0.5], "sigma": 7}]}
                        """),
                arguments("one_of(sequence(test_hflip | to_tracked), some_of(0), sequence())", """
                        transforms:
                          - one_of:
                              transforms:
                                - sequence: {transforms: [{transform: test_hflip}, {transform: to_tracked}]}
                                - some_of: {n: 0, transforms: []}
                                - sequence: {transforms: []}
                        """));
    }

    @ParameterizedTest
    @MethodSource("sameInBothForms")
    void theInlineAndTheYamlFormParseToEqualSpecs(String inline, String yaml) {
        PipelineSpec fromYaml = Specs.parse(yaml, "t.yaml", REGISTRY);
        assertEquals(fromYaml, InlineSpecs.parse(inline, REGISTRY));
        assertEquals(fromYaml, InlineSpecs.parse(InlineSpecs.format(fromYaml), REGISTRY));
    }

    // ---- format

    @Test
    void formatWritesGroupParametersLastAndPipelineOnlyWhenNeeded() {
        assertEquals("pipeline(one_of(a, b, weights=[2, 1], p=0.5) | some_of(2, a, b, c) | sequence(a | b, p=0.3),"
                        + " seed=1, p=0.9)",
                InlineSpecs.format(InlineSpecs.parse("pipeline(p=0.9, one_of(a, p=0.5, b, weights=[2,1])"
                        + " | some_of(n=2, a, b, c) | sequence(p=0.3, a|b), seed=1)")));
        assertEquals("test_hflip(p=0.5) | rotate(limit=[-10, 20.5], border='a b', q='true', r='15', s='', t=\"it's\")",
                InlineSpecs.format(InlineSpecs.parse(
                        "test_hflip(p=0.5)|rotate(limit=[-10,20.5],border='a b',q='true',r='15',s='',t=\"it's\")")));
    }

    @Test
    void formatRefusesWhatTheSyntaxCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> InlineSpecs.format(PipelineSpec.of()));
        assertThrows(IllegalArgumentException.class, () -> InlineSpecs.format(PipelineSpec.of(step("one_of"))));
        assertThrows(IllegalArgumentException.class,
                () -> InlineSpecs.format(PipelineSpec.of(step("x", Map.of("m", Map.of("a", 1))))));
        assertThrows(IllegalArgumentException.class,
                () -> InlineSpecs.format(PipelineSpec.of(step("x", Map.of("t", "a'b\"c")))));
        assertThrows(IllegalArgumentException.class,
                () -> InlineSpecs.format(PipelineSpec.of(step("x", Map.of("d", Double.NaN)))));
        assertThrows(IllegalArgumentException.class,
                () -> InlineSpecs.format(PipelineSpec.of(step("x", Map.of("bad key", 1)))));
    }

    // ---- property: random trees survive format -> parse

    @Test
    void randomValidTreesSurviveFormatThenParse() {
        Random rnd = new Random(20261201);
        for (int i = 0; i < 400; i++) {
            List<Node> steps = new ArrayList<>();
            int k = 1 + rnd.nextInt(4);
            for (int j = 0; j < k; j++) {
                steps.add(randomNode(rnd, 3, this::validStep));
            }
            PipelineSpec spec = new PipelineSpec(new Sequence(steps, randomP(rnd)),
                    rnd.nextBoolean() ? null : rnd.nextLong());
            String text = InlineSpecs.format(spec);
            assertEquals(spec, InlineSpecs.parse(text, REGISTRY), text);
            assertEquals(text, InlineSpecs.format(InlineSpecs.parse(text)));
            // and the YAML form of the same tree reads back equal too
            assertEquals(spec, Specs.parse(Specs.toYaml(spec), "t.yaml", REGISTRY), text);
        }
    }

    @Test
    void randomValuesSurviveFormatThenParse() {
        Random rnd = new Random(7);
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> params = new LinkedHashMap<>();
            int k = rnd.nextInt(4);
            for (int j = 0; j < k; j++) {
                params.put("k" + j, randomValue(rnd, 2));
            }
            PipelineSpec spec = PipelineSpec.of(new Step("t" + rnd.nextInt(3), params, randomP(rnd)));
            String text = InlineSpecs.format(spec);
            assertEquals(spec, InlineSpecs.parse(text), text);
        }
    }

    private Node randomNode(Random rnd, int depth, java.util.function.Function<Random, Step> steps) {
        int kind = depth == 0 ? 0 : rnd.nextInt(6);
        if (kind <= 2) {
            return steps.apply(rnd);
        }
        List<Node> children = new ArrayList<>();
        int k = (kind == 5 ? 0 : 1) + rnd.nextInt(3);
        for (int j = 0; j < k; j++) {
            children.add(randomNode(rnd, depth - 1, steps));
        }
        double p = randomP(rnd);
        if (kind == 3) {
            List<Double> weights = null;
            if (rnd.nextBoolean()) {
                weights = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    weights.add(j == 0 ? 1.0 + rnd.nextInt(3) : rnd.nextInt(4) * (rnd.nextBoolean() ? 1 : 0.25));
                }
            }
            return new OneOf(children, weights, p);
        }
        if (kind == 4) {
            return new SomeOf(children, rnd.nextInt(k + 1), p);
        }
        return new Sequence(children, p);
    }

    private Step validStep(Random rnd) {
        Map<String, Object> params = new LinkedHashMap<>();
        String name;
        switch (rnd.nextInt(4)) {
            case 0 -> name = "test_hflip";
            case 1 -> {
                name = "add_offset";
                if (rnd.nextBoolean()) {
                    int lo = rnd.nextInt(200) - 100;
                    params.put("offset", rnd.nextBoolean() ? List.of(lo, lo + rnd.nextInt(100))
                            : List.of(lo + 0.5, lo + 0.5 + rnd.nextInt(50)));
                }
                if (rnd.nextBoolean()) {
                    params.put("per_channel", rnd.nextBoolean());
                }
            }
            case 2 -> {
                name = "needs_all";
                params.put("count", 1 + rnd.nextInt(10));
                if (rnd.nextBoolean()) {
                    params.put("scale", rnd.nextDouble() * 2);
                }
                if (rnd.nextBoolean()) {
                    params.put("border", rnd.nextBoolean() ? "constant" : "reflect");
                }
                if (rnd.nextBoolean()) {
                    params.put("mean", List.of(rnd.nextDouble(), rnd.nextDouble()));
                }
            }
            default -> {
                name = "test_translate";
                params.put("limit", rnd.nextInt(101));
            }
        }
        return new Step(name, params, randomP(rnd));
    }

    private static double randomP(Random rnd) {
        return switch (rnd.nextInt(4)) {
            case 0, 1 -> 1.0;
            case 2 -> 0.5;
            default -> rnd.nextDouble();
        };
    }

    private static final String[] TEXTS = {"reflect", "a b", "", "true", "null", "15", "-3.5", "it's", "say \"hi\"",
        "x=y", "a,b", "(", "|", "é", "under_score", "dotted.name", "1e5", "inf", "~"};

    private static Object randomValue(Random rnd, int depth) {
        return switch (rnd.nextInt(depth == 0 ? 7 : 8)) {
            case 0 -> rnd.nextInt();
            case 1 -> (rnd.nextBoolean() ? 1 : -1) * ((rnd.nextLong() >>> 2) | (1L << 40));
            case 2 -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(30) - 15);
            case 3 -> (double) rnd.nextInt(100);
            case 4 -> rnd.nextBoolean();
            case 5, 6 -> TEXTS[rnd.nextInt(TEXTS.length)];
            default -> {
                List<Object> list = new ArrayList<>();
                int k = rnd.nextInt(3);
                for (int j = 0; j < k; j++) {
                    list.add(randomValue(rnd, depth - 1));
                }
                yield list;
            }
        };
    }

    @Test
    void parseRefusesNullText() {
        assertThrows(NullPointerException.class, () -> InlineSpecs.parse(null));
    }
}
