package io.augment4j.opencv.geometric;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.ImageFormatException;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import io.augment4j.api.pipeline.Applied;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.opencv.MatImage;
import io.augment4j.opencv.TestImages;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.imgproc.Imgproc;

import java.util.List;
import java.util.Map;

import static io.augment4j.opencv.geometric.GeoTestSupport.apply;
import static io.augment4j.opencv.geometric.GeoTestSupport.create;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeometricWarpTest {
    private static final List<String> NAMES = List.of("rotate", "shear", "affine", "perspective");

    private static ArrayImage[] allKinds(int h, int w) {
        return new ArrayImage[] {TestImages.randomBytes(h, w, 1, 1), TestImages.randomBytes(h, w, 3, 2),
                TestImages.randomBytes(h, w, 4, 3), TestImages.randomFloats(h, w, 1, 4),
                TestImages.randomFloats(h, w, 3, 5), TestImages.randomFloats(h, w, 4, 6)};
    }

    @Test
    void rotateBy90IsTransposePlusFlipExactly() {
        for (String interp : List.of("nearest", "linear", "cubic")) {
            Transform<Rotate.Params> t = create("rotate", Map.of("interpolation", interp));
            for (int n : new int[] {7, 8}) {
                for (ArrayImage img : allKinds(n, n)) {
                    ArrayImage out = apply(t, img, new Rotate.Params(90, n, n));
                    // counter-clockwise: input (row y, col x) lands at (row n-1-x, col y)
                    for (int y = 0; y < n; y++) {
                        for (int x = 0; x < n; x++) {
                            for (int c = 0; c < img.channels(); c++) {
                                assertEquals(img.get(y, x, c), out.get(n - 1 - x, y, c),
                                        interp + " " + img + " at " + y + "," + x);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void rotationMatrixIsGetRotationMatrix2D() {
        Rotate.Params p = new Rotate.Params(23.5, 40, 30);
        Mat m = Imgproc.getRotationMatrix2D(new Point(19.5, 14.5), 23.5, 1);
        double[] mm = p.matrix();
        for (int i = 0; i < 6; i++) {
            assertEquals(m.get(i / 3, i % 3)[0], mm[i], 1e-12);
        }
        m.release();
    }

    @Test
    void shearAndAffineMatricesFollowTheBaselineFormulas() {
        double t = Math.tan(Math.toRadians(7));
        assertArrayEquals(new double[] {1, t, -t * 14.5, 0, 1, 0, 0, 0, 1}, new Shear.Params(7, 0, 40, 30).matrix(),
                1e-12);
        // affine with only rotation equals the rotation; with only translation shifts by (tx W, ty H)
        assertArrayEquals(new Rotate.Params(12, 40, 30).matrix(),
                new Affine.Params(12, 1, 0, 0, 0, 40, 30).matrix(), 1e-12);
        assertArrayEquals(new double[] {1, 0, 4, 0, 1, -3, 0, 0, 1},
                new Affine.Params(0, 1, 0.1, -0.1, 0, 40, 30).matrix(), 1e-12);
        // scale about the centre keeps the centre
        double[] c = new Affine.Params(30, 1.3, 0, 0, 10, 41, 31).mapPoint(20, 15);
        assertEquals(20, c[0], 1e-9);
        assertEquals(15, c[1], 1e-9);
    }

    @Test
    void perspectiveMatrixEqualsGetPerspectiveTransform() {
        Transform<Perspective.Params> t = create("perspective", Map.of());
        Sample s = Sample.of(TestImages.photo(30, 40, 1));
        Perspective.Params p = t.sample(s, new Rng(5));
        double[] q = p.quad();
        MatOfPoint2f src = new MatOfPoint2f(new Point(q[0], q[1]), new Point(q[2], q[3]), new Point(q[4], q[5]),
                new Point(q[6], q[7]));
        MatOfPoint2f dst = new MatOfPoint2f(new Point(0, 0), new Point(39, 0), new Point(39, 29), new Point(0, 29));
        Mat m = Imgproc.getPerspectiveTransform(src, dst);
        double[] mm = p.matrix();
        for (int i = 0; i < 9; i++) {
            // same system, same pivoting; LU rounding differs by ~1e-9 relative (1e-7 px at the corners)
            assertEquals(m.get(i / 3, i % 3)[0], mm[i], 1e-7 * Math.max(1, Math.abs(mm[i])));
        }
        m.release();
        src.release();
        dst.release();
        // corners move inward by at most scale.hi of the size
        assertTrue(q[0] >= 0 && q[0] <= 4 && q[1] >= 0 && q[1] <= 3 && q[2] <= 39 && q[2] >= 35);
    }

    @Test
    void zeroStrengthIsTheIdentityExactly() {
        for (ArrayImage img : allKinds(9, 12)) {
            Transform<Rotate.Params> r = create("rotate", Map.of());
            Transform<Shear.Params> sh = create("shear", Map.of());
            Transform<Affine.Params> af = create("affine", Map.of());
            Transform<Perspective.Params> pe = create("perspective", Map.of());
            assertEquals(img, apply(r, img, new Rotate.Params(0, 12, 9)));
            assertEquals(img, apply(sh, img, new Shear.Params(0, 0, 12, 9)));
            assertEquals(img, apply(af, img, new Affine.Params(0, 1, 0, 0, 0, 12, 9)));
            assertEquals(img, apply(pe, img, new Perspective.Params(new double[] {0, 0, 11, 0, 11, 8, 0, 8}, 12, 9)));
            // the same via specs with zero ranges
            Pipeline p = GeoTestSupport.pipeline(1, Node.step("rotate", Map.of("limit", 0)),
                    Node.step("shear", Map.of("x", 0)), Node.step("affine", Map.of("rotate", 0, "scale", List.of(1, 1),
                            "translate", 0, "shear", 0)), Node.step("perspective", Map.of("scale", 0)));
            assertEquals(img, p.apply(Sample.of(img), 3).image());
        }
    }

    @Test
    void brightPixelLandsWhereTheMatrixSays() {
        ArrayImage img = GeoTestSupport.dot(41, 53, 1, 30, 12);
        GeoTestSupport.assertDotFollowsMatrix(create("rotate", Map.of()), img, 30, 12,
                new Rotate.Params(33, 53, 41), 0.05);
        GeoTestSupport.assertDotFollowsMatrix(create("shear", Map.of()), img, 30, 12,
                new Shear.Params(12, -8, 53, 41), 0.05);
        GeoTestSupport.assertDotFollowsMatrix(create("affine", Map.of()), img, 30, 12,
                new Affine.Params(-11, 1.05, 0.07, -0.04, 6, 53, 41), 0.05);
        Transform<Perspective.Params> pe = create("perspective", Map.of("scale", List.of(0.1, 0.2)));
        for (int seed = 0; seed < 5; seed++) {
            Perspective.Params pp = pe.sample(Sample.of(img), new Rng(seed));
            GeoTestSupport.assertDotFollowsMatrix(pe, img, 30, 12, pp, 0.15);
        }
    }

    @Test
    void everyTypeAndChannelCountKeepsShapeAndType() {
        for (String name : NAMES) {
            Pipeline p = GeoTestSupport.pipeline(9, Node.step(name));
            for (ArrayImage img : allKinds(17, 23)) {
                ArrayImage out = p.apply(Sample.of(img), 0).image().toArrayImage();
                assertEquals(img.height(), out.height());
                assertEquals(img.width(), out.width());
                assertEquals(img.channels(), out.channels());
                assertEquals(img.pixelType(), out.pixelType());
                assertNotEquals(img, out, name);
            }
        }
    }

    @Test
    void inputIsNeverMutatedHeapOrNative() {
        ArrayImage img = TestImages.photo(20, 24, 3);
        byte[] before = img.copyBytes();
        for (String name : NAMES) {
            Transform<Object> t = create(name, Map.of());
            t.sampleAndApply(Sample.of(img), new Rng(1));
            assertArrayEquals(before, img.rawBytes(), name);
            try (MatImage m = MatImage.copyOf(img)) {
                Sample out = t.sampleAndApply(Sample.of(m), new Rng(1));
                assertEquals(img, m.toArrayImage(), name);
                assertTrue(out.image() != m);
                out.image().close();
            }
        }
    }

    @Test
    void borderModes() {
        for (ArrayImage img : new ArrayImage[] {GeoTestSupport.constant(16, 16, 3, PixelType.UINT8, 200),
                GeoTestSupport.constant(16, 16, 1, PixelType.FLOAT32, 200)}) {
            for (String name : NAMES) {
                Map<String, Object> strong = switch (name) {
                    case "rotate" -> Map.of("limit", List.of(40, 45));
                    case "shear" -> Map.of("x", List.of(30, 40));
                    case "affine" -> Map.of("rotate", List.of(30, 40), "scale", List.of(0.6, 0.7));
                    default -> Map.of("scale", List.of(0.3, 0.4));
                };
                for (String border : List.of("reflect", "reflect101", "replicate", "wrap")) {
                    Map<String, Object> m = new java.util.HashMap<>(strong);
                    m.put("border", border);
                    Pipeline p = GeoTestSupport.pipeline(2, Node.step(name, m));
                    // the border shows, but with any non-constant border a constant image stays constant
                    assertEquals(img, p.apply(Sample.of(img), 0).image(), name + " " + border);
                }
                if (name.equals("perspective")) {
                    continue; // the quadrilateral lies inside the image and is zoomed up: no border shows
                }
                Map<String, Object> m = new java.util.HashMap<>(strong);
                m.put("border", "constant");
                m.put("fill", img.channels() == 3 ? List.of(7, 8, 9) : List.of(7));
                ArrayImage out = GeoTestSupport.pipeline(2, Node.step(name, m)).apply(Sample.of(img), 0).image()
                        .toArrayImage();
                boolean filled = false;
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        if (out.get(y, x, 0) == 7) {
                            filled = true;
                            if (img.channels() == 3) {
                                assertEquals(8, out.get(y, x, 1));
                                assertEquals(9, out.get(y, x, 2));
                            }
                        }
                    }
                }
                assertTrue(filled, name + ": the constant fill shows nowhere");
            }
        }
    }

    @Test
    void fillOfTheWrongLengthIsRefusedClearly() {
        Transform<Object> t = create("rotate", Map.of("border", "constant", "fill", List.of(1, 2)));
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> t.sampleAndApply(Sample.of(TestImages.photo(8, 8, 1)), new Rng(1)));
        assertTrue(e.getMessage().contains("rotate") && e.getMessage().contains("3 channels"), e.getMessage());
    }

    @Test
    void paramsDrawnForAnotherSizeAreRefused() {
        Transform<Rotate.Params> t = create("rotate", Map.of());
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> t.apply(Sample.of(TestImages.photo(8, 8, 1)), new Rotate.Params(10, 9, 8)));
        assertTrue(e.getMessage().contains("8x9"), e.getMessage());
    }

    @Test
    void sampledValuesStayInRangeAndCoverIt() {
        Sample s = Sample.of(TestImages.photo(10, 10, 1));
        Transform<Rotate.Params> r = create("rotate", Map.of("limit", List.of(-5, 20)));
        Transform<Affine.Params> a = create("affine", Map.of());
        Transform<Shear.Params> sh = create("shear", Map.of("y", 4));
        Rng rng = new Rng(11);
        double rMin = 1e9;
        double rMax = -1e9;
        double sMin = 1e9;
        double sMax = -1e9;
        double yMax = -1e9;
        for (int i = 0; i < 3000; i++) {
            double ang = r.sample(s, rng).angle();
            rMin = Math.min(rMin, ang);
            rMax = Math.max(rMax, ang);
            Affine.Params ap = a.sample(s, rng);
            sMin = Math.min(sMin, ap.scale());
            sMax = Math.max(sMax, ap.scale());
            assertTrue(Math.abs(ap.translateX()) <= 0.1 && Math.abs(ap.translateY()) <= 0.1);
            assertTrue(Math.abs(ap.shear()) <= 10 && Math.abs(ap.angle()) <= 15);
            Shear.Params sp = sh.sample(s, rng);
            assertTrue(Math.abs(sp.x()) <= 10 && Math.abs(sp.y()) <= 4);
            yMax = Math.max(yMax, sp.y());
        }
        assertTrue(rMin >= -5 && rMin < -4.9 && rMax <= 20 && rMax > 19.9, rMin + " " + rMax);
        assertTrue(sMin >= 0.9 && sMin < 0.901 && sMax <= 1.1 && sMax > 1.099, sMin + " " + sMax);
        assertTrue(yMax > 3.9);
    }

    @Test
    void sameSeedSameOutputAndReplayRoundTripsThroughJson() {
        ArrayImage img = TestImages.photo(24, 32, 4);
        Pipeline p = GeoTestSupport.pipeline(42, Node.step("rotate"), Node.step("shear", Map.of("y", 5)),
                Node.step("affine"), Node.step("perspective"));
        ArrayImage a = p.apply(Sample.of(img), 7).image().toArrayImage();
        assertEquals(a, p.apply(Sample.of(img), 7).image());
        assertNotEquals(a, p.apply(Sample.of(img), 8).image());
        Applied rec = p.applyRecorded(Sample.of(img), 7);
        assertEquals(a, rec.sample().image());
        String json = p.replayToJson(rec.replay());
        assertTrue(json.contains("\"angle\"") && json.contains("\"quad\""), json);
        assertEquals(a, p.replay(Sample.of(img), p.replayFromJson(json)).image());
    }

    @Test
    void eightThreadsReproduceTheSingleThreadedOutput() throws Exception {
        Pipeline p = GeoTestSupport.pipeline(5, Node.step("rotate").withP(0.7), Node.step("shear").withP(0.7),
                Node.step("affine").withP(0.7), Node.step("perspective").withP(0.7), Node.step("hflip").withP(0.5));
        GeoTestSupport.assertThreadsReproduce(p, TestImages.photo(48, 64, 2), 24);
    }

    @Test
    void steadyStateAllocatesNothingNew() {
        for (String name : NAMES) {
            GeoTestSupport.assertSteadyState(create(name, Map.of()), TestImages.photo(64, 64, 1));
        }
    }

    @Test
    void descriptorsAreDocumented() {
        for (TransformDescriptor d : GeometricTransforms.descriptors()) {
            assertTrue(d.doc().length() > 20, d.name());
            d.params().forEach(ps -> assertTrue(ps.doc().length() > 10, d.name() + "." + ps.name()));
        }
        for (String name : NAMES) {
            assertTrue(GeoTestSupport.REGISTRY.contains(name), name);
        }
    }
}
