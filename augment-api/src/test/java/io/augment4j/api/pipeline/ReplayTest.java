package io.augment4j.api.pipeline;

import io.augment4j.api.AugmentException;
import io.augment4j.api.Sample;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.testing.TestTransforms;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayTest {
    private final TransformRegistry registry = TransformRegistry.discover();
    private final Pipeline pipeline = Pipeline.compile(PipelineSpec.of(
            Node.step("test_hflip").withP(0.5),
            Node.someOf(1, Node.step("add_offset", Map.of("offset", 40, "per_channel", true)),
                    Node.step("add_offset", Map.of("offset", List.of(-60, -20)))),
            Node.oneOf(Node.step("add_offset", Map.of("offset", 5)), Node.sequence(Node.step("test_hflip"),
                    Node.step("add_offset")).withP(0.6))
    ).withSeed(5L), registry);

    @Test
    void replayRecreatesTheOutputExactly() {
        Sample in = Sample.of(TestTransforms.randomImage(6, 9, 3, 1));
        for (int i = 0; i < 200; i++) {
            Applied a = pipeline.applyRecorded(in, i);
            assertEquals(pipeline.apply(in, i), a.sample(), "recording does not change the result");
            assertEquals(a.sample(), pipeline.replay(in, a.replay()));
        }
    }

    @Test
    void replayAppliesTheSameParametersToAnotherImage() {
        Sample a = Sample.of(TestTransforms.randomImage(6, 9, 3, 1));
        Sample b = Sample.of(TestTransforms.randomImage(6, 9, 3, 2));
        Pipeline offsetOnly = Pipeline.compile(PipelineSpec.of(Node.step("add_offset", Map.of("offset", 50))), registry);
        Applied ra = offsetOnly.applyRecorded(a, 3);
        Sample rb = offsetOnly.replay(b, ra.replay());
        int offset = ((TestTransforms.AddOffset.Offsets) ((Replay.OfStep) ((Replay.OfSequence) ra.replay()).steps()
                .get(0)).params()).values()[0];
        TestTransforms.AddOffset t = new TestTransforms.AddOffset(null, false);
        assertEquals(t.apply(b, new TestTransforms.AddOffset.Offsets(new int[] {offset, offset, offset})), rb);
    }

    @Test
    void replayJsonRoundTripsAndStillReproduces() {
        Sample in = Sample.of(TestTransforms.randomImage(5, 5, 3, 9));
        for (int i = 0; i < 100; i++) {
            Applied a = pipeline.applyRecorded(in, i);
            String json = pipeline.replayToJson(a.replay());
            Replay back = pipeline.replayFromJson(json);
            assertEquals(json, pipeline.replayToJson(back));
            assertEquals(a.sample(), pipeline.replay(in, back));
        }
    }

    @Test
    void aReplayOfAnotherPipelineIsRefused() {
        Sample in = Sample.of(TestTransforms.randomImage(5, 5, 3, 9));
        Pipeline other = Pipeline.compile(PipelineSpec.of(Node.step("add_offset")), registry);
        Replay r = other.applyRecorded(in, 0).replay();
        AugmentException e = assertThrows(AugmentException.class, () -> pipeline.replay(in, r));
        assertTrue(e.getMessage().contains("replay record"), e.getMessage());
        assertThrows(AugmentException.class, () -> pipeline.replayFromJson("{not json"));
        String json = other.replayToJson(r);
        assertNotEquals(json, pipeline.replayToJson(pipeline.applyRecorded(in, 0).replay()));
        assertThrows(AugmentException.class, () -> pipeline.replayFromJson(json));
    }

    private static Sample image(int h, int w) {
        return Sample.of(TestTransforms.randomImage(h, w, 3, 4));
    }

    @Test
    void sizeBoundStepsAreRefusedOnAnotherSizeFusedOrNot() {
        for (int n : new int[] {1, 2}) { // one step runs alone, two run as a fused warp
            Node[] steps = new Node[n];
            java.util.Arrays.fill(steps, Node.step("test_translate", Map.of("limit", 2)));
            Pipeline p = Pipeline.compile(PipelineSpec.of(steps), registry);
            Applied a = p.applyRecorded(image(6, 9), 3);
            assertEquals(a.sample(), p.replay(image(6, 9), a.replay()), "same size: exact");
            AugmentException e = assertThrows(AugmentException.class, () -> p.replay(image(7, 9), a.replay()));
            assertEquals("cannot replay transform 'test_translate' on a 7x9 image (height x width): its parameters "
                    + "were recorded on a 6x9 image and hold pixel positions of that size; replay onto an image of "
                    + "the recorded size", e.getMessage());
            Replay back = p.replayFromJson(p.replayToJson(a.replay()));
            assertThrows(AugmentException.class, () -> p.replay(image(6, 8), back));
            assertEquals(a.sample(), p.replay(image(6, 9), back));
        }
    }

    @Test
    void stepsWithoutPixelPositionsReplayOnAnySize() {
        Pipeline offsetOnly = Pipeline.compile(PipelineSpec.of(Node.step("add_offset", Map.of("offset", 50))), registry);
        Applied ra = offsetOnly.applyRecorded(image(6, 9), 3);
        Sample other = image(11, 4);
        int offset = ((TestTransforms.AddOffset.Offsets) ((Replay.OfStep) ((Replay.OfSequence) ra.replay()).steps()
                .get(0)).params()).values()[0];
        TestTransforms.AddOffset t = new TestTransforms.AddOffset(null, false);
        assertEquals(t.apply(other, new TestTransforms.AddOffset.Offsets(new int[] {offset, offset, offset})),
                offsetOnly.replay(other, ra.replay()));
    }

    @Test
    void stepRecordsCarryTheInputSizeAndOldRecordsWithoutItStillReplay() {
        Pipeline p = Pipeline.compile(PipelineSpec.of(Node.step("test_translate", Map.of("limit", 2))), registry);
        Applied a = p.applyRecorded(image(6, 9), 0);
        Replay.OfStep step = (Replay.OfStep) ((Replay.OfSequence) a.replay()).steps().get(0);
        assertEquals(new Replay.Size(6, 9), step.input());
        String json = p.replayToJson(a.replay());
        assertTrue(json.contains("\"input\":{\"height\":6,\"width\":9}"), json);
        String old = json.replace(",\"input\":{\"height\":6,\"width\":9}", "");
        assertEquals(a.sample(), p.replay(image(6, 9), p.replayFromJson(old)));
    }
}
