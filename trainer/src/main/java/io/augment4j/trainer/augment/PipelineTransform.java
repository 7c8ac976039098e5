package io.augment4j.trainer.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Transform;
import io.augment4j.api.ArrayImage;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Image;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Pipeline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * An augment {@link Pipeline} as a DJL {@link Transform}, to drop into a DJL dataset's pipeline
 * ({@code new Pipeline().add(new PipelineTransform(p)).add(new ToTensor())}). It takes an HWC image array
 * (uint8 or float32, 1/3/4 channels, as DJL's image datasets produce before {@code ToTensor}) and returns an array
 * of the augmented image, of the same type, attached to the input's manager.
 *
 * <p>DJL's {@code Transform} receives no example index, so each call takes the next index of an internal counter:
 * results are reproducible for a single-threaded, fixed-order iteration; for augmentation that does not depend on
 * thread timing, use the trainer's loader ({@link PipelineAugmenter}), which seeds by example.
 */
public final class PipelineTransform implements Transform {
    private final Pipeline pipeline;
    private final AtomicLong counter = new AtomicLong();

    public PipelineTransform(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public NDArray transform(NDArray array) {
        Shape s = array.getShape();
        if (s.dimension() != 3) {
            throw new AugmentException("PipelineTransform needs an HWC image array, got shape " + s);
        }
        int h = (int) s.get(0);
        int w = (int) s.get(1);
        int c = (int) s.get(2);
        Image in;
        if (array.getDataType() == DataType.UINT8) {
            in = ArrayImage.wrapBytes(h, w, c, array.toByteArray());
        } else if (array.getDataType() == DataType.FLOAT32) {
            in = ArrayImage.wrapFloats(h, w, c, array.toFloatArray());
        } else {
            throw new AugmentException("PipelineTransform takes UINT8 or FLOAT32 arrays, got " + array.getDataType());
        }
        ArrayImage out = pipeline.apply(Sample.of(in), counter.getAndIncrement()).image().toArrayImage();
        Shape shape = new Shape(out.height(), out.width(), out.channels());
        return switch (out.pixelType()) {
            case UINT8 -> array.getManager().create(java.nio.ByteBuffer.wrap(out.rawBytes()), shape, DataType.UINT8);
            case FLOAT32 -> array.getManager().create(out.rawFloats(), shape);
        };
    }
}
