package io.augment4j.trainer.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.augment4j.api.AugmentException;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import org.junit.jupiter.api.Test;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.NoParams;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineBridgeTest {
    private final TransformRegistry registry = TransformRegistry.discover();

    private static float[] ramp(int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = i % 256;
        }
        return f;
    }

    @Test
    void augmenterAppliesThePipelineExactlyOnPhotoData() {
        Pipeline hflip = Pipeline.compile(PipelineSpec.of(Node.step("hflip")), registry);
        float[] in = ramp(2 * 3);
        float[] out = new PipelineAugmenter(hflip).augment(in.clone(), 2, 3, 1, 7);
        assertArrayEquals(new float[] {2, 1, 0, 5, 4, 3}, out);
    }

    @Test
    void floatDataStaysFloatAndExamplesOfAnotherSizeUseTheirOwnBuffer() {
        Pipeline hflip = Pipeline.compile(PipelineSpec.of(Node.step("hflip")), registry);
        PipelineAugmenter floats = new PipelineAugmenter(hflip, false);
        float[] in = {0.25f, -1.5f, 3.75f, 1e-3f, 7f, 0f};
        float[] out = floats.augment(in, 2, 3, 1, 7);
        assertArrayEquals(new float[] {3.75f, -1.5f, 0.25f, 0f, 7f, 1e-3f}, out);
        assertTrue(out == in, "the result takes the example's own array");

        // One thread's byte buffer follows the example size: 2x3, then 4x4, then 2x3 again.
        PipelineAugmenter bytes = new PipelineAugmenter(hflip);
        assertArrayEquals(new float[] {2, 1, 0, 5, 4, 3}, bytes.augment(ramp(6), 2, 3, 1, 0));
        float[] big = bytes.augment(ramp(16), 4, 4, 1, 0);
        assertArrayEquals(new float[] {3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12}, big);
        assertArrayEquals(new float[] {2, 1, 0, 5, 4, 3}, bytes.augment(ramp(6), 2, 3, 1, 0));

        // Nothing applied: the example comes back as it went in (values clamped and rounded to bytes).
        Pipeline never = Pipeline.compile(PipelineSpec.of(Node.step("hflip").withP(0)), registry);
        assertArrayEquals(new float[] {0, 2, 255, 4}, new PipelineAugmenter(never)
                .augment(new float[] {-3f, 1.6f, 300f, 4f}, 2, 2, 1, 0));
    }

    @Test
    void sameSeedSameAugmentationDifferentSeedsDiffer() {
        Pipeline p = Pipeline.compile(PipelineSpec.of(Node.step("hflip").withP(0.5), Node.step("vflip").withP(0.5)), registry);
        PipelineAugmenter a = new PipelineAugmenter(p);
        float[] x = ramp(4 * 4);
        int distinct = 0;
        float[] first = a.augment(x.clone(), 4, 4, 1, 0);
        for (long seed = 0; seed < 40; seed++) {
            float[] r1 = a.augment(x.clone(), 4, 4, 1, seed);
            assertArrayEquals(r1, a.augment(x.clone(), 4, 4, 1, seed));
            distinct += java.util.Arrays.equals(r1, first) ? 0 : 1;
        }
        assertTrue(distinct > 10, "seeds must vary the augmentation: " + distinct);
    }

    @Test
    void aPipelineWithItsOwnSeedIsRefused() {
        Pipeline seeded = Pipeline.compile(PipelineSpec.of(Node.step("hflip")).withSeed(7L), registry);
        AugmentException e = assertThrows(AugmentException.class, () -> new PipelineAugmenter(seeded));
        assertTrue(e.getMessage().startsWith("the augmentation pipeline sets seed 7, but in training"), e.getMessage());
    }

    /** Drops the last row: a shape change the loader cannot batch. */
    static final class DropRow implements Transform<NoParams> {
        @Override
        public NoParams sample(Sample input, Rng rng) {
            return NoParams.INSTANCE;
        }

        @Override
        public Sample apply(Sample input, NoParams params) {
            ArrayImage img = input.image().toArrayImage();
            byte[] b = java.util.Arrays.copyOf(img.rawBytes(), (img.height() - 1) * img.width() * img.channels());
            return input.withImage(ArrayImage.wrapBytes(img.height() - 1, img.width(), img.channels(), b));
        }

        @Override
        public Class<NoParams> paramsType() {
            return NoParams.class;
        }
    }

    @Test
    void aShapeChangingPipelineIsRefusedWithAHint() {
        TransformRegistry withDrop = TransformRegistry.of(new TransformProvider() {
            @Override
            public int spiVersion() {
                return SPI_VERSION;
            }

            @Override
            public List<TransformDescriptor> transforms() {
                return List.of(TransformDescriptor.of("drop_row", "Drops the last row.", List.of(), p -> new DropRow()));
            }
        });
        Pipeline bad = Pipeline.compile(PipelineSpec.of(Node.step("drop_row")), withDrop);
        AugmentException e = assertThrows(AugmentException.class,
                () -> new PipelineAugmenter(bad).augment(ramp(16), 4, 4, 1, 0));
        assertTrue(e.getMessage().contains("4x4x1 UINT8 example into 3x4x1 UINT8"), e.getMessage());
        assertTrue(e.getMessage().contains("resize to 4x4"), e.getMessage());
    }

    @Test
    void asADjlTransform() {
        Pipeline hflip = Pipeline.compile(PipelineSpec.of(Node.step("hflip")), registry);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray img = m.create(new byte[] {1, 2, 3, 4, 5, 6}, new Shape(1, 2, 3)).toType(DataType.UINT8, false);
            NDArray out = new PipelineTransform(hflip).transform(img);
            assertEquals(DataType.UINT8, out.getDataType());
            assertArrayEquals(new byte[] {4, 5, 6, 1, 2, 3}, out.toByteArray());
            NDArray f = m.create(new float[] {0.5f, 1.5f}, new Shape(1, 2, 1));
            assertArrayEquals(new float[] {1.5f, 0.5f}, new PipelineTransform(hflip).transform(f).toFloatArray());
            assertThrows(AugmentException.class, () -> new PipelineTransform(hflip).transform(m.create(new float[] {1f})));
        }
    }
}
