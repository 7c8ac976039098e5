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
}
