package io.augment4j.opencv.targets;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.BoundingBox;
import io.augment4j.api.Keypoint;
import io.augment4j.api.PixelType;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.pipeline.Replay;
import io.augment4j.api.targets.TargetOptions;
import io.augment4j.opencv.crop.CropParams;
import io.augment4j.opencv.geometric.GeoTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact expectations for flips, quarter turns, crops, pad and resize; keypoint values are Albumentations' (1.x
 * tests/test_keypoint.py), whose {@code xy} keypoints are pixel indices ({@link Keypoint#atPixel}).
 */
class ExactTargetsTest {
    private static final double EPS = 1e-9;

    private static Sample run(int h, int w, Node step, List<BoundingBox> boxes, List<Keypoint> kps) {
        Sample in = Sample.of(ArrayImage.zeros(h, w, 3, PixelType.UINT8)).withBoxes(boxes).withKeypoints(kps);
        return Pipeline.compile(PipelineSpec.of(step), GeoTestSupport.REGISTRY).apply(in, 0);
    }

    private static void assertBox(double x0, double y0, double x1, double y1, BoundingBox b) {
        assertEquals(x0, b.xMin(), EPS, b.toString());
        assertEquals(y0, b.yMin(), EPS, b.toString());
        assertEquals(x1, b.xMax(), EPS, b.toString());
        assertEquals(y1, b.yMax(), EPS, b.toString());
    }

    private static void assertPixel(double col, double row, Keypoint k) {
        assertEquals(col, k.pixelX(), EPS, k.toString());
        assertEquals(row, k.pixelY(), EPS, k.toString());
    }

    @Test
    void flipsMapBoxEdgesToWMinusXAndPixelKeypointsToWMinus1MinusI() {
        List<BoundingBox> boxes = List.of(new BoundingBox(10, 20, 30, 40, "a", Map.of("id", 1)));
        List<Keypoint> kps = List.of(Keypoint.atPixel(20, 30, "p").moved(20.5, 30.5, Math.toRadians(45), 2));
        Sample h = run(60, 100, Node.step("hflip"), boxes, kps);
        assertBox(70, 20, 90, 40, h.boxes().get(0));
        assertEquals(Map.of("id", 1), h.boxes().get(0).fields());
        assertPixel(79, 30, h.keypoints().get(0));
        assertEquals(Math.toRadians(135), h.keypoints().get(0).angle(), EPS);
        assertEquals(2, h.keypoints().get(0).scale(), EPS);
        Sample v = run(100, 60, Node.step("vflip"), boxes, kps);
        assertBox(10, 60, 30, 80, v.boxes().get(0));
        assertPixel(20, 69, v.keypoints().get(0));
        assertEquals(Math.toRadians(315), v.keypoints().get(0).angle(), EPS);
        Sample both = run(100, 100, Node.step("flip", Map.of("direction", "both")), boxes, kps);
        assertBox(70, 60, 90, 80, both.boxes().get(0));
        assertPixel(79, 69, both.keypoints().get(0));
        // Albumentations' 3x3 case: (0, 0) -> (2, 0); the centre pixel stays.
        Sample three = run(3, 3, Node.step("hflip"), List.of(), List.of(Keypoint.atPixel(0, 0, null),
                Keypoint.atPixel(1, 1, null)));
        assertPixel(2, 0, three.keypoints().get(0));
        assertPixel(1, 1, three.keypoints().get(1));
    }

    @Test
    void quarterTurnsMatchAlbumentations() {
        // F.keypoint_rotate((20, 30, pi/2), 90, rows=100, cols=100) == (30, 79, pi); 180 -> (79, 69, 3 pi/2).
        Keypoint k = Keypoint.atPixel(20, 30, null).moved(20.5, 30.5, Math.PI / 2, Double.NaN);
        Sample r = run(100, 100, Node.step("rotate", Map.of("limit", List.of(90, 90))),
                List.of(new BoundingBox(10, 20, 30, 60, null)), List.of(k));
        assertPixel(30, 79, r.keypoints().get(0));
        assertEquals(Math.PI, r.keypoints().get(0).angle(), EPS);
        // A box turned a quarter is exact whatever the method: x' = y, y' = W - x.
        assertBox(20, 70, 60, 90, r.boxes().get(0));
        r = run(100, 100, Node.step("rotate", Map.of("limit", List.of(180, 180), "bbox_method", "ellipse")),
                List.of(new BoundingBox(10, 20, 30, 60, null)), List.of(k));
        assertPixel(79, 69, r.keypoints().get(0));
        assertEquals(3 * Math.PI / 2, r.keypoints().get(0).angle(), EPS);
        assertBox(70, 40, 90, 80, r.boxes().get(0));
    }

    @Test
    void cropsShiftAndClipWhilePointsOutsideAreDropped() {
        // Albumentations: CenterCrop(50, 50) of 100x100 takes (10, 10) out and (50, 50) to (25, 25),
        // (15, 15) out and (55, 55) to (30, 30).
        Sample c = run(100, 100, Node.step("center_crop", Map.of("height", 50, "width", 50)),
                List.of(new BoundingBox(30, 30, 60, 60, "in"), new BoundingBox(0, 0, 40, 40, "part"),
                        new BoundingBox(0, 0, 20, 20, "out")),
                List.of(Keypoint.atPixel(10, 10, "a"), Keypoint.atPixel(50, 50, "b"), Keypoint.atPixel(15, 15, "c"),
                        Keypoint.atPixel(55, 55, "d")));
        assertEquals(List.of("in", "part"), c.boxes().stream().map(BoundingBox::label).toList());
        assertBox(5, 5, 35, 35, c.boxes().get(0));
        assertBox(0, 0, 15, 15, c.boxes().get(1));
        assertEquals(List.of("b", "d"), c.keypoints().stream().map(Keypoint::label).toList());
        assertPixel(25, 25, c.keypoints().get(0));
        assertPixel(30, 30, c.keypoints().get(1));

        // A random crop moves by its sampled offset, resized back by its factor.
        Pipeline p = Pipeline.compile(PipelineSpec.of(Node.step("random_crop",
                Map.of("fraction", 0.5, "resize_back", true))), GeoTestSupport.REGISTRY);
        Sample in = Sample.of(ArrayImage.zeros(80, 120, 3, PixelType.UINT8))
                .withBoxes(List.of(new BoundingBox(0, 0, 120, 80, "all")));
        for (int i = 0; i < 10; i++) {
            var a = p.applyRecorded(in, i);
            CropParams cp = (CropParams) ((Replay.OfStep) ((Replay.OfSequence) a.replay()).steps().get(0)).params();
            assertBox(0, 0, 120, 80, a.sample().boxes().get(0));
            Keypoint moved = Pipeline.compile(PipelineSpec.of(Node.step("random_crop",
                    Map.of("fraction", 0.5, "resize_back", true))), GeoTestSupport.REGISTRY)
                    .apply(in.withKeypoints(List.of(new Keypoint(cp.x() + 10.25, cp.y() + 20.75, null))), i)
                    .keypoints().get(0);
            assertEquals(10.25 * 2, moved.x(), EPS);
            assertEquals(20.75 * 2, moved.y(), EPS);
        }
    }

    @Test
    void boxesMatchAlbumentationsBboxTests() {
        // tests/test_bbox.py (normalized boxes, times 100 here): bbox_rot90((0.1, 0.2, 0.3, 0.4), 1) is
        // (0.2, 0.7, 0.4, 0.9): a counter-clockwise quarter turn of a square image.
        Sample r = run(100, 100, Node.step("rotate", Map.of("limit", List.of(90, 90))),
                List.of(new BoundingBox(10, 20, 30, 40, null)), List.of());
        assertBox(20, 70, 40, 90, r.boxes().get(0));
        // bbox_center_crop((0.5, 0.2, 0.9, 0.7), 64, 64, rows=100, cols=100) is (0.5, 0.03125, 1.125, 0.8125) of
        // the 64x64 crop, unclipped: here with clip off, so the box is only moved.
        Pipeline unclipped = Pipeline.compile(PipelineSpec.of(Node.step("center_crop", Map.of("height", 64,
                "width", 64))).withTargets(new TargetOptions(false, 0, 0, 0, 0, TargetOptions.KeypointsOutside.DROP,
                Map.of())), GeoTestSupport.REGISTRY);
        Sample c = unclipped.apply(Sample.of(ArrayImage.zeros(100, 100, 3, PixelType.UINT8))
                .withBoxes(List.of(new BoundingBox(50, 20, 90, 70, null))), 0);
        assertBox(0.5 * 64, 0.03125 * 64, 1.125 * 64, 0.8125 * 64, c.boxes().get(0));
        // bbox_crop((0.5, 0.2, 0.9, 0.7), x_min=24, y_min=24, x_max=64, y_max=64, 100, 100) is
        // (0.65, -0.1, 1.65, 1.15) of the 40x40 crop: a transform moves, the pipeline clips.
        io.augment4j.api.Transform<CropParams> crop = GeoTestSupport.create("random_crop", Map.of());
        Sample moved = crop.apply(Sample.of(ArrayImage.zeros(100, 100, 3, PixelType.UINT8))
                .withBoxes(List.of(new BoundingBox(50, 20, 90, 70, null))), new CropParams(24, 24, 40, 40, 40, 40));
        assertBox(0.65 * 40, -0.1 * 40, 1.65 * 40, 1.15 * 40, moved.boxes().get(0));
        moved.image().close();
    }

    @Test
    void padAndResizeAreExact() {
        Sample p = run(100, 100, Node.step("pad_if_needed", Map.of("min_height", 120, "min_width", 121)),
                List.of(new BoundingBox(0, 0, 100, 100, null)), List.of(Keypoint.atPixel(0, 99, null)));
        assertBox(10, 10, 110, 110, p.boxes().get(0));
        assertPixel(10, 109, p.keypoints().get(0));
        // Resize 100x100 to 50 rows x 200 columns: x * 2, y / 2 in continuous coordinates (cv2.resize's geometry).
        Sample r = run(100, 100, Node.step("resize", Map.of("height", 50, "width", 200)),
                List.of(new BoundingBox(10, 20, 30, 40, null)), List.of(new Keypoint(0.5, 0.5, 0, 3, null)));
        assertBox(20, 10, 60, 20, r.boxes().get(0));
        assertEquals(1.0, r.keypoints().get(0).x(), EPS);
        assertEquals(0.25, r.keypoints().get(0).y(), EPS);
        assertEquals(6, r.keypoints().get(0).scale(), EPS, "scale times the largest stretch");
        assertEquals(0, r.keypoints().get(0).angle(), EPS);
    }

    @Test
    void flipSwapExchangesLeftAndRightOnMirroringStepsOnly() {
        Pipeline p = Pipeline.compile(PipelineSpec.of(Node.step("hflip"), Node.step("rotate"))
                .withTargets(TargetOptions.DEFAULT.withFlipSwap(Map.of("left_eye", "right_eye"))),
                GeoTestSupport.REGISTRY);
        Sample in = Sample.of(ArrayImage.zeros(50, 50, 3, PixelType.UINT8)).withKeypoints(List.of(
                new Keypoint(10.5, 20.5, "left_eye"), new Keypoint(40.5, 20.5, "right_eye")));
        Sample out = p.apply(in, 0);
        assertEquals(List.of("right_eye", "left_eye"), out.keypoints().stream().map(Keypoint::label).toList());
        assertTrue(out.keypoints().get(0).x() > 30, "the left eye's point went right and was renamed");
        Pipeline twice = Pipeline.compile(PipelineSpec.of(Node.step("hflip"), Node.step("vflip"), Node.step("hflip"))
                .withTargets(TargetOptions.DEFAULT.withFlipSwap(Map.of("left_eye", "right_eye"))),
                GeoTestSupport.REGISTRY);
        // hflip, vflip, hflip is a vertical mirror: three reflections, so the labels end swapped.
        assertEquals(List.of("right_eye", "left_eye"), twice.apply(in, 0).keypoints().stream()
                .map(Keypoint::label).toList());
    }

    @Test
    void cutoutDropsBoxesItHidesBeyondMinVisibilityAndItsReplayRoundTrips() {
        // One hole of half the image per side at a random place; boxes of 4x4 are hidden entirely or not at all
        // often enough to see both.
        Pipeline p = Pipeline.compile(PipelineSpec.of(Node.step("cutout", Map.of("num_holes", 1, "size", 0.5)))
                .withTargets(TargetOptions.DEFAULT.withMinVisibility(0.5)), GeoTestSupport.REGISTRY);
        Sample in = Sample.of(ArrayImage.zeros(40, 40, 3, PixelType.UINT8))
                .withBoxes(List.of(new BoundingBox(18, 18, 22, 22, "centre")))
                .withKeypoints(List.of(new Keypoint(20, 20, "stays")));
        int dropped = 0;
        for (int i = 0; i < 40; i++) {
            var a = p.applyRecorded(in, i);
            var holes = (io.augment4j.opencv.noise.Cutout.Holes) ((Replay.OfStep) ((Replay.OfSequence) a.replay())
                    .steps().get(0)).params();
            BoundingBox hole = holes.occluded().get(0);
            double w = Math.max(0, Math.min(22, hole.xMax()) - Math.max(18, hole.xMin()));
            double h = Math.max(0, Math.min(22, hole.yMax()) - Math.max(18, hole.yMin()));
            boolean hidden = w * h / 16 > 0.5;
            assertEquals(hidden ? 0 : 1, a.sample().boxes().size(), "sample " + i + ", hole " + hole);
            assertEquals(1, a.sample().keypoints().size(), "keypoints stay");
            dropped += hidden ? 1 : 0;
            assertEquals(a.sample().boxes(), p.replay(in, p.replayFromJson(p.replayToJson(a.replay()))).boxes());
        }
        assertTrue(dropped > 3 && dropped < 37, "dropped " + dropped);
    }

    @Test
    void everyGeometricTransformClaimsBoxesAndKeypoints() {
        for (String name : List.of("hflip", "vflip", "flip", "rotate", "shear", "affine", "perspective",
                "random_crop", "center_crop", "random_resized_crop", "pad_if_needed", "resize", "grid_distortion",
                "elastic", "optical_distortion")) {
            assertTrue(GeoTestSupport.REGISTRY.create(name, Map.of()).targets().containsAll(
                    List.of(Target.BOXES, Target.KEYPOINTS, Target.MASK)), name);
        }
    }
}
