package io.augment4j.api.pipeline;

import io.augment4j.api.AugmentException;
import io.augment4j.api.ArrayImage;
import io.augment4j.api.PixelType;
import io.augment4j.api.Sample;
import io.augment4j.api.UnsupportedTargetException;
import io.augment4j.api.BoundingBox;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.SpecException;
import io.augment4j.api.testing.TestTransforms;
import io.augment4j.api.testing.TestTransforms.TrackedImage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineBehaviourTest {
    private final TransformRegistry registry = TransformRegistry.discover();

    @Test
    void intermediateNativeImagesAreReleasedAndTheResultIsOnTheHeap() {
        int before = TrackedImage.OPEN.get();
        Pipeline pl = Pipeline.compile(PipelineSpec.of(Node.step("to_tracked"), Node.step("to_tracked"),
                Node.sequence(Node.step("to_tracked"), Node.step("to_tracked"))), registry);
        Sample in = Sample.of(TestTransforms.randomImage(4, 4, 3, 1));
        for (int i = 0; i < 50; i++) {
            Sample out = pl.apply(in, i);
            assertInstanceOf(ArrayImage.class, out.image());
            assertEquals(in.image(), out.image());
        }
        assertEquals(before, TrackedImage.OPEN.get(), "every tracked image was closed");
    }

    @Test
    void theCallersNativeInputIsNeverClosed() {
        TrackedImage mine = new TrackedImage(TestTransforms.randomImage(4, 4, 3, 1));
        Pipeline pl = Pipeline.compile(PipelineSpec.of(Node.step("test_hflip").withP(0.5), Node.step("to_tracked")), registry);
        for (int i = 0; i < 20; i++) {
            pl.apply(Sample.of(mine), i);
        }
        assertEquals(0, mine.closes());
        mine.close();
    }

    @Test
    void intermediatesAreReleasedWhenALaterStepFails() {
        int before = TrackedImage.OPEN.get();
        Pipeline pl = Pipeline.compile(PipelineSpec.of(Node.step("to_tracked"), Node.step("explode")), registry);
        AugmentException e = assertThrows(AugmentException.class,
                () -> pl.apply(Sample.of(TestTransforms.randomImage(4, 4, 3, 1)), 0));
        assertTrue(e.getMessage().startsWith("transform 'explode' (from ")
                        && e.getMessage().contains(") failed on a 4x4x3 UINT8 image while applying INSTANCE: "),
                e.getMessage());
        assertEquals(before, TrackedImage.OPEN.get());
    }

    @Test
    void aTransformRefusesTargetsItCannotMove() {
        Pipeline pl = Pipeline.compile(PipelineSpec.of(Node.step("to_tracked")), registry);
        Sample withBoxes = Sample.of(ArrayImage.zeros(4, 4, 3, PixelType.UINT8))
                .withBoxes(List.of(new BoundingBox(0, 0, 1, 1, null)));
        UnsupportedTargetException e = assertThrows(UnsupportedTargetException.class, () -> pl.apply(withBoxes, 0));
        assertTrue(e.getMessage().contains("'to_tracked' cannot handle [BOXES]"), e.getMessage());
        // A mask is flipped along with the image.
        Sample withMask = Sample.of(TestTransforms.randomImage(3, 4, 3, 1)).withMask(TestTransforms.randomImage(3, 4, 1, 2));
        Sample out = Pipeline.compile(PipelineSpec.of(Node.step("test_hflip")), registry).apply(withMask, 0);
        assertEquals(TestTransforms.HFlip.flip((ArrayImage) withMask.mask()), out.mask());
    }

    @Test
    void compileErrorsNameThePathTransformAndParameter() {
        SpecException e = assertThrows(SpecException.class, () -> Pipeline.compile(PipelineSpec.of(
                Node.step("test_hflip"), Node.oneOf(Node.step("add_offset", Map.of("offset", 999)))), registry));
        assertEquals("transforms[1].one_of.transforms[0]", e.path());
        assertTrue(e.getMessage().contains("transform 'add_offset': parameter 'offset' = 999 is out of range"),
                e.getMessage());
        e = assertThrows(SpecException.class, () -> Pipeline.compile(PipelineSpec.of(Node.step("hflp")), registry));
        assertTrue(e.getMessage().contains("unknown transform 'hflp'"), e.getMessage());
    }
}
