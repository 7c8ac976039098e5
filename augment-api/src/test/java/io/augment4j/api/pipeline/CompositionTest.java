package io.augment4j.api.pipeline;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Sample;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.testing.TestTransforms;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Statistical checks of probabilities and choices, at fixed seeds (so they are deterministic). */
class CompositionTest {
    private static final int N = 20_000;
    private final TransformRegistry registry = TransformRegistry.discover();
    private final Sample input = Sample.of(TestTransforms.randomImage(2, 2, 1, 1));

    private Pipeline compile(PipelineSpec spec) {
        return Pipeline.compile(spec.withSeed(123L), registry);
    }

    /** Tolerance of 4.5 standard deviations of a binomial proportion. */
    private static double tol(double p) {
        return 4.5 * Math.sqrt(p * (1 - p) / N);
    }

    @Test
    void stepProbabilityIsHonoured() {
        Pipeline pl = compile(PipelineSpec.of(Node.step("test_hflip").withP(0.3), Node.step("test_hflip").withP(0.8)));
        int[] applied = new int[2];
        int both = 0;
        for (int i = 0; i < N; i++) {
            Replay.OfSequence r = (Replay.OfSequence) pl.applyRecorded(input, i).replay();
            boolean a = r.steps().get(0).applied();
            boolean b = r.steps().get(1).applied();
            applied[0] += a ? 1 : 0;
            applied[1] += b ? 1 : 0;
            both += a && b ? 1 : 0;
        }
        assertEquals(0.3, applied[0] / (double) N, tol(0.3));
        assertEquals(0.8, applied[1] / (double) N, tol(0.8));
        assertEquals(0.24, both / (double) N, tol(0.24), "the two draws are independent");
    }

    @Test
    void pZeroNeverAndPOneAlwaysApplies() {
        Pipeline never = compile(PipelineSpec.of(Node.step("test_hflip").withP(0)));
        Pipeline always = compile(PipelineSpec.of(Node.step("test_hflip")));
        for (int i = 0; i < 500; i++) {
            assertEquals(input, never.apply(input, i));
            assertEquals(TestTransforms.HFlip.flip((ArrayImage) input.image()), always.apply(input, i).image());
        }
    }

    @Test
    void wholePipelineProbability() {
        Pipeline pl = compile(PipelineSpec.of(Node.step("test_hflip"), Node.step("test_hflip")).withP(0.25));
        int applied = 0;
        for (int i = 0; i < N; i++) {
            Replay r = pl.applyRecorded(input, i).replay();
            applied += r.applied() ? 1 : 0;
        }
        assertEquals(0.25, applied / (double) N, tol(0.25));
    }

    @Test
    void oneOfPicksByWeightExactlyOne() {
        Pipeline pl = compile(PipelineSpec.of(Node.oneOf(new double[] {1, 2, 7, 0},
                Node.step("test_hflip"), Node.step("test_hflip"), Node.step("test_hflip"), Node.step("test_hflip"))));
        int[] counts = new int[4];
        for (int i = 0; i < N; i++) {
            Replay.OfSequence r = (Replay.OfSequence) pl.applyRecorded(input, i).replay();
            counts[((Replay.OfOneOf) r.steps().get(0)).chosen()]++;
        }
        assertEquals(0.1, counts[0] / (double) N, tol(0.1));
        assertEquals(0.2, counts[1] / (double) N, tol(0.2));
        assertEquals(0.7, counts[2] / (double) N, tol(0.7));
        assertEquals(0, counts[3], "zero weight is never chosen");
    }

    @Test
    void oneOfKeepsTheChildsOwnProbability() {
        Pipeline pl = compile(PipelineSpec.of(Node.oneOf(Node.step("test_hflip").withP(0.5)).withP(0.5)));
        int applied = 0;
        for (int i = 0; i < N; i++) {
            Replay.OfOneOf o = (Replay.OfOneOf) ((Replay.OfSequence) pl.applyRecorded(input, i).replay()).steps().get(0);
            applied += o.applied() && o.step().applied() ? 1 : 0;
        }
        assertEquals(0.25, applied / (double) N, tol(0.25));
    }

    @Test
    void someOfAppliesNDistinctStepsInListedOrderUniformly() {
        Node[] steps = new Node[5];
        for (int i = 0; i < 5; i++) {
            steps[i] = Node.step("add_offset", Map.of("offset", List.of(i, i)));
        }
        Pipeline pl = compile(PipelineSpec.of(Node.someOf(2, steps)));
        int[] counts = new int[5];
        for (int i = 0; i < N; i++) {
            Replay.OfSomeOf s = (Replay.OfSomeOf) ((Replay.OfSequence) pl.applyRecorded(input, i).replay()).steps().get(0);
            assertEquals(2, s.chosen().size());
            assertEquals(true, s.chosen().get(0) < s.chosen().get(1), "listed order, distinct");
            for (int c : s.chosen()) {
                counts[c]++;
            }
        }
        for (int c : counts) {
            assertEquals(0.4, c / (double) N, tol(0.4));
        }
    }

    @Test
    void nestedSequenceAppliesAsAUnit() {
        Pipeline pl = compile(PipelineSpec.of(Node.sequence(Node.step("test_hflip"), Node.step("test_hflip")).withP(0.5)));
        for (int i = 0; i < 200; i++) {
            // Two flips cancel, so the output equals the input whether or not the group ran.
            assertEquals(input.image(), pl.apply(input, i).image());
        }
    }

    @Test
    void invalidCompositionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Node.someOf(3, Node.step("a"), Node.step("b")));
        assertThrows(IllegalArgumentException.class, () -> Node.oneOf(new double[] {0, 0}, Node.step("a"), Node.step("b")));
        assertThrows(IllegalArgumentException.class, () -> Node.oneOf(new double[] {1}, Node.step("a"), Node.step("b")));
        assertThrows(IllegalArgumentException.class, () -> Node.step("a").withP(1.5));
        assertThrows(IllegalArgumentException.class, () -> Node.oneOf());
    }

    @Test
    void skippedStepsReturnTheInputItself() {
        Pipeline pl = compile(PipelineSpec.of(Node.step("test_hflip").withP(0)));
        assertSame(input.image(), pl.apply(input, 0).image());
    }
}
