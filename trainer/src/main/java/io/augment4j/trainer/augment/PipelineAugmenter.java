package io.augment4j.trainer.augment;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Image;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.trainer.loader.ExampleAugmenter;

/**
 * Feeds the training loader from an augment {@link Pipeline}: each example is augmented with a generator seeded by
 * the loader's per-example seed (derived from run seed, epoch and index), so augmentation is reproducible and a
 * resumed run sees the same images.
 *
 * <p>A pipeline with a seed of its own ({@code seed:} in its spec) is refused: the loader's seed is the only
 * source of randomness here, so the spec's seed would silently mean nothing.
 *
 * <p>Datasets of photos (values 0..255) are augmented as UINT8 images, the fast path of the OpenCV transforms, and
 * converted back exactly; set {@code asUint8 = false} for data that is not on the 0..255 integer scale.
 */
public final class PipelineAugmenter implements ExampleAugmenter {
    private final Pipeline pipeline;
    private final boolean asUint8;

    public PipelineAugmenter(Pipeline pipeline) {
        this(pipeline, true);
    }

    public PipelineAugmenter(Pipeline pipeline, boolean asUint8) {
        if (pipeline.spec().seed() != null) {
            throw new AugmentException("the augmentation pipeline sets seed " + pipeline.spec().seed() + ", but in"
                    + " training each example's augmentation is drawn from the run's seed, the epoch and the example"
                    + " (ExampleAugmenter.seedFor), so that seed would be ignored: remove it from the spec"
                    + " (PipelineSpec.withSeed(null))");
        }
        this.pipeline = pipeline;
        this.asUint8 = asUint8;
    }

    @Override
    public float[] augment(float[] hwc, int height, int width, int channels, long seed) {
        Image in = asUint8 ? toUint8(hwc, height, width, channels) : ArrayImage.wrapFloats(height, width, channels, hwc);
        ArrayImage out = pipeline.apply(Sample.of(in), new Rng(seed)).image().toArrayImage();
        if (out.height() != height || out.width() != width || out.channels() != channels) {
            throw new AugmentException("the augmentation pipeline turned a " + in.describe() + " example into "
                    + out.describe() + "; training needs every example the same shape: end the pipeline with a "
                    + "resize to " + height + "x" + width);
        }
        if (out.pixelType() == PixelType.FLOAT32) {
            return out.rawFloats() == hwc ? hwc : out.copyFloats();
        }
        byte[] b = out.rawBytes();
        for (int i = 0; i < b.length; i++) {
            hwc[i] = b[i] & 0xFF;
        }
        return hwc;
    }

    private static ArrayImage toUint8(float[] hwc, int height, int width, int channels) {
        byte[] b = new byte[hwc.length];
        for (int i = 0; i < b.length; i++) {
            float v = hwc[i];
            b[i] = (byte) (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));
        }
        return ArrayImage.wrapBytes(height, width, channels, b);
    }
}
