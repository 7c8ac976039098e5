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

    /**
     * Augments {@code hwc} and writes the result back into it. The pipeline's output is copied straight from native
     * memory, into this thread's byte buffer (UINT8) or into {@code hwc} itself (FLOAT32): nothing is allocated per
     * example.
     */
    @Override
    public float[] augment(float[] hwc, int height, int width, int channels, long seed) {
        byte[] bytes = BYTES.get().of(hwc.length);
        Sample in = Sample.of(asUint8 ? toUint8(hwc, bytes, height, width, channels)
                : ArrayImage.wrapFloats(height, width, channels, hwc));
        Sample out = pipeline.applyNative(in, new Rng(seed));
        try {
            Image image = out.image();
            if (image.height() != height || image.width() != width || image.channels() != channels) {
                throw new AugmentException("the augmentation pipeline turned a " + in.image().describe()
                        + " example into " + image.describe() + "; training needs every example the same shape: "
                        + "end the pipeline with a resize to " + height + "x" + width);
            }
            if (image.pixelType() == PixelType.FLOAT32) {
                // The pipeline has read hwc already, so its result may take hwc's place.
                image.copyTo(hwc);
                return hwc;
            }
            image.copyTo(bytes);
            for (int i = 0; i < hwc.length; i++) {
                hwc[i] = bytes[i] & 0xFF;
            }
            return hwc;
        } finally {
            if (out != in) {
                out.close();
            }
        }
    }

    private static ArrayImage toUint8(float[] hwc, byte[] b, int height, int width, int channels) {
        for (int i = 0; i < hwc.length; i++) {
            float v = hwc[i];
            b[i] = (byte) (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));
        }
        return ArrayImage.wrapBytes(height, width, channels, b);
    }

    /**
     * This thread's byte buffer, as long as an example: the UINT8 input, then the output (the pipeline has copied
     * the input into native memory by the time the output is written back).
     */
    private static final class Buffer {
        private byte[] bytes = new byte[0];

        byte[] of(int length) {
            if (bytes.length != length) {
                bytes = new byte[length];
            }
            return bytes;
        }
    }

    private static final ThreadLocal<Buffer> BYTES = ThreadLocal.withInitial(Buffer::new);
}
