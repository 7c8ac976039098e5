package io.augment4j.opencv.color;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.ImageFormatException;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import io.augment4j.api.registry.ParameterException;
import io.augment4j.api.spi.Range;
import io.augment4j.opencv.OpenCvRuntime;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import java.util.List;
import java.util.Map;

import static io.augment4j.opencv.color.Fixtures.apply;
import static io.augment4j.opencv.color.Fixtures.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColorAdjustTest {
    private static int sat(double v) {
        return (int) Math.max(0, Math.min(255, Math.rint(v)));
    }

    @Test
    void neutralValuesAreTheIdentityForEveryKind() {
        Map<String, Map<String, ?>> neutral = Map.of(
                "brightness", Map.of("factor", List.of(1, 1)),
                "contrast", Map.of("factor", 0),
                "saturation", Map.of("factor", 0),
                "hue", Map.of("shift", 0),
                "gamma", Map.of("gamma", 0),
                "color_jitter", Map.of("brightness", 0, "contrast", 0, "saturation", 0, "hue", 0));
        for (var e : neutral.entrySet()) {
            Transform<Object> t = create(e.getKey(), e.getValue());
            for (ArrayImage img : Fixtures.allKinds(7, 9, 3)) {
                assertEquals(img, Fixtures.sampleApply(t, img, 5), e.getKey() + " " + img);
            }
        }
        Transform<Object> shift = create("rgb_shift", Map.of("r_shift", 0, "g_shift", 0, "b_shift", 0));
        for (ArrayImage img : Fixtures.allKinds(7, 9, 3)) {
            if (img.channels() > 1) {
                assertEquals(img, Fixtures.sampleApply(shift, img, 5));
            }
        }
    }

    @Test
    void brightnessContrastGammaMatchTheFormulaExactlyOnUint8() {
        ArrayImage img = Fixtures.random(16, 16, 3, PixelType.UINT8, 1);
        Adjust b = (Adjust) (Transform<?>) create("brightness", Map.of());
        ArrayImage out = apply(b, img, new Adjust.Factor(1.37));
        double sumGray = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(sat(1.37 * img.get(y, x, c)), out.get(y, x, c), 0.0);
                }
                // OpenCV's 8-bit RGB2GRAY: the 601 weights in 14-bit fixed point, rounded.
                int gray = ((int) img.get(y, x, 0) * 4899 + (int) img.get(y, x, 1) * 9617
                        + (int) img.get(y, x, 2) * 1868 + (1 << 13)) >> 14;
                sumGray += gray;
            }
        }
        // contrast blends with the mean of that gray image, as the Python baseline.
        double mean = sumGray / 256;
        Adjust c = (Adjust) (Transform<?>) create("contrast", Map.of());
        out = apply(c, img, new Adjust.Factor(0.6));
        Adjust g = (Adjust) (Transform<?>) create("gamma", Map.of());
        ArrayImage gam = apply(g, img, new Adjust.Factor(0.8));
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                for (int ch = 0; ch < 3; ch++) {
                    double v = img.get(y, x, ch);
                    assertEquals(sat(0.6 * v + 0.4 * mean), out.get(y, x, ch), 0.0);
                    assertEquals(sat(Math.pow(v / 255, 0.8) * 255), gam.get(y, x, ch), 0.0);
                }
            }
        }
    }

    @Test
    void floatAdjustmentsAreUnclippedAndScaleFree() {
        ArrayImage img = Fixtures.constantF(2, 3, new float[] {0.2f, 0.5f, 0.9f, 0.7f});
        Adjust b = (Adjust) (Transform<?>) create("brightness", Map.of());
        ArrayImage out = apply(b, img, new Adjust.Factor(2.0));
        assertEquals(1.8, out.get(1, 2, 2), 1e-6);
        assertEquals(0.7f, (float) out.get(1, 2, 3)); // alpha kept
        Adjust s = (Adjust) (Transform<?>) create("saturation", Map.of());
        out = apply(s, img, new Adjust.Factor(0.0));
        double gray = 0.299 * 0.2 + 0.587 * 0.5 + 0.114 * 0.9;
        for (int c = 0; c < 3; c++) {
            assertEquals(gray, out.get(0, 0, c), 1e-5);
        }
        assertEquals(0.7f, (float) out.get(0, 0, 3));
        Adjust g = (Adjust) (Transform<?>) create("gamma", Map.of());
        out = apply(g, Fixtures.constantF(1, 1, new float[] {51f, -3f, 255f}), new Adjust.Factor(2.0));
        assertEquals(255 * 0.04, out.get(0, 0, 0), 1e-3);
        assertEquals(0, out.get(0, 0, 1), 0.0);
        assertEquals(255, out.get(0, 0, 2), 1e-3);
    }

    @Test
    void saturationZeroGivesTheGrayImageAndOneChannelIsUnchanged() {
        ArrayImage img = Fixtures.random(12, 10, 3, PixelType.UINT8, 4);
        Adjust s = (Adjust) (Transform<?>) create("saturation", Map.of());
        ArrayImage out = apply(s, img, new Adjust.Factor(0.0));
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 10; x++) {
                double gray = 0.299 * img.get(y, x, 0) + 0.587 * img.get(y, x, 1) + 0.114 * img.get(y, x, 2);
                for (int c = 0; c < 3; c++) {
                    assertEquals(gray, out.get(y, x, c), 1.0);
                }
            }
        }
        ArrayImage g1 = Fixtures.random(5, 5, 1, PixelType.UINT8, 2);
        assertEquals(g1, apply(s, g1, new Adjust.Factor(0.3)));
        Adjust h = (Adjust) (Transform<?>) create("hue", Map.of());
        assertEquals(g1, apply(h, g1, new Adjust.Factor(0.3)));
    }

    @Test
    void hueRotatesPrimariesAndWrapsForFloatAndUint8() {
        Adjust h = (Adjust) (Transform<?>) create("hue", Map.of("shift", 0.5));
        ArrayImage red = Fixtures.constantF(1, 2, new float[] {1f, 0f, 0f});
        assertPixel(apply(h, red, new Adjust.Factor(1.0 / 3)), 0, 1, 0, 1e-5);
        assertPixel(apply(h, red, new Adjust.Factor(-1.0 / 3)), 0, 0, 1, 1e-5);
        // magenta (H = 300 degrees) + 90 degrees wraps to H = 30 degrees: (1, 0.5, 0)
        ArrayImage magenta = Fixtures.constantF(1, 1, new float[] {1f, 0f, 1f});
        assertPixel(apply(h, magenta, new Adjust.Factor(0.25)), 1, 0.5, 0, 1e-5);
        // the same on a large image, which goes through OpenCV's SIMD path rather than its scalar tail
        ArrayImage big = apply(h, Fixtures.constantF(16, 33, new float[] {1f, 0f, 1f}), new Adjust.Factor(0.25));
        float[] v = big.toFloatArray();
        for (int i = 0; i < v.length; i += 3) {
            assertEquals(1f, v[i], 1e-5, "pixel " + i / 3);
            assertEquals(0.5f, v[i + 1], 1e-5, "pixel " + i / 3);
            assertEquals(0f, v[i + 2], 1e-5, "pixel " + i / 3);
        }
        ArrayImage red8 = Fixtures.constant(2, 2, new int[] {255, 0, 0, 77});
        ArrayImage out = apply(h, red8, new Adjust.Factor(1.0 / 3));
        assertEquals(0, out.get(0, 0, 0), 0.0);
        assertEquals(255, out.get(0, 0, 1), 0.0);
        assertEquals(0, out.get(0, 0, 2), 0.0);
        assertEquals(77, out.get(0, 0, 3), 0.0);
        // uint8 HSV round trip: half a turn twice stays within a few levels of the input
        ArrayImage img = Fixtures.random(8, 8, 3, PixelType.UINT8, 9);
        ArrayImage twice = apply(h, apply(h, img, new Adjust.Factor(0.5)), new Adjust.Factor(0.5));
        float[] a = img.toFloatArray();
        float[] b = twice.toFloatArray();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 12, "value " + i);
        }
    }

    private static void assertPixel(ArrayImage img, double r, double g, double b, double tol) {
        assertEquals(r, img.get(0, 0, 0), tol);
        assertEquals(g, img.get(0, 0, 1), tol);
        assertEquals(b, img.get(0, 0, 2), tol);
    }

    @Test
    void sampledValuesCoverTheirRanges() {
        Adjust b = (Adjust) (Transform<?>) create("brightness", Map.of("factor", List.of(0.5, 1.5)));
        double lo = 9;
        double hi = -9;
        Rng rng = new Rng(3);
        Sample s = Sample.of(Fixtures.constant(1, 1, new int[] {1, 2, 3}));
        for (int i = 0; i < 2000; i++) {
            double v = b.sample(s, rng).value();
            assertTrue(v >= 0.5 && v <= 1.5);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertTrue(lo < 0.51 && hi > 1.49, lo + " " + hi);
    }

    @Test
    void rangesAndParameterErrors() {
        assertEquals(new Range(0, 2.5), ((Adjust) (Transform<?>) create("contrast", Map.of("factor", 1.5))).range());
        assertEquals(new Range(0.7, 1.3), ((Adjust) (Transform<?>) create("saturation", Map.of("factor", 0.3)))
                .range());
        assertEquals(new Range(-0.1, 0.1), ((Adjust) (Transform<?>) create("hue", Map.of("shift", 0.1))).range());
        ParameterException e = assertThrows(ParameterException.class,
                () -> create("gamma", Map.of("gamma", List.of(0, 1))));
        assertEquals("gamma", e.parameter());
        e = assertThrows(ParameterException.class, () -> create("brightness", Map.of("factor", List.of(-2, -1))));
        assertEquals("factor", e.parameter());
        assertThrows(ParameterException.class, () -> create("hue", Map.of("shift", 0.7)));
    }

    @Test
    void rgbShiftIsASaturatingAddAndRefusesGray() {
        ArrayImage img = Fixtures.random(6, 5, 4, PixelType.UINT8, 8);
        RgbShift t = (RgbShift) (Transform<?>) create("rgb_shift", Map.of());
        ArrayImage out = apply(t, img, new RgbShift.Shift(17, -20, 3));
        int[] d = {17, -20, 3, 0};
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 5; x++) {
                for (int c = 0; c < 4; c++) {
                    assertEquals(sat(img.get(y, x, c) + d[c]), out.get(y, x, c), 0.0);
                }
            }
        }
        ArrayImage f = Fixtures.constantF(1, 1, new float[] {250f, 1f, 0.5f});
        ArrayImage fo = apply(t, f, new RgbShift.Shift(17, -20, 0.25));
        assertPixel(fo, 267, -19, 0.75, 1e-4);
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> apply(t, Fixtures.random(3, 3, 1, PixelType.UINT8, 1), new RgbShift.Shift(1, 1, 1)));
        assertTrue(e.getMessage().contains("rgb_shift"), e.getMessage());
    }

    @Test
    void toGrayUsesOpenCvWeights() {
        ToGray keep = (ToGray) (Transform<?>) create("to_gray", Map.of());
        ArrayImage red = Fixtures.constant(2, 2, new int[] {255, 0, 0});
        ArrayImage out = apply(keep, red, io.augment4j.api.NoParams.INSTANCE);
        assertEquals(3, out.channels());
        for (int c = 0; c < 3; c++) {
            assertEquals(Math.round(0.299 * 255), out.get(1, 1, c), 0.0);
        }
        ToGray one = (ToGray) (Transform<?>) create("to_gray", Map.of("keep_channels", false));
        ArrayImage img = Fixtures.random(9, 7, 3, PixelType.UINT8, 5);
        ArrayImage g = apply(one, img, io.augment4j.api.NoParams.INSTANCE);
        assertEquals(1, g.channels());
        OpenCvRuntime.ensureLoaded();
        Mat m = new Mat(9, 7, CvType.CV_8UC3);
        m.put(0, 0, img.rawBytes());
        Mat ref = new Mat();
        Imgproc.cvtColor(m, ref, Imgproc.COLOR_RGB2GRAY);
        byte[] rb = new byte[63];
        ref.get(0, 0, rb);
        m.release();
        ref.release();
        assertEquals(ArrayImage.wrapBytes(9, 7, 1, rb), g);
        ArrayImage rgba = Fixtures.constant(1, 1, new int[] {0, 255, 0, 9});
        ArrayImage o4 = apply(keep, rgba, io.augment4j.api.NoParams.INSTANCE);
        assertEquals(Math.round(0.587 * 255), o4.get(0, 0, 0), 0.0);
        assertEquals(9, o4.get(0, 0, 3), 0.0);
        ArrayImage f = Fixtures.constantF(1, 1, new float[] {0.5f, 0.25f, 1f});
        assertEquals(0.299 * 0.5 + 0.587 * 0.25 + 0.114, apply(keep, f, io.augment4j.api.NoParams.INSTANCE)
                .get(0, 0, 2), 1e-6);
    }
}
