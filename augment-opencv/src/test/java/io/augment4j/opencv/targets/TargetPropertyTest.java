package io.augment4j.opencv.targets;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.BoundingBox;
import io.augment4j.api.Keypoint;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.targets.TargetOptions;
import io.augment4j.opencv.geometric.GeoTestSupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property tests on synthetic images: a white rectangle on black carries its box, a bright blob carries a keypoint,
 * through random geometric pipelines, fused and unfused.
 */
class TargetPropertyTest {
    private static final int H = 72;
    private static final int W = 96;
    private static final Map<String, Object> BLACK = Map.of("border", "constant");

    /** Steps that keep edges axis-aligned. */
    private static Node axisAligned(Random rnd) {
        return switch (rnd.nextInt(7)) {
            case 0 -> Node.step("hflip");
            case 1 -> Node.step("vflip");
            case 2 -> Node.step("random_crop", Map.of("fraction", 0.75 + 0.2 * rnd.nextDouble(),
                    "resize_back", rnd.nextBoolean()));
            case 3 -> Node.step("center_crop", Map.of("fraction", 0.8));
            case 4 -> Node.step("pad_if_needed", Map.of("min_height", H + 10, "min_width", W + 7, "border", "constant"));
            case 5 -> Node.step("resize", Map.of("scale", 0.8 + 0.6 * rnd.nextDouble()));
            default -> Node.step("random_resized_crop", Map.of("scale", List.of(0.6, 1.0)));
        };
    }

    /** Steps that turn edges. */
    private static Node turning(Random rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> Node.step("rotate", with(Map.of("limit", 45)));
            case 1 -> Node.step("shear", with(Map.of("x", 20, "y", 10)));
            case 2 -> Node.step("affine", with(Map.of("rotate", 30)));
            default -> Node.step("perspective", with(Map.of("scale", List.of(0.05, 0.15))));
        };
    }

    private static Map<String, Object> with(Map<String, Object> m) {
        Map<String, Object> out = new java.util.HashMap<>(BLACK);
        out.putAll(m);
        return out;
    }

    private static PipelineSpec randomSpec(Random rnd, boolean turns) {
        int n = 1 + rnd.nextInt(3);
        List<Node> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            steps.add(turns && rnd.nextInt(3) > 0 ? turning(rnd) : axisAligned(rnd));
        }
        return PipelineSpec.of(steps.toArray(Node[]::new)).withSeed(rnd.nextLong());
    }

    private static Sample rectangleSample(Random rnd) {
        int x0 = rnd.nextInt(W - 40);
        int y0 = rnd.nextInt(H - 35);
        int x1 = x0 + 24 + rnd.nextInt(16);
        int y1 = y0 + 20 + rnd.nextInt(15);
        return Sample.of(TargetImages.rectangle(H, W, x0, y0, x1, y1))
                .withBoxes(List.of(new BoundingBox(x0, y0, x1, y1, "rect")));
    }

    @Test
    void withoutTurnsTheMovedBoxMatchesTheWhitePixels() {
        Random rnd = new Random(11);
        int checked = 0;
        for (int trial = 0; trial < 150; trial++) {
            PipelineSpec spec = randomSpec(rnd, false);
            Sample in = rectangleSample(rnd);
            for (boolean fuse : new boolean[] {true, false}) {
                Sample out = Pipeline.compile(spec, GeoTestSupport.REGISTRY, fuse).apply(in, trial);
                BoundingBox white = TargetImages.brightBox((ArrayImage) out.image(), 128);
                if (white == null || white.area() < 64) {
                    continue;
                }
                assertEquals(1, out.boxes().size(), spec + " lost the box of " + white);
                double iou = TargetImages.iou(out.boxes().get(0), white);
                assertTrue(iou >= 0.9, spec + " (fused " + fuse + "): box " + out.boxes().get(0) + " vs white "
                        + white + ", IoU " + iou);
                checked++;
            }
        }
        assertTrue(checked > 200, "checked " + checked);
    }

    @Test
    void withTurnsTheMovedBoxContainsEveryWhitePixel() {
        Random rnd = new Random(12);
        int checked = 0;
        for (int trial = 0; trial < 150; trial++) {
            PipelineSpec spec = randomSpec(rnd, true);
            Sample in = rectangleSample(rnd);
            for (boolean fuse : new boolean[] {true, false}) {
                Sample out = Pipeline.compile(spec, GeoTestSupport.REGISTRY, fuse).apply(in, trial);
                ArrayImage img = (ArrayImage) out.image();
                BoundingBox white = TargetImages.brightBox(img, 128);
                if (white == null) {
                    continue;
                }
                assertEquals(1, out.boxes().size(), spec + " lost the box of " + white);
                BoundingBox b = out.boxes().get(0);
                // Pixel centres of bright pixels lie inside the box (half a pixel of interpolation spread allowed).
                assertTrue(white.xMin() + 0.5 >= b.xMin() - 0.5 && white.xMax() - 0.5 <= b.xMax() + 0.5
                        && white.yMin() + 0.5 >= b.yMin() - 0.5 && white.yMax() - 0.5 <= b.yMax() + 0.5,
                        spec + " (fused " + fuse + "): box " + b + " misses white pixels of " + white);
                checked++;
            }
        }
        assertTrue(checked > 200, "checked " + checked);
    }

    @Test
    void onStrongLocalWarpsTheMovedBoxHoldsEveryWhitePixelAndFitsIt() {
        // Stronger than the defaults (grid: 5 nodes, 5 %; elastic: alpha 34, sigma 4, displacements of ~1.4 px rms),
        // but without folds: grid nodes 32 px apart moved up to 10 % of a side, elastic ~2.2 px rms, lens k to 0.5.
        Random rnd = new Random(16);
        int checked = 0;
        for (int trial = 0; trial < 90; trial++) {
            Node warp = switch (trial % 3) {
                case 0 -> Node.step("grid_distortion", with(Map.of("num_steps", 4, "distort_limit", 0.1)));
                case 1 -> Node.step("elastic", with(Map.of("alpha", 80.0, "sigma", 6.0)));
                default -> Node.step("optical_distortion", with(Map.of("k", List.of(-0.5, 0.5))));
            };
            PipelineSpec spec = PipelineSpec.of(warp).withSeed(rnd.nextLong());
            Sample in = rectangleSample(rnd);
            BoundingBox before = in.boxes().get(0);
            Sample out = Pipeline.compile(spec, GeoTestSupport.REGISTRY).apply(in, trial);
            BoundingBox white = TargetImages.brightBox((ArrayImage) out.image(), 128);
            if (white == null || white.area() < 64) {
                continue;
            }
            assertEquals(1, out.boxes().size(), spec + " lost the box of " + white);
            BoundingBox b = out.boxes().get(0);
            assertTrue(white.xMin() + 0.5 >= b.xMin() - 0.5 && white.xMax() - 0.5 <= b.xMax() + 0.5
                    && white.yMin() + 0.5 >= b.yMin() - 0.5 && white.yMax() - 0.5 <= b.yMax() + 0.5,
                    spec + ": box " + before + " -> " + b + " misses white pixels of " + white);
            double iou = TargetImages.iou(b, white);
            assertTrue(iou >= 0.85, spec + ": box " + before + " -> " + b + " vs white " + white + ", IoU " + iou);
            checked++;
        }
        assertTrue(checked > 70, "checked " + checked);
    }

    @Test
    void aBrightBlobStaysWithinAPixelOfItsKeypoint() {
        Random rnd = new Random(13);
        int checked = 0;
        for (int trial = 0; trial < 120; trial++) {
            PipelineSpec spec;
            if (trial % 4 == 3) {
                spec = PipelineSpec.of(switch (rnd.nextInt(3)) {
                    case 0 -> Node.step("grid_distortion", with(Map.of("distort_limit", 0.05)));
                    case 1 -> Node.step("elastic", with(Map.of("alpha", 30.0, "sigma", 8.0)));
                    default -> Node.step("optical_distortion", with(Map.of("k", List.of(-0.4, 0.4))));
                }, Node.step("hflip").withP(0.5)).withSeed(rnd.nextLong());
            } else {
                spec = randomSpec(rnd, true);
            }
            double cx = 20 + rnd.nextDouble() * (W - 40);
            double cy = 20 + rnd.nextDouble() * (H - 40);
            Sample in = Sample.of(TargetImages.blob(H, W, cx, cy))
                    .withKeypoints(List.of(new Keypoint(cx, cy, "dot")));
            for (boolean fuse : new boolean[] {true, false}) {
                Sample out = Pipeline.compile(spec, GeoTestSupport.REGISTRY, fuse).apply(in, trial);
                double[] c = TargetImages.centroid((ArrayImage) out.image());
                if (c == null || out.keypoints().isEmpty() || c[0] < 4 || c[1] < 4 || c[0] > out.image().width() - 4
                        || c[1] > out.image().height() - 4) {
                    continue;
                }
                Keypoint k = out.keypoints().get(0);
                double d = Math.hypot(k.x() - c[0], k.y() - c[1]);
                assertTrue(d <= 1.0, spec + " (fused " + fuse + "): keypoint " + k + " vs blob at (" + c[0] + ", "
                        + c[1] + "), " + d + " px apart");
                checked++;
            }
        }
        assertTrue(checked > 150, "checked " + checked);
    }

    @Test
    void fusedAndUnfusedAgreeWithinAMillionthOfAPixel() {
        Random rnd = new Random(14);
        for (int trial = 0; trial < 60; trial++) {
            PipelineSpec spec = randomSpec(rnd, trial % 2 == 0);
            Sample in = rectangleSample(rnd).withKeypoints(List.of(new Keypoint(30.25, 40.5, 1, 2, "k"),
                    new Keypoint(3, 3, "corner")));
            // Unclipped and keeping points outside, so that frames of intermediate steps do not matter (a fused run
            // filters once, after the run: see FusedWarpRun).
            spec = spec.withTargets(new TargetOptions(false, 0, 0, 0, 0, TargetOptions.KeypointsOutside.KEEP,
                    Map.of()));
            Sample a = Pipeline.compile(spec, GeoTestSupport.REGISTRY, true).apply(in, trial);
            Sample b = Pipeline.compile(spec, GeoTestSupport.REGISTRY, false).apply(in, trial);
            assertEquals(b.boxes().size(), a.boxes().size(), spec.toString());
            for (int i = 0; i < a.boxes().size(); i++) {
                BoundingBox x = a.boxes().get(i);
                BoundingBox y = b.boxes().get(i);
                assertTrue(Math.abs(x.xMin() - y.xMin()) < 1e-6 && Math.abs(x.yMin() - y.yMin()) < 1e-6
                        && Math.abs(x.xMax() - y.xMax()) < 1e-6 && Math.abs(x.yMax() - y.yMax()) < 1e-6,
                        spec + ": " + x + " vs " + y);
            }
            assertEquals(b.keypoints().size(), a.keypoints().size(), spec.toString());
            for (int i = 0; i < a.keypoints().size(); i++) {
                assertTrue(Math.hypot(a.keypoints().get(i).x() - b.keypoints().get(i).x(),
                        a.keypoints().get(i).y() - b.keypoints().get(i).y()) < 1e-6, spec.toString());
            }
        }
    }

    @Test
    void eightThreadsGiveTheSameTargetsAsOne() throws Exception {
        Random rnd = new Random(15);
        PipelineSpec spec = PipelineSpec.of(Node.step("hflip").withP(0.5), Node.step("rotate", with(Map.of())),
                Node.step("random_resized_crop", Map.of("height", 64, "width", 64)),
                Node.step("grid_distortion").withP(0.5)).withSeed(5L);
        Pipeline p = Pipeline.compile(spec, GeoTestSupport.REGISTRY);
        List<Sample> inputs = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            inputs.add(rectangleSample(rnd).withKeypoints(List.of(new Keypoint(40, 30, 0.5, 1, "k"))));
        }
        List<Sample> serial = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            serial.add(p.apply(inputs.get(i), i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Sample>> futures = new ArrayList<>();
            for (int i = inputs.size() - 1; i >= 0; i--) {
                int idx = i;
                futures.add(pool.submit(() -> p.apply(inputs.get(idx), idx)));
            }
            for (int i = 0; i < inputs.size(); i++) {
                Sample par = futures.get(inputs.size() - 1 - i).get();
                assertNotNull(par);
                assertEquals(serial.get(i).boxes(), par.boxes(), "sample " + i);
                assertEquals(serial.get(i).keypoints(), par.keypoints(), "sample " + i);
                assertEquals(serial.get(i).image(), par.image(), "sample " + i);
            }
        } finally {
            pool.shutdown();
        }
    }
}
