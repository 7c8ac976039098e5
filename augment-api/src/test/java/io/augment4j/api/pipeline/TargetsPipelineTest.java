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
        PipelineSpec spec = PipelineSpec.of(Node.step("test_translate", Map.of("limit", 2)),
                Node.step("test_translate", Map.of("limit", 2)), Node.step("test_translate", Map.of("limit", 2)));
        Pipeline fused = Pipeline.compile(spec, registry, true);
        Pipeline plain = Pipeline.compile(spec, registry, false);
        Sample in = Sample.of(ArrayImage.zeros(20, 30, 3, PixelType.UINT8))
                .withBoxes(List.of(new BoundingBox(8, 8, 14, 14, "a")))
                .withKeypoints(List.of(new Keypoint(15.5, 10.5, "k")));
        for (int i = 0; i < 100; i++) {
            Sample a = fused.apply(in, i);
            Sample b = plain.apply(in, i);
            assertEquals(b.boxes(), a.boxes(), "sample " + i);
            assertEquals(b.keypoints(), a.keypoints(), "sample " + i);
            assertEquals(1, a.boxes().size());
            // Replay re-applies to the targets too.
            Applied rec = fused.applyRecorded(in, i);
            assertEquals(a.boxes(), fused.replay(in, rec.replay()).boxes());
            assertEquals(a.keypoints(), fused.replay(in, rec.replay()).keypoints());
        }
    }

    @Test
    void unfusedStepsFilterAfterEachStepAndAFusedRunAfterTheWholeRun() {
        // Box (2, 3)-(6, 7) in 30x20: the first shift pushes it out when dx <= -6 or dy <= -7. Unfused, it is gone
        // for good; fused, the single warp shows what the two shifts together bring back, and so does the box.
        Sample in = Sample.of(ArrayImage.zeros(20, 30, 3, PixelType.UINT8))
                .withBoxes(List.of(new BoundingBox(2, 3, 6, 7, "a")));
        PipelineSpec spec = PipelineSpec.of(Node.step("test_translate", Map.of("limit", 12)),
                Node.step("test_translate", Map.of("limit", 12)));
        int pushedOut = 0;
        int cameBack = 0;
        for (int i = 0; i < 200; i++) {
            Applied fused = Pipeline.compile(spec, registry, true).applyRecorded(in, i);
            Sample plain = Pipeline.compile(spec, registry, false).apply(in, i);
            List<Replay> steps = ((Replay.OfSequence) fused.replay()).steps();
            var s1 = (io.augment4j.api.testing.TestTranslate.Shift) ((Replay.OfStep) steps.get(0)).params();
            var s2 = (io.augment4j.api.testing.TestTranslate.Shift) ((Replay.OfStep) steps.get(1)).params();
            int dx = s1.dx() + s2.dx();
            int dy = s1.dy() + s2.dy();
            boolean endsInside = 6 + dx > 0 && 2 + dx < 30 && 7 + dy > 0 && 3 + dy < 20;
            assertEquals(endsInside ? 1 : 0, fused.sample().boxes().size(), "fused, sample " + i);
            if (s1.dx() <= -6 || s1.dy() <= -7) {
                pushedOut++;
                assertEquals(List.of(), plain.boxes(), "unfused, sample " + i);
                cameBack += endsInside ? 1 : 0;
            }
        }
        assertTrue(pushedOut > 20 && cameBack > 5, pushedOut + " pushed out, " + cameBack + " came back");
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
