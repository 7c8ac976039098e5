package io.augment4j.opencv.color;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Image;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;
import io.augment4j.opencv.MatImage;
import io.augment4j.opencv.TestImages;
import io.augment4j.opencv.noise.NoiseTransforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared helpers of the colour and noise tests (a registry of only these two families, image builders, checks). */
public final class Fixtures {
    /** The colour and noise descriptors alone, so these tests do not depend on other families. */
    public static final TransformRegistry REGISTRY = TransformRegistry.of(new TransformProvider() {
        @Override
        public int spiVersion() {
            return SPI_VERSION;
        }

        @Override
        public List<TransformDescriptor> transforms() {
            List<TransformDescriptor> all = new ArrayList<>(ColorTransforms.descriptors());
            all.addAll(NoiseTransforms.descriptors());
            return all;
        }
    });

    private Fixtures() {
    }

    @SuppressWarnings("unchecked")
    public static <P> Transform<P> create(String name, Map<String, ?> params) {
        return (Transform<P>) REGISTRY.create(name, params);
    }

    /** Applies given parameters and returns a heap copy, closing the native result. */
    public static <P> ArrayImage apply(Transform<P> t, Image img, P params) {
        Sample out = t.apply(Sample.of(img), params);
        try {
            return out.image().toArrayImage();
        } finally {
            if (out.image() != img) {
                out.image().close();
            }
        }
    }

    /** Samples parameters with {@code new Rng(seed)} and applies them. */
    public static <P> ArrayImage sampleApply(Transform<P> t, Image img, long seed) {
        P p = t.sample(Sample.of(img), new Rng(seed));
        return apply(t, img, p);
    }

    public static Pipeline pipeline(long seed, Node... steps) {
        return Pipeline.compile(PipelineSpec.of(steps).withSeed(seed), REGISTRY);
    }

    public static ArrayImage constant(int h, int w, int[] rgb) {
        int c = rgb.length;
        byte[] b = new byte[h * w * c];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) rgb[i % c];
        }
        return ArrayImage.wrapBytes(h, w, c, b);
    }

    public static ArrayImage constantF(int h, int w, float[] v) {
        int c = v.length;
        float[] f = new float[h * w * c];
        for (int i = 0; i < f.length; i++) {
            f[i] = v[i % c];
        }
        return ArrayImage.wrapFloats(h, w, c, f);
    }

    /** Random UINT8 or FLOAT32 (0..255 scale) image. */
    public static ArrayImage random(int h, int w, int c, PixelType type, long seed) {
        ArrayImage b = TestImages.randomBytes(h, w, c, seed);
        return type == PixelType.UINT8 ? b : b.toFloat32();
    }

    /** Every (channels, type) combination. */
    public static List<ArrayImage> allKinds(int h, int w, long seed) {
        List<ArrayImage> out = new ArrayList<>();
        for (int c : new int[] {1, 3, 4}) {
            for (PixelType t : PixelType.values()) {
                out.add(random(h, w, c, t, seed + c));
            }
        }
        return out;
    }

    public static float[] values(ArrayImage img) {
        return img.toFloatArray();
    }

    /** Applies the transform to a native copy of {@code img} and checks the native input is unchanged. */
    public static void assertInputUntouched(Transform<?> t, ArrayImage img, long seed) {
        try (MatImage nat = MatImage.copyOf(img)) {
            Sample in = Sample.of(nat);
            Sample out = t.sampleAndApply(in, new Rng(seed));
            try {
                assertTrue(out.image() != nat, "a new image is returned");
            } finally {
                out.image().close();
            }
            assertEquals(img, nat.toArrayImage(), "input Mat modified");
        }
        // heap input too
        float[] before = values(img);
        sampleApply(t, img, seed);
        assertArrayEquals(before, values(img));
    }

    /** 8 threads applying the pipeline to the same indices reproduce the single-threaded results. */
    public static void assertThreadsReproduce(Pipeline pipeline, ArrayImage img, int count) throws Exception {
        List<ArrayImage> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(pipeline.apply(Sample.of(img), i).image().toArrayImage());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ArrayImage>> got = new ArrayList<>();
            for (int rep = 0; rep < 3; rep++) {
                for (int i = count - 1; i >= 0; i--) {
                    final int idx = i;
                    got.add(pool.submit(() -> pipeline.apply(Sample.of(img), idx).image().toArrayImage()));
                }
            }
            int k = 0;
            for (int rep = 0; rep < 3; rep++) {
                for (int i = count - 1; i >= 0; i--) {
                    assertEquals(expected.get(i), got.get(k++).get(), "index " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Applies {@code t} {@code n} times to a native image, closing each result, and checks with {@code outstanding}
     * (the package's count of pooled Mats taken and not given back) that every call hands out exactly its result:
     * a temporary that is not recycled shows up as a count that grows faster than the calls.
     */
    public static void assertNoLeak(Transform<?> t, ArrayImage img, int n, java.util.function.LongSupplier outstanding) {
        try (MatImage nat = MatImage.copyOf(img)) {
            Sample in = Sample.of(nat);
            Rng rng = new Rng(99);
            for (int i = 0; i < 20; i++) {
                t.sampleAndApply(in, rng).image().close();
            }
            long before = outstanding.getAsLong();
            for (int i = 0; i < n; i++) {
                t.sampleAndApply(in, rng).image().close();
            }
            // Each result was closed, which gives its Mat back: any temporary not returned would show here.
            assertEquals(0, outstanding.getAsLong() - before, "pooled Mats not given back after " + n + " calls");
            assertEquals(img, nat.toArrayImage());
        }
    }

    public static String str(Object o) {
        return o instanceof int[] a ? Arrays.toString(a) : String.valueOf(o);
    }
}
