package io.augment4j.api.targets;

import io.augment4j.api.BoundingBox;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoxFormatTest {
    private static final int W = 200;
    private static final int H = 100;

    @Test
    void eachFormatReadsTheSamePixelBox() {
        BoundingBox expected = new BoundingBox(20, 10, 60, 50, "cat", Map.of("id", 7));
        assertEquals(expected, BoxFormat.PASCAL_VOC.toPixels(new double[] {20, 10, 60, 50}, W, H, "cat",
                Map.of("id", 7), "here"));
        assertEquals(expected, BoxFormat.COCO.toPixels(new double[] {20, 10, 40, 40}, W, H, "cat", Map.of("id", 7),
                "here"));
        BoundingBox yolo = BoxFormat.YOLO.toPixels(new double[] {0.2, 0.3, 0.2, 0.4}, W, H, "cat", Map.of("id", 7),
                "here");
        assertArrayEquals(new double[] {20, 10, 60, 50}, new double[] {yolo.xMin(), yolo.yMin(), yolo.xMax(),
                yolo.yMax()}, 1e-12);
        assertEquals(expected, yolo.withEdges(20, 10, 60, 50));
        assertEquals(expected, BoxFormat.NORMALIZED.toPixels(new double[] {0.1, 0.1, 0.3, 0.5}, W, H, "cat",
                Map.of("id", 7), "here"));
    }

    @Test
    void everyFormatRoundTrips() {
        Random rnd = new Random(3);
        for (BoxFormat f : BoxFormat.values()) {
            for (int i = 0; i < 200; i++) {
                double x0 = rnd.nextDouble() * (W - 2);
                double y0 = rnd.nextDouble() * (H - 2);
                BoundingBox b = new BoundingBox(x0, y0, x0 + 1 + rnd.nextDouble() * (W - 1 - x0),
                        y0 + 1 + rnd.nextDouble() * (H - 1 - y0), "b");
                double[] v = f.fromPixels(b, W, H);
                BoundingBox back = f.toPixels(v, W, H, "b", Map.of(), "box " + i);
                assertArrayEquals(new double[] {b.xMin(), b.yMin(), b.xMax(), b.yMax()},
                        new double[] {back.xMin(), back.yMin(), back.xMax(), back.yMax()}, 1e-9, f.id());
                assertArrayEquals(v, f.fromPixels(back, W, H), 1e-12, f.id());
            }
        }
    }

    @Test
    void roundingNoiseIsClampedButBoxesOutsideAreRefusedByName() {
        BoundingBox b = BoxFormat.NORMALIZED.toPixels(new double[] {0.5, 0.5, 1.0003, 1.0}, W, H, null, Map.of(),
                "a.txt line 2");
        assertEquals(W, b.xMax());
        TargetFormatException e = assertThrows(TargetFormatException.class, () -> BoxFormat.YOLO.toPixels(
                new double[] {0.9, 0.5, 0.4, 0.2}, W, H, null, Map.of(), "a.txt line 3"));
        assertTrue(e.getMessage().startsWith("a.txt line 3: yolo box [0.9, 0.5, 0.4, 0.2] reaches outside the 200x100"),
                e.getMessage());
        e = assertThrows(TargetFormatException.class, () -> BoxFormat.COCO.toPixels(new double[] {5, 5, 0, 3}, W, H,
                null, Map.of(), "ann.json annotation 4"));
        assertTrue(e.getMessage().contains("ann.json annotation 4: coco box [5.0, 5.0, 0.0, 3.0] has zero or negative"),
                e.getMessage());
        e = assertThrows(TargetFormatException.class, () -> BoxFormat.PASCAL_VOC.toPixels(new double[] {1, 2, 3},
                W, H, null, Map.of(), "x.xml object 1"));
        assertTrue(e.getMessage().contains("needs 4 values, got 3"), e.getMessage());
        e = assertThrows(TargetFormatException.class, () -> BoxFormat.PASCAL_VOC.toPixels(
                new double[] {1, 2, Double.NaN, 4}, W, H, null, Map.of(), "x.xml object 1"));
        assertTrue(e.getMessage().contains("not a finite number"), e.getMessage());
    }

    @Test
    void namesAreTheSpecWords() {
        assertEquals(BoxFormat.PASCAL_VOC, BoxFormat.of("pascal_voc"));
        assertEquals(BoxFormat.PASCAL_VOC, BoxFormat.of("voc"));
        assertEquals(BoxFormat.YOLO, BoxFormat.of("YOLO"));
        TargetFormatException e = assertThrows(TargetFormatException.class, () -> BoxFormat.of("xywh"));
        assertTrue(e.getMessage().contains("[pascal_voc, coco, yolo, normalized]"), e.getMessage());
    }
}
