package io.augment4j.api.pipeline;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.BoundingBox;
import io.augment4j.api.Keypoint;
import io.augment4j.api.PixelType;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.UnsupportedTargetException;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.targets.TargetOptions;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetsPipelineTest {
    private final TransformRegistry registry = TransformRegistry.discover();

    private static Sample withTargets() {
        return Sample.of(ArrayImage.zeros(20, 30, 3, PixelType.UINT8))
                .withBoxes(List.of(new BoundingBox(2, 3, 12, 13, "a"), new BoundingBox(0, 0, 30, 20, "all")))
                .withKeypoints(List.of(new Keypoint(5.5, 6.5, "k"), new Keypoint(29.5, 19.5, "corner")));
    }

    @Test
    void aPipelineThatCannotCarryTheTargetsIsRefusedBeforeAnyStepFires() {
        // to_tracked cannot carry boxes and never fires (p = 0): the sample is refused all the same.
        Pipeline pl = Pipeline.compile(PipelineSpec.of(Node.step("test_translate"),
                Node.step("to_tracked").withP(0.0)), registry);
        UnsupportedTargetException e = assertThrows(UnsupportedTargetException.class, () -> pl.apply(withTargets(), 0));
        assertEquals("this pipeline cannot carry the sample's targets: transform 'to_tracked' cannot handle "
                + "[BOXES, KEYPOINTS]; remove those transforms from the pipeline or drop those targets", e.getMessage());
        assertThrows(UnsupportedTargetException.class,
                () -> pl.requireTargets(EnumSet.of(Target.IMAGE, Target.KEYPOINTS)));
        assertSame(pl, pl.requireTargets(EnumSet.of(Target.IMAGE)));
        assertEquals(EnumSet.of(Target.IMAGE), pl.targets());
    }

    @Test
    void fusedAndUnfusedRunsMoveBoxesAndKeypointsIdentically() {
        PipelineSpec spec = PipelineSpec.of(Node.step("test_translate", Map.of("limit", 12)),
                Node.step("test_translate", Map.of("limit", 12)), Node.step("test_translate", Map.of("limit", 12)));
        Pipeline fused = Pipeline.compile(spec, registry, true);
        Pipeline plain = Pipeline.compile(spec, registry, false);
        int filtered = 0;
        for (int i = 0; i < 200; i++) {
            Sample a = fused.apply(withTargets(), i);
            Sample b = plain.apply(withTargets(), i);
            assertEquals(b.boxes(), a.boxes(), "sample " + i);
            assertEquals(b.keypoints(), a.keypoints(), "sample " + i);
            filtered += a.boxes().size() < 2 || a.keypoints().size() < 2 ? 1 : 0;
            for (BoundingBox box : a.boxes()) {
                assertTrue(box.xMin() >= 0 && box.xMax() <= 30 && box.yMin() >= 0 && box.yMax() <= 20, "clipped");
            }
            // Replay re-applies to the targets too.
            Applied rec = fused.applyRecorded(withTargets(), i);
            assertEquals(a.boxes(), fused.replay(withTargets(), rec.replay()).boxes());
        }
        assertTrue(filtered > 20, "shifts of up to 36 px push boxes and points out of a 30x20 image: " + filtered);
    }

    @Test
    void aBoxPushedOutByOneStepIsNotBroughtBackByTheNext() {
        // Two shifts that cancel: fused into the identity matrix, but the box left the image after the first.
        Sample in = Sample.of(ArrayImage.zeros(20, 30, 3, PixelType.UINT8))
                .withBoxes(List.of(new BoundingBox(2, 3, 6, 7, "a")));
        PipelineSpec spec = PipelineSpec.of(Node.step("test_translate", Map.of("limit", 12)),
                Node.step("test_translate", Map.of("limit", 12)));
        for (boolean fuse : new boolean[] {true, false}) {
            Pipeline pl = Pipeline.compile(spec, registry, fuse);
            for (int i = 0; i < 100; i++) {
                Applied a = pl.applyRecorded(in, i);
                List<Replay> steps = ((Replay.OfSequence) a.replay()).steps();
                var s1 = (io.augment4j.api.testing.TestTranslate.Shift) ((Replay.OfStep) steps.get(0)).params();
                if (s1.dx() <= -6 || s1.dy() <= -7) {
                    assertEquals(List.of(), a.sample().boxes(), "fused " + fuse + ", sample " + i);
                }
            }
        }
    }

    @Test
    void specTargetOptionsReachThePipeline() {
        PipelineSpec spec = PipelineSpec.of(Node.step("test_translate", Map.of("limit", 0)))
                .withTargets(TargetOptions.DEFAULT.withKeypointsOutside(TargetOptions.KeypointsOutside.KEEP));
        Sample in = withTargets().withKeypoints(List.of(new Keypoint(40, 6.5, "outside")));
        assertEquals(in.keypoints(), Pipeline.compile(spec, registry).apply(in, 0).keypoints());
        assertEquals(List.of(), Pipeline.compile(spec.withTargets(TargetOptions.DEFAULT), registry).apply(in, 0)
                .keypoints());
    }
}
