package io.augment4j.opencv.crop;

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
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.List;
import java.util.Map;

import static io.augment4j.opencv.geometric.GeoTestSupport.apply;
import static io.augment4j.opencv.geometric.GeoTestSupport.create;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CropTest {
    private static ArrayImage[] allKinds(int h, int w) {
        return new ArrayImage[] {TestImages.randomBytes(h, w, 1, 1), TestImages.randomBytes(h, w, 3, 2),
                TestImages.randomBytes(h, w, 4, 3), TestImages.randomFloats(h, w, 1, 4),
                TestImages.randomFloats(h, w, 3, 5), TestImages.randomFloats(h, w, 4, 6)};
    }

    /** The output equals the input sub-array at the box, value for value. */
    private static void assertIsBox(ArrayImage img, ArrayImage out, CropParams p) {
        assertEquals(p.height(), out.height());
        assertEquals(p.width(), out.width());
        assertEquals(img.pixelType(), out.pixelType());
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                for (int c = 0; c < img.channels(); c++) {
                    assertEquals(img.get(p.y() + y, p.x() + x, c), out.get(y, x, c), p + " at " + y + "," + x);
                }
            }
        }
    }

    @Test
    void randomCropIsTheExactSubArrayAndCoversEveryOffset() {
        Transform<CropParams> t = create("random_crop", Map.of("height", 5, "width", 7));
        for (ArrayImage img : allKinds(9, 10)) {
            Rng rng = new Rng(3);
            boolean[] xs = new boolean[4];
            boolean[] ys = new boolean[5];
            for (int i = 0; i < 200; i++) {
                CropParams p = t.sample(Sample.of(img), rng);
                assertEquals(7, p.width());
                assertEquals(5, p.height());
                xs[p.x()] = true;
                ys[p.y()] = true;
                if (i < 10) {
                    assertIsBox(img, apply(t, img, p), p);
                }
            }
            for (boolean b : xs) {
                assertTrue(b, "some x offset never drawn");
            }
            for (boolean b : ys) {
                assertTrue(b, "some y offset never drawn");
            }
        }
    }

    @Test
    void fractionRoundsHalfEvenLikePythonAndEachSideMayBeGivenInPixels() {
        Transform<CropParams> t = create("random_crop", Map.of("fraction", 0.5));
        CropParams p = t.sample(Sample.of(TestImages.randomBytes(25, 27, 1, 1)), new Rng(1));
        assertEquals(12, p.height()); // round(12.5) = 12 in Python
        assertEquals(14, p.width()); // round(13.5) = 14
        Transform<CropParams> mixed = create("center_crop", Map.of("height", 3, "fraction", 0.8));
        CropParams q = mixed.sample(Sample.of(TestImages.randomBytes(10, 10, 1, 1)), new Rng(1));
        assertEquals(new CropParams(1, 3, 8, 3, 8, 3), q);
    }

    @Test
    void centerCropMatchesTheBaselineOffsets() {
        Transform<CropParams> t = create("center_crop", Map.of("fraction", 0.8));
        assertEquals(new CropParams((223 - 178) / 2, (224 - 179) / 2, 178, 179, 178, 179),
                t.sample(Sample.of(TestImages.randomBytes(224, 223, 1, 1)), new Rng(0)));
        for (ArrayImage img : allKinds(24, 23)) {
            CropParams p = t.sample(Sample.of(img), new Rng(0));
            assertEquals(new CropParams(2, 2, 18, 19, 18, 19), p);
            assertIsBox(img, apply(t, img, p), p);
        }
    }

    @Test
    void cropLargerThanTheImageIsRefusedClearly() {
        for (String name : List.of("random_crop", "center_crop")) {
            Pipeline p = GeoTestSupport.pipeline(1, Node.step(name, Map.of("height", 12, "width", 5)));
            ImageFormatException e = assertThrows(ImageFormatException.class,
                    () -> p.apply(Sample.of(TestImages.photo(10, 10, 1)), 0));
            assertTrue(e.getMessage().contains(name) && e.getMessage().contains("12x5")
                    && e.getMessage().contains("10x10") && e.getMessage().contains("pad_if_needed"), e.getMessage());
        }
    }

    @Test
    void cropResizeSpecReproducesTheBaseline() {
        // bench crop_resize: random_crop {fraction: 0.8, resize_back: true}
        Transform<CropParams> t = create("random_crop", Map.of("fraction", 0.8, "resize_back", true));
        ArrayImage img = TestImages.photo(40, 50, 3);
        CropParams p = t.sample(Sample.of(img), new Rng(9));
        assertEquals(32, p.height());
        assertEquals(40, p.width());
        assertEquals(50, p.outputWidth());
        assertEquals(40, p.outputHeight());
        ArrayImage out = apply(t, img, p);
        try (MatImage m = MatImage.copyOf(img)) {
            Mat sub = m.mat().submat(p.y(), p.y() + 32, p.x(), p.x() + 40);
            Mat ref = new Mat();
            Imgproc.resize(sub, ref, new Size(50, 40), 0, 0, Imgproc.INTER_LINEAR);
            try (MatImage r = MatImage.own(ref)) {
                assertEquals(r.toArrayImage(), out);
            }
            sub.release();
        }
    }

    @Test
    void randomResizedCropScaleAndRatioStayInRangeAndCoverIt() {
        Transform<CropParams> t = create("random_resized_crop", Map.of());
        Sample s = Sample.of(TestImages.photo(240, 240, 1));
        Rng rng = new Rng(17);
        double sMin = 1;
        double sMax = 0;
        double rMin = 10;
        double rMax = 0;
        for (int i = 0; i < 3000; i++) {
            CropParams p = t.sample(s, rng);
            assertEquals(240, p.outputWidth());
            assertEquals(240, p.outputHeight());
            assertTrue(p.x() >= 0 && p.y() >= 0 && p.x() + p.width() <= 240 && p.y() + p.height() <= 240, "" + p);
            double scale = (double) p.width() * p.height() / (240.0 * 240);
            double ratio = (double) p.width() / p.height();
            // integer rounding of the sides moves scale and ratio a little
            assertTrue(scale >= 0.08 * 0.97 && scale <= 1.0, "scale " + scale);
            assertTrue(ratio >= 0.75 * 0.97 && ratio <= 4.0 / 3 * 1.03, "ratio " + ratio);
            sMin = Math.min(sMin, scale);
            sMax = Math.max(sMax, scale);
            rMin = Math.min(rMin, ratio);
            rMax = Math.max(rMax, ratio);
        }
        assertTrue(sMin < 0.09 && sMax > 0.85, sMin + " " + sMax);
        assertTrue(rMin < 0.77 && rMax > 1.30, rMin + " " + rMax);
    }

    @Test
    void randomResizedCropFallsBackToTheCentralCropAndResizes() {
        // ratio 3..4 never fits a 10x10 image with area >= 90%: central fallback, clamped to the ratio range
        Transform<CropParams> t = create("random_resized_crop", Map.of("height", 6, "width", 8,
                "scale", List.of(0.9, 1.0), "ratio", List.of(3, 4)));
        ArrayImage img = TestImages.photo(10, 10, 2);
        CropParams p = t.sample(Sample.of(img), new Rng(1));
        assertEquals(new CropParams(0, 3, 10, 3, 8, 6), p);
        ArrayImage out = apply(t, img, p);
        assertEquals(6, out.height());
        assertEquals(8, out.width());
    }

    @Test
    void resizeByScaleAndBySize() {
        Transform<Resize.Params> half = create("resize", Map.of("scale", 0.5));
        for (ArrayImage img : allKinds(21, 30)) {
            Resize.Params p = half.sample(Sample.of(img), new Rng(0));
            assertEquals(new Resize.Params(30, 21, 15, 10), p);
            ArrayImage out = apply(half, img, p);
            assertEquals(10, out.height());
            assertEquals(15, out.width());
            assertEquals(img.channels(), out.channels());
            assertEquals(img.pixelType(), out.pixelType());
        }
        Transform<Resize.Params> fixed = create("resize", Map.of("height", 7, "width", 9, "interpolation", "area"));
        assertEquals(new Resize.Params(30, 21, 9, 7), fixed.sample(Sample.of(TestImages.photo(21, 30, 1)), null));
        // no change of size is a copy
        Transform<Resize.Params> same = create("resize", Map.of());
        ArrayImage img = TestImages.randomFloats(5, 6, 3, 1);
        assertEquals(img, apply(same, img, same.sample(Sample.of(img), null)));
    }

    @Test
    void padIfNeededCentresAndFills() {
        Transform<PadIfNeeded.Params> t = create("pad_if_needed", Map.of("min_height", 8, "min_width", 10,
                "border", "constant", "fill", List.of(1, 2, 3)));
        ArrayImage img = TestImages.randomBytes(5, 7, 3, 4);
        PadIfNeeded.Params p = t.sample(Sample.of(img), null);
        assertEquals(new PadIfNeeded.Params(1, 2, 1, 2, 7, 5), p);
        ArrayImage out = apply(t, img, p);
        assertEquals(8, out.height());
        assertEquals(10, out.width());
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 10; x++) {
                boolean inside = y >= 1 && y < 6 && x >= 1 && x < 8;
                for (int c = 0; c < 3; c++) {
                    assertEquals(inside ? img.get(y - 1, x - 1, c) : c + 1, out.get(y, x, c));
                }
            }
        }
        // reflect101 mirrors without repeating the edge; a large enough image is copied as it is
        Transform<PadIfNeeded.Params> r = create("pad_if_needed", Map.of("min_height", 7, "min_width", 7));
        ArrayImage f = TestImages.randomFloats(5, 7, 1, 4);
        ArrayImage fo = apply(r, f, r.sample(Sample.of(f), null));
        for (int x = 0; x < 7; x++) {
            assertEquals(f.get(1, x, 0), fo.get(0, x, 0));
            assertEquals(f.get(3, x, 0), fo.get(6, x, 0));
        }
        Transform<PadIfNeeded.Params> none = create("pad_if_needed", Map.of("min_height", 3));
        assertEquals(f, apply(none, f, none.sample(Sample.of(f), null)));
    }

    @Test
    void brightPixelLandsWhereTheMatrixSays() {
        ArrayImage img = GeoTestSupport.dot(40, 60, 1, 33, 21);
        Transform<CropParams> crop = create("random_crop", Map.of("height", 30, "width", 40));
        GeoTestSupport.assertDotFollowsMatrix(crop, img, 33, 21, new CropParams(10, 5, 40, 30, 40, 30), 1e-9);
        Transform<CropParams> rrc = create("random_resized_crop", Map.of());
        GeoTestSupport.assertDotFollowsMatrix(rrc, img, 33, 21, new CropParams(10, 5, 40, 30, 60, 40), 0.05);
        Transform<Resize.Params> rs = create("resize", Map.of());
        GeoTestSupport.assertDotFollowsMatrix(rs, img, 33, 21, new Resize.Params(60, 40, 90, 60), 0.05);
        Transform<PadIfNeeded.Params> pad = create("pad_if_needed", Map.of());
        GeoTestSupport.assertDotFollowsMatrix(pad, img, 33, 21, new PadIfNeeded.Params(3, 1, 2, 5, 60, 40), 1e-9);
    }

    @Test
    void inputIsNeverMutatedAndTypesArePreserved() {
        for (String name : List.of("random_crop", "center_crop", "random_resized_crop", "pad_if_needed", "resize")) {
            Map<String, Object> params = switch (name) {
                case "random_crop", "center_crop" -> Map.of("fraction", 0.7);
                case "pad_if_needed" -> Map.of("min_height", 20, "min_width", 20);
                case "resize" -> Map.of("scale", 1.5);
                default -> Map.of();
            };
            Transform<Object> t = create(name, params);
            for (ArrayImage img : allKinds(12, 14)) {
                ArrayImage copy = img.pixelType() == PixelType.UINT8
                        ? ArrayImage.ofBytes(12, 14, img.channels(), img.rawBytes())
                        : ArrayImage.ofFloats(12, 14, img.channels(), img.rawFloats());
                Sample out = t.sampleAndApply(Sample.of(img), new Rng(2));
                assertEquals(copy, img, name);
                assertEquals(img.channels(), out.image().channels());
                assertEquals(img.pixelType(), out.image().pixelType());
                out.image().close();
            }
        }
    }

    @Test
    void replayRoundTripsAndThreadsReproduce() throws Exception {
        Pipeline p = GeoTestSupport.pipeline(3, Node.step("pad_if_needed", Map.of("min_height", 50)),
                Node.step("random_resized_crop", Map.of("height", 32, "width", 32)).withP(0.8),
                Node.step("random_crop", Map.of("fraction", 0.9, "resize_back", true)).withP(0.8),
                Node.step("center_crop", Map.of("fraction", 0.9)), Node.step("resize", Map.of("scale", 0.75)));
        ArrayImage img = TestImages.photo(40, 52, 5);
        var rec = p.applyRecorded(Sample.of(img), 4);
        String json = p.replayToJson(rec.replay());
        assertEquals(rec.sample().image(), p.replay(Sample.of(img), p.replayFromJson(json)).image());
        GeoTestSupport.assertThreadsReproduce(p, img, 24);
    }

    @Test
    void steadyStateAllocatesNothingNew() {
        GeoTestSupport.assertSteadyState(create("random_crop", Map.of("fraction", 0.8, "resize_back", true)),
                TestImages.photo(64, 64, 1));
        GeoTestSupport.assertSteadyState(create("random_resized_crop", Map.of()), TestImages.photo(64, 64, 1));
        GeoTestSupport.assertSteadyState(create("center_crop", Map.of("fraction", 0.5)), TestImages.photo(64, 64, 1));
        GeoTestSupport.assertSteadyState(create("pad_if_needed", Map.of("min_height", 80)),
                TestImages.photo(64, 64, 1));
        GeoTestSupport.assertSteadyState(create("resize", Map.of("scale", 0.5)), TestImages.photo(64, 64, 1));
    }

    @Test
    void descriptorsAreDocumented() {
        for (TransformDescriptor d : CropTransforms.descriptors()) {
            assertTrue(d.doc().length() > 20, d.name());
            d.params().forEach(ps -> assertTrue(ps.doc().length() > 10, d.name() + "." + ps.name()));
            assertTrue(GeoTestSupport.REGISTRY.contains(d.name()));
        }
        assertArrayEquals(new String[] {"random_crop", "center_crop", "random_resized_crop", "pad_if_needed", "resize"},
                CropTransforms.descriptors().stream().map(TransformDescriptor::name).toArray());
    }
}
