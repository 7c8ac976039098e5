package io.augment4j.opencv.warp;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.ImageFormatException;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.opencv.MatImage;
import io.augment4j.opencv.TestImages;
import io.augment4j.opencv.geometric.GeoTestSupport;
import org.junit.jupiter.api.Test;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.augment4j.opencv.geometric.GeoTestSupport.apply;
import static io.augment4j.opencv.geometric.GeoTestSupport.create;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarpTest {
    private static final List<String> NAMES = List.of("grid_distortion", "elastic", "optical_distortion");

    private static ArrayImage[] allKinds(int h, int w) {
        return new ArrayImage[] {TestImages.randomBytes(h, w, 1, 1), TestImages.randomBytes(h, w, 3, 2),
                TestImages.randomBytes(h, w, 4, 3), TestImages.randomFloats(h, w, 1, 4),
                TestImages.randomFloats(h, w, 3, 5), TestImages.randomFloats(h, w, 4, 6)};
    }

    private static Map<String, Object> strong(String name) {
        return switch (name) {
            case "grid_distortion" -> Map.of("distort_limit", 0.3);
            case "elastic" -> Map.of("alpha", 400.0, "sigma", 3.0);
            default -> Map.of("k", List.of(0.8, 0.9)); // positive k reads outside the image near the corners
        };
    }

    @Test
    void zeroStrengthIsTheIdentityExactly() {
        for (ArrayImage img : allKinds(13, 17)) {
            assertEquals(img, apply(create("grid_distortion", Map.of()), img,
                    new GridDistortion.Params(5, new double[50])), "grid " + img);
            assertEquals(img, apply(create("elastic", Map.of()), img, new Elastic.Params(12345, 0, 4)),
                    "elastic " + img);
            assertEquals(img, apply(create("optical_distortion", Map.of()), img, new OpticalDistortion.Params(0)),
                    "optical " + img);
            Pipeline p = GeoTestSupport.pipeline(1, Node.step("grid_distortion", Map.of("distort_limit", 0)),
                    Node.step("elastic", Map.of("alpha", 0.0)), Node.step("optical_distortion", Map.of("k", 0)));
            assertEquals(img, p.apply(Sample.of(img), 5).image());
        }
    }

    @Test
    void gridDistortionMapIsTheCubicGridPlusIdentity() {
        double[] o = new double[2 * 3 * 3];
        o[2 * 4] = 0.1; // centre node dx = 0.1 W
        o[2 * 4 + 1] = -0.05; // centre node dy = -0.05 H
        GridDistortion.Params p = new GridDistortion.Params(3, o);
        int h = 30;
        int w = 60;
        float[] mx = new float[h * w];
        float[] my = new float[h * w];
        p.sourceCoordinates(h, w, mx, my);
        // the centre of the middle grid cell reads 6 px to the right and 1.5 px up
        int cy = 14;
        int cx = 29;
        // cubic interpolation of the 3x3 nodes at the exact middle sample (fx = (29+0.5)*3/60-0.5 = 0.975)
        assertTrue(mx[cy * w + cx] - cx > 5 && mx[cy * w + cx] - cx < 6.5, "" + (mx[cy * w + cx] - cx));
        assertTrue(my[cy * w + cx] - cy < -1 && my[cy * w + cx] - cy > -1.7, "" + (my[cy * w + cx] - cy));
        // far corners move little
        assertEquals(0, mx[0], 1.0);
        assertEquals(0, my[0], 0.5);
    }

    @Test
    void opticalMapsAreInitUndistortRectifyMapsOfTheBaseline() {
        int h = 20;
        int w = 30;
        OpticalDistortion.Params p = new OpticalDistortion.Params(0.05);
        float[] mx = new float[h * w];
        float[] my = new float[h * w];
        p.sourceCoordinates(h, w, mx, my);
        Mat cam = new Mat(3, 3, CvType.CV_32F);
        cam.put(0, 0, new float[] {w, 0, w * 0.5f, 0, h, h * 0.5f, 0, 0, 1});
        Mat dist = new Mat(1, 5, CvType.CV_32F);
        dist.put(0, 0, new float[] {0.05f, 0.05f, 0, 0, 0});
        Mat m1 = new Mat();
        Mat m2 = new Mat();
        Calib3d.initUndistortRectifyMap(cam, dist, new Mat(), cam, new Size(w, h), CvType.CV_32FC1, m1, m2);
        float[] ex = new float[h * w];
        float[] ey = new float[h * w];
        m1.get(0, 0, ex);
        m2.get(0, 0, ey);
        assertArrayEquals(ex, mx);
        assertArrayEquals(ey, my);
        for (Mat m : new Mat[] {cam, dist, m1, m2}) {
            m.release();
        }
    }

    @Test
    void outputFollowsTheRecordedSourceCoordinates() {
        // with nearest interpolation each output pixel is the input pixel its map points at
        ArrayImage img = TestImages.randomBytes(40, 50, 1, 8);
        for (String name : NAMES) {
            Map<String, Object> m = new HashMap<>(strong(name));
            m.put("interpolation", "nearest");
            Transform<Object> t = create(name, m);
            Object params = t.sample(Sample.of(img), new Rng(4));
            ArrayImage out = apply(t, img, params);
            float[] mx = new float[40 * 50];
            float[] my = new float[40 * 50];
            ((io.augment4j.api.geometry.DisplacementParams) params).sourceCoordinates(40, 50, mx, my);
            int checked = 0;
            int agree = 0;
            int moved = 0;
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 50; x++) {
                    int i = y * 50 + x;
                    int sx = Math.round(mx[i]);
                    int sy = Math.round(my[i]);
                    moved += sx != x || sy != y ? 1 : 0;
                    if (sx >= 0 && sx < 50 && sy >= 0 && sy < 40) {
                        checked++;
                        agree += img.get(sy, sx, 0) == out.get(y, x, 0) ? 1 : 0;
                    }
                }
            }
            assertTrue(moved > 200, name + " barely moves anything: " + moved);
            // OpenCV rounds the map to 1/32 pixel first; a few exact halves may round the other way
            assertTrue(agree >= checked * 0.99, name + ": " + agree + " of " + checked);
        }
    }

    @Test
    void borderModes() {
        for (ArrayImage img : new ArrayImage[] {GeoTestSupport.constant(24, 24, 3, PixelType.UINT8, 200),
                GeoTestSupport.constant(24, 24, 1, PixelType.FLOAT32, 200)}) {
            for (String name : NAMES) {
                for (String border : List.of("reflect", "reflect101", "replicate", "wrap")) {
                    Map<String, Object> m = new HashMap<>(strong(name));
                    m.put("border", border);
                    assertEquals(img, GeoTestSupport.pipeline(2, Node.step(name, m)).apply(Sample.of(img), 0).image(),
                            name + " " + border);
                }
                Map<String, Object> m = new HashMap<>(strong(name));
                m.put("border", "constant");
                m.put("fill", img.channels() == 3 ? List.of(7, 8, 9) : List.of(7));
                ArrayImage out = GeoTestSupport.pipeline(2, Node.step(name, m)).apply(Sample.of(img), 0).image()
                        .toArrayImage();
                int filled = 0;
                for (int y = 0; y < 24; y++) {
                    for (int x = 0; x < 24; x++) {
                        if (out.get(y, x, 0) == 7) {
                            filled++;
                            if (img.channels() == 3) {
                                assertEquals(9, out.get(y, x, 2));
                            }
                        }
                    }
                }
                assertTrue(filled > 0, name + ": the constant fill shows nowhere");
            }
        }
    }

    @Test
    void everyTypeAndChannelCountKeepsShapeAndTypeAndInputIsUntouched() {
        for (String name : NAMES) {
            Transform<Object> t = create(name, Map.of());
            for (ArrayImage img : allKinds(21, 26)) {
                ArrayImage copy = img.pixelType() == PixelType.UINT8
                        ? ArrayImage.ofBytes(21, 26, img.channels(), img.rawBytes())
                        : ArrayImage.ofFloats(21, 26, img.channels(), img.rawFloats());
                try (MatImage m = MatImage.copyOf(img)) {
                    Sample out = t.sampleAndApply(Sample.of(m), new Rng(7));
                    assertEquals(copy, m.toArrayImage(), name);
                    ArrayImage o = out.image().toArrayImage();
                    out.image().close();
                    assertEquals(21, o.height());
                    assertEquals(26, o.width());
                    assertEquals(img.channels(), o.channels());
                    assertEquals(img.pixelType(), o.pixelType());
                    assertNotEquals(img, o, name);
                }
                t.sampleAndApply(Sample.of(img), new Rng(7));
                assertEquals(copy, img);
            }
        }
    }

    @Test
    void sampledValuesStayInRangeAndCoverIt() {
        Sample s = Sample.of(TestImages.photo(10, 10, 1));
        Transform<GridDistortion.Params> g = create("grid_distortion", Map.of("num_steps", 4,
                "distort_limit", List.of(-0.1, 0.2)));
        Transform<OpticalDistortion.Params> o = create("optical_distortion", Map.of());
        Transform<Elastic.Params> e = create("elastic", Map.of("alpha", 10.0, "sigma", 2.0));
        Rng rng = new Rng(2);
        double gMin = 1;
        double gMax = -1;
        double kMin = 1;
        double kMax = -1;
        java.util.Set<Integer> seeds = new java.util.HashSet<>();
        for (int i = 0; i < 500; i++) {
            GridDistortion.Params gp = g.sample(s, rng);
            assertEquals(4, gp.steps());
            assertEquals(32, gp.offsets().length);
            for (double v : gp.offsets()) {
                assertTrue(v >= -0.1 && v <= 0.2);
                gMin = Math.min(gMin, v);
                gMax = Math.max(gMax, v);
            }
            double k = o.sample(s, rng).k();
            assertTrue(Math.abs(k) <= 0.05);
            kMin = Math.min(kMin, k);
            kMax = Math.max(kMax, k);
            Elastic.Params ep = e.sample(s, rng);
            assertEquals(10.0, ep.alpha());
            assertEquals(2.0, ep.sigma());
            seeds.add(ep.seed());
        }
        assertTrue(gMin < -0.099 && gMax > 0.199 && kMin < -0.049 && kMax > 0.049);
        assertTrue(seeds.size() > 495);
    }

    @Test
    void elasticFieldIsSmoothAndScaledByAlpha() {
        int h = 64;
        int w = 64;
        float[] mx = new float[h * w];
        float[] my = new float[h * w];
        new Elastic.Params(99, 34, 4).sourceCoordinates(h, w, mx, my);
        double sum = 0;
        double sq = 0;
        double maxStep = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = mx[y * w + x] - x;
                sum += d;
                sq += d * d;
                if (x > 0) {
                    maxStep = Math.max(maxStep, Math.abs(d - (mx[y * w + x - 1] - (x - 1))));
                }
            }
        }
        double mean = sum / (h * w);
        double sd = Math.sqrt(sq / (h * w) - mean * mean);
        // U(-1,1) has sd 0.577; a 17x17 sigma-4 blur keeps about 0.577 / (2 sqrt(pi) 4) = 0.04 of it, times 34
        assertTrue(Math.abs(mean) < 0.5, "mean " + mean);
        assertTrue(sd > 0.7 && sd < 2.5, "sd " + sd);
        assertTrue(maxStep < 1.0, "neighbouring displacements jump by " + maxStep);
        // same seed, same field; the field of another seed differs
        float[] mx2 = new float[h * w];
        new Elastic.Params(99, 34, 4).sourceCoordinates(h, w, mx2, new float[h * w]);
        assertArrayEquals(mx, mx2);
        new Elastic.Params(100, 34, 4).sourceCoordinates(h, w, mx2, new float[h * w]);
        assertNotEquals(mx[100], mx2[100]);
        assertEquals(17, Elastic.kernelSize(4));
    }

    @Test
    void fillOfTheWrongLengthIsRefusedClearly() {
        Transform<Object> t = create("elastic", Map.of("fill", List.of(1, 2, 3)));
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> t.sampleAndApply(Sample.of(TestImages.randomBytes(8, 8, 4, 1)), new Rng(1)));
        assertTrue(e.getMessage().contains("elastic") && e.getMessage().contains("4 channels"), e.getMessage());
    }

    @Test
    void replayRoundTripsAndThreadsReproduce() throws Exception {
        Pipeline p = GeoTestSupport.pipeline(8, Node.step("grid_distortion").withP(0.7),
                Node.step("elastic").withP(0.7), Node.step("optical_distortion").withP(0.7));
        ArrayImage img = TestImages.photo(40, 48, 5);
        var rec = p.applyRecorded(Sample.of(img), 6);
        String json = p.replayToJson(rec.replay());
        assertEquals(rec.sample().image(), p.replay(Sample.of(img), p.replayFromJson(json)).image());
        assertEquals(rec.sample().image(), p.apply(Sample.of(img), 6).image());
        GeoTestSupport.assertThreadsReproduce(p, img, 24);
    }

    @Test
    void steadyStateAllocatesNothingNew() {
        for (String name : NAMES) {
            GeoTestSupport.assertSteadyState(create(name, Map.of()), TestImages.photo(64, 64, 1));
        }
    }

    @Test
    void descriptorsAreDocumented() {
        for (TransformDescriptor d : WarpTransforms.descriptors()) {
            assertTrue(d.doc().length() > 20, d.name());
            d.params().forEach(ps -> assertTrue(ps.doc().length() > 10, d.name() + "." + ps.name()));
            assertTrue(GeoTestSupport.REGISTRY.contains(d.name()));
        }
    }
}
