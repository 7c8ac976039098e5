package io.augment4j.api.targets;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.BoundingBox;
import io.augment4j.api.Keypoint;
import io.augment4j.api.PixelType;
import io.augment4j.api.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetOptionsTest {
    private static final Sample IMAGE = Sample.of(ArrayImage.zeros(100, 200, 3, PixelType.UINT8));

    @Test
    void boxesAreClippedAndDroppedByVisibilityAreaAndSize() {
        TargetOptions d = TargetOptions.DEFAULT;
        BoundingBox half = new BoundingBox(-10, 0, 10, 10, "half", Map.of("id", 3));
        assertEquals(new BoundingBox(0, 0, 10, 10, "half", Map.of("id", 3)), d.filter(half, 200, 100));
        assertNull(d.filter(new BoundingBox(-20, 0, -1, 10, "gone"), 200, 100), "nothing visible");
        assertNull(d.withMinVisibility(0.6).filter(half, 200, 100), "visible 0.5 < 0.6");
        assertEquals(half, new TargetOptions(false, 0, 0.5, 0, 0, TargetOptions.KeypointsOutside.DROP, Map.of())
                .filter(half, 200, 100), "kept unclipped, visibility 0.5 >= 0.5");
        assertNull(new TargetOptions(true, 101, 0, 0, 0, TargetOptions.KeypointsOutside.DROP, Map.of())
                .filter(half, 200, 100), "area 100 after clipping");
        assertNull(new TargetOptions(true, 0, 0, 11, 0, TargetOptions.KeypointsOutside.DROP, Map.of())
                .filter(half, 200, 100), "width 10 after clipping");
        Sample s = IMAGE.withBoxes(List.of(half, new BoundingBox(250, 0, 260, 5, "out"), new BoundingBox(1, 1, 2, 2,
                "in")));
        assertEquals(List.of("half", "in"), d.filter(s).boxes().stream().map(BoundingBox::label).toList(),
                "labels and fields go with their box");
    }

    @Test
    void keypointsOutsideAreDroppedKeptOrClamped() {
        Keypoint edge = new Keypoint(200, 50, "edge");
        Keypoint inside = new Keypoint(199.9, 0, "in");
        assertNull(TargetOptions.DEFAULT.filter(edge, 200, 100), "x = W is outside: pixel 199 covers [199, 200)");
        assertEquals(inside, TargetOptions.DEFAULT.filter(inside, 200, 100));
        assertEquals(edge, TargetOptions.DEFAULT.withKeypointsOutside(TargetOptions.KeypointsOutside.KEEP)
                .filter(edge, 200, 100));
        Keypoint c = TargetOptions.DEFAULT.withKeypointsOutside(TargetOptions.KeypointsOutside.CLAMP)
                .filter(new Keypoint(-3, 120, "far"), 200, 100);
        assertEquals(0, c.x());
        assertTrue(c.y() < 100 && c.y() > 99.999);
    }

    @Test
    void flipSwapExchangesPairedLabelsBothWays() {
        TargetOptions o = TargetOptions.DEFAULT.withFlipSwap(Map.of("left_eye", "right_eye"));
        Sample s = o.swapLabels(IMAGE.withKeypoints(List.of(new Keypoint(1, 1, "left_eye"),
                new Keypoint(2, 2, "right_eye"), new Keypoint(3, 3, "nose"))));
        assertEquals(List.of("right_eye", "left_eye", "nose"), s.keypoints().stream().map(Keypoint::label).toList());
        assertThrows(IllegalArgumentException.class,
                () -> TargetOptions.DEFAULT.withFlipSwap(Map.of("a", "b", "b", "a")));
    }

    @Test
    void occludedBoxesAreDroppedBeyondMinVisibility() {
        BoundingBox b = new BoundingBox(0, 0, 10, 10, "b");
        // Two overlapping holes covering 10x6 of it: the union counts once, 40 % stays visible.
        List<BoundingBox> holes = List.of(new BoundingBox(0, 0, 10, 4, null), new BoundingBox(0, 2, 10, 6, null));
        Sample s = IMAGE.withBoxes(List.of(b));
        assertEquals(1, TargetOptions.DEFAULT.withMinVisibility(0.4).occlude(s, holes).boxes().size());
        assertEquals(0, TargetOptions.DEFAULT.withMinVisibility(0.41).occlude(s, holes).boxes().size());
        assertEquals(0, TargetOptions.DEFAULT.occlude(s, List.of(new BoundingBox(-1, -1, 11, 11, null))).boxes()
                .size(), "hidden entirely");
    }
}
