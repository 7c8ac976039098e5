package io.augment4j.opencv.geometric;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Image;
import io.augment4j.api.PixelType;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import io.augment4j.api.geometry.ProjectiveParams;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.opencv.MatImage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared helpers of the geometric, crop and warp tests. */
public final class GeoTestSupport {
    public static final TransformRegistry REGISTRY = TransformRegistry.discover();

    private GeoTestSupport() {
    }

    /** A transform built by the registry from spec-style parameters. */
    @SuppressWarnings("unchecked")
    public static <P> Transform<P> create(String name, Map<String, Object> params) {
        return (Transform<P>) REGISTRY.create(name, params);
    }

    /** A one-step pipeline. */
    public static Pipeline pipeline(long seed, Node... steps) {
        return Pipeline.compile(PipelineSpec.of(steps).withSeed(seed), REGISTRY);
    }

    /** Applies fixed parameters and returns a heap copy, closing the native result. */
    public static <P> ArrayImage apply(Transform<P> t, Image img, P params) {
        Sample out = t.apply(Sample.of(img), params);
        ArrayImage a = out.image().toArrayImage();
        out.image().close();
        return a;
    }

    /** An image of zeros with one pixel at 255 (all channels). */
    public static ArrayImage dot(int h, int w, int c, int x, int y) {
        byte[] b = new byte[h * w * c];
        for (int k = 0; k < c; k++) {
            b[(y * w + x) * c + k] = (byte) 255;
        }
        return ArrayImage.wrapBytes(h, w, c, b);
    }

    /** A constant image. */
    public static ArrayImage constant(int h, int w, int c, PixelType type, int value) {
        int n = h * w * c;
        if (type == PixelType.UINT8) {
            byte[] b = new byte[n];
            java.util.Arrays.fill(b, (byte) value);
            return ArrayImage.wrapBytes(h, w, c, b);
        }
        float[] f = new float[n];
        java.util.Arrays.fill(f, value);
        return ArrayImage.wrapFloats(h, w, c, f);
    }

    /** Intensity-weighted centroid of channel 0: {x, y}. */
    public static double[] centroid(ArrayImage img) {
        double sx = 0;
        double sy = 0;
        double s = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                double v = img.get(y, x, 0);
                sx += v * x;
                sy += v * y;
                s += v;
            }
        }
        assertTrue(s > 0, "the bright pixel vanished");
        return new double[] {sx / s, sy / s};
    }

    /** The bright pixel at (x, y) lands where the params' matrix says (centroid within {@code tol} pixels). */
    public static <P> void assertDotFollowsMatrix(Transform<P> t, ArrayImage img, int x, int y, P params,
                                                  double tol) {
        ProjectiveParams pp = (ProjectiveParams) params;
        ArrayImage out = apply(t, img, params);
        assertEquals(pp.outputWidth(), out.width());
        assertEquals(pp.outputHeight(), out.height());
        double[] expect = pp.mapPoint(x, y);
        double[] got = centroid(out);
        assertEquals(expect[0], got[0], tol, "x of " + params);
        assertEquals(expect[1], got[1], tol, "y of " + params);
    }

    /** Heap snapshot of any image's values as doubles. */
    public static double[] values(Image img) {
        ArrayImage a = img.toArrayImage();
        double[] v = new double[a.valueCount()];
        int i = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                for (int c = 0; c < a.channels(); c++) {
                    v[i++] = a.get(y, x, c);
                }
            }
        }
        return v;
    }

    /** Runs indices 0..n-1 on 8 threads sharing {@code p}, and checks each equals the single-threaded result. */
    public static void assertThreadsReproduce(Pipeline p, ArrayImage img, int n) throws Exception {
        List<ArrayImage> single = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            single.add(p.apply(Sample.of(img), i).image().toArrayImage());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ArrayImage>> fs = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                for (int i = n - 1; i >= 0; i--) {
                    final int idx = i;
                    fs.add(pool.submit(() -> p.apply(Sample.of(img), idx).image().toArrayImage()));
                }
            }
            int k = 0;
            for (int r = 0; r < 3; r++) {
                for (int i = n - 1; i >= 0; i--) {
                    assertEquals(single.get(i), fs.get(k++).get(), "index " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Resident set size of this process in kB (Linux), or -1. */
    public static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    /**
     * Applies {@code t} 2000 times to a native input with freshly sampled params, closing each output: the output
     * buffers must come back from the pool (same Java Mat each time) and the RSS must stay flat.
     */
    public static <P> void assertSteadyState(Transform<P> t, ArrayImage img) {
        io.augment4j.api.Rng rng = new io.augment4j.api.Rng(3);
        // start from an empty pool: earlier tests on this thread may have filled it (it is bounded in total)
        io.augment4j.opencv.MatPool.clearThread();
        try (MatImage in = MatImage.copyOf(img)) {
            Sample s = Sample.of(in);
            for (int i = 0; i < 200; i++) {
                t.apply(s, t.sample(s, rng)).image().close();
            }
            long before = rssKb();
            Object firstMat = null;
            int reused = 0;
            for (int i = 0; i < 2000; i++) {
                Sample out = t.apply(s, t.sample(s, rng));
                MatImage m = (MatImage) out.image();
                if (firstMat == null) {
                    firstMat = m.mat();
                } else if (m.mat() == firstMat) {
                    reused++;
                }
                m.close();
            }
            long after = rssKb();
            assertTrue(reused > 0, "output buffers are not coming back from the pool");
            if (before > 0) {
                // a leaked output or temporary of this size per call would add > 2000 x 100 kB
                assertTrue(after - before < 40_000, "RSS grew by " + (after - before) + " kB over 2000 calls");
            }
        }
    }

    /** Asserts two images equal value by value (for messages). */
    public static void assertSameValues(Image expected, Image actual, String what) {
        assertEquals(expected.height(), actual.height(), what);
        assertEquals(expected.width(), actual.width(), what);
        assertEquals(expected.channels(), actual.channels(), what);
        assertArrayEquals(values(expected), values(actual), what);
    }
}
