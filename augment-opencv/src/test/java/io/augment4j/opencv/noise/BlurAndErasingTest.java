package io.augment4j.opencv.noise;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.ImageFormatException;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import io.augment4j.api.registry.ParameterException;
import io.augment4j.opencv.OpenCvRuntime;
import io.augment4j.opencv.color.Fixtures;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.List;
import java.util.Map;

import static io.augment4j.opencv.color.Fixtures.apply;
import static io.augment4j.opencv.color.Fixtures.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlurAndErasingTest {
    private static byte[] opencvBlur(ArrayImage img, int k, double sigma) {
        OpenCvRuntime.ensureLoaded();
        Mat m = new Mat(img.height(), img.width(), CvType.CV_8UC(img.channels()));
        m.put(0, 0, img.rawBytes());
        Mat out = new Mat();
        Imgproc.GaussianBlur(m, out, new Size(k, k), sigma, sigma, Core.BORDER_REFLECT_101);
        byte[] b = new byte[img.valueCount()];
        out.get(0, 0, b);
        m.release();
        out.release();
        return b;
    }

    @Test
    void gaussianBlurIsOpenCvsWithReflect101() {
        GaussianBlur t = (GaussianBlur) (Transform<?>) create("gaussian_blur", Map.of("ksize", 7));
        ArrayImage img = Fixtures.random(20, 17, 3, PixelType.UINT8, 3);
        ArrayImage out = apply(t, img, new GaussianBlur.Blur(1.3));
        assertEquals(ArrayImage.wrapBytes(20, 17, 3, opencvBlur(img, 7, 1.3)), out);
        ArrayImage flat = Fixtures.constantF(9, 9, new float[] {3f, 7f, 11f, 1f});
        for (float v : apply(t, flat, new GaussianBlur.Blur(2)).toFloatArray()) {
            assertTrue(v == 3f || v == 7f || v == 11f || v == 1f || Math.abs(v - Math.rint(v)) < 1e-4);
        }
        ParameterException e = assertThrows(ParameterException.class,
                () -> create("gaussian_blur", Map.of("ksize", 4)));
        assertEquals("ksize", e.parameter());
        assertTrue(e.getMessage().contains("odd"));
    }

    @Test
    void motionBlurKernelIsANormalisedLine() {
        OpenCvRuntime.ensureLoaded();
        Mat ker = new Mat(7, 7, CvType.CV_32F);
        MotionBlur.kernel(ker, 7, 0);
        float[] k = new float[49];
        ker.get(0, 0, k);
        for (int i = 0; i < 49; i++) {
            assertEquals(i / 7 == 3 ? 1f / 7 : 0f, k[i], 1e-7, "entry " + i);
        }
        MotionBlur.kernel(ker, 7, 90);
        ker.get(0, 0, k);
        for (int i = 0; i < 49; i++) {
            assertEquals(i % 7 == 3 ? 1f / 7 : 0f, k[i], 1e-7, "entry " + i);
        }
        MotionBlur.kernel(ker, 7, 37);
        assertEquals(1.0, Core.sumElems(ker).val[0], 1e-6);
        ker.release();
        MotionBlur t = (MotionBlur) (Transform<?>) create("motion_blur", Map.of());
        ArrayImage flat = Fixtures.constant(12, 12, new int[] {10, 200, 90});
        assertEquals(flat, apply(t, flat, new MotionBlur.Motion(33)));
        // a horizontal streak averages along rows only
        ArrayImage img = Fixtures.random(9, 15, 1, PixelType.UINT8, 2);
        ArrayImage out = apply(t, img, new MotionBlur.Motion(0));
        double s = 0;
        for (int x = 4; x <= 10; x++) {
            s += img.get(4, x, 0);
        }
        assertEquals(Math.rint(s / 7), out.get(4, 7, 0), 1.0);
        assertThrows(ParameterException.class, () -> create("motion_blur", Map.of("ksize", 8)));
    }

    @Test
    void cutoutFillsExactlyTheRecordedHoles() {
        Cutout t = (Cutout) (Transform<?>) create("cutout", Map.of("num_holes", 5, "size", 0.2,
                "fill", List.of(1, 2, 3)));
        for (PixelType type : PixelType.values()) {
            ArrayImage img = Fixtures.random(40, 50, 3, type, 6);
            Cutout.Holes h = t.sample(Sample.of(img), new Rng(3));
            assertEquals(8, h.height());
            assertEquals(10, h.width());
            ArrayImage out = apply(t, img, h);
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 50; x++) {
                    boolean inHole = false;
                    for (int i = 0; i < 5; i++) {
                        inHole |= y >= h.ys()[i] && y < h.ys()[i] + 8 && x >= h.xs()[i] && x < h.xs()[i] + 10;
                    }
                    for (int c = 0; c < 3; c++) {
                        assertEquals(inHole ? c + 1 : img.get(y, x, c), out.get(y, x, c), 0.0, y + "," + x);
                    }
                }
            }
        }
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> Fixtures.sampleApply(t, Fixtures.random(10, 10, 1, PixelType.UINT8, 1), 1));
        assertTrue(e.getMessage().contains("cutout"));
        ParameterException pe = assertThrows(ParameterException.class,
                () -> create("cutout", Map.of("fill", List.of(1, 2))));
        assertEquals("fill", pe.parameter());
        pe = assertThrows(ParameterException.class, () -> create("random_erasing", Map.of("ratio", List.of(0, 2))));
        assertEquals("ratio", pe.parameter());
    }

    @Test
    void randomErasingDrawsLikeTorchvisionAndFillsOneRectangle() {
        RandomErasing t = (RandomErasing) (Transform<?>) create("random_erasing", Map.of("value", 7));
        ArrayImage img = Fixtures.random(60, 80, 3, PixelType.UINT8, 2);
        Rng rng = new Rng(5);
        double minA = 1;
        double maxA = 0;
        for (int i = 0; i < 300; i++) {
            RandomErasing.Region r = t.sample(Sample.of(img), rng);
            assertTrue(r.height() > 0 && r.height() < 60 && r.width() < 80);
            assertTrue(r.y() + r.height() <= 60 && r.x() + r.width() <= 80);
            double a = r.height() * r.width() / 4800.0;
            minA = Math.min(minA, a);
            maxA = Math.max(maxA, a);
            double ratio = r.height() / (double) r.width();
            assertTrue(ratio > 0.2 && ratio < 4.5, "ratio " + ratio);
        }
        assertTrue(minA < 0.04 && maxA > 0.25, minA + " " + maxA);
        RandomErasing.Region r = new RandomErasing.Region(5, 6, 10, 20);
        ArrayImage out = apply(t, img, r);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 80; x++) {
                boolean in = y >= 5 && y < 15 && x >= 6 && x < 26;
                assertEquals(in ? 7 : img.get(y, x, 1), out.get(y, x, 1), 0.0);
            }
        }
        RandomErasing whole = (RandomErasing) (Transform<?>) create("random_erasing", Map.of("scale", List.of(1, 1),
                "ratio", List.of(1, 1)));
        assertEquals(0, whole.sample(Sample.of(img), rng).height());
        assertEquals(img, Fixtures.sampleApply(whole, img, 1));
    }
}
