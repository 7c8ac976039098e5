package io.augment4j.trainer.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Transform;
import io.augment4j.api.ArrayImage;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Image;
import io.augment4j.api.PixelType;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Pipeline;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An augment {@link Pipeline} as a DJL {@link Transform}, for a DJL dataset's pipeline: {@code new
 * ArrayDataset.Builder()...optPipeline(new ai.djl.translate.Pipeline(new PipelineTransform(p), new ToTensor()))} or
 * {@code ImageFolder.builder()...addTransform(new PipelineTransform(p)).addTransform(new ToTensor())}.
 *
 * <p><b>Input.</b> A UINT8 or FLOAT32 array holding either one image (rank 3) or a batch of images (rank 4, the
 * batch first), in the {@link Layout} given to the constructor: {@link Layout#HWC} (the default; what DJL's image
 * datasets produce before {@code ToTensor}) or {@link Layout#CHW} (after {@code ToTensor}). Both forms occur:
 * {@code ImageFolder} runs its transforms on each record (HWC), while {@code ArrayDataset} runs them on a whole batch
 * at once (NHWC). Images have 1, 3 or 4 channels.
 *
 * <p><b>Output.</b> The augmented image or batch, in the same layout and rank, attached to the input's manager. Its
 * data type is the input's unless the pipeline itself changes the pixel type (a {@code normalize} step makes FLOAT32
 * out of UINT8). Every image of a batch must come out with the same size and type: a pipeline whose output size
 * varies (a random crop without a final resize) is refused with a message saying so.
 *
 * <p><b>Randomness.</b> Every image gets its own draw: the image this transform sees as the {@code k}-th (counting
 * images, not calls, from 0, over the life of this object) is augmented with {@code pipeline.apply(sample, k)},
 * that is a generator derived from (pipeline seed, {@code k}). A DJL {@code Transform} is given no example index,
 * so the draw depends on the order of calls, not on which example is in the array: two passes over the same data
 * in the same order by one {@code PipelineTransform} each get fresh draws (the count goes on), and a new instance
 * over the same order repeats the first pass exactly. A shuffled sampler or a multi-threaded DJL executor changes
 * the order, hence the draws; where that matters, use the trainer's loader ({@link PipelineAugmenter}), which seeds
 * each example by (run seed, epoch, index).
 */
public final class PipelineTransform implements Transform {
    /** The order of an image's axes (a batch adds its axis in front). */
    public enum Layout {
        /** Height, width, channels: DJL's images before {@code ToTensor}. */
        HWC,
        /** Channels, height, width: DJL's tensors after {@code ToTensor}. */
        CHW
    }

    private final Pipeline pipeline;
    private final Layout layout;
    private final AtomicLong counter = new AtomicLong();

    /** Transforms HWC images or NHWC batches. */
    public PipelineTransform(Pipeline pipeline) {
        this(pipeline, Layout.HWC);
    }

    /** Transforms images in {@code layout}, or batches of them (rank 4, batch axis first). */
    public PipelineTransform(Pipeline pipeline, Layout layout) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** The layout this transform reads and writes. */
    public Layout layout() {
        return layout;
    }

    @Override
    public NDArray transform(NDArray array) {
        Shape s = array.getShape();
        int rank = s.dimension();
        if (rank != 3 && rank != 4) {
            throw new AugmentException("PipelineTransform takes one " + layout + " image (rank 3) or a batch of them"
                    + " (rank 4, N" + layout + "), got an array of shape " + s);
        }
        DataType type = array.getDataType();
        if (type != DataType.UINT8 && type != DataType.FLOAT32) {
            throw new AugmentException("PipelineTransform takes UINT8 or FLOAT32 arrays, got " + type);
        }
        boolean batched = rank == 4;
        int n = batched ? Math.toIntExact(s.get(0)) : 1;
        int[] dims = imageDims(s, batched ? 1 : 0);
        int h = dims[0];
        int w = dims[1];
        int c = dims[2];
        if (!Image.isSupportedChannelCount(c)) {
            Layout other = layout == Layout.HWC ? Layout.CHW : Layout.HWC;
            throw new AugmentException("PipelineTransform (layout " + layout + ") reads an array of shape " + s
                    + " as images of " + c + " channels, but images have 1, 3 or 4; if the array is " + other
                    + ", construct it with Layout." + other);
        }
        if (n == 0) {
            return array.duplicate();
        }
        int size = h * w * c;
        byte[] bytes = type == DataType.UINT8 ? array.toByteArray() : null;
        float[] floats = type == DataType.FLOAT32 ? array.toFloatArray() : null;
        int[] inOrder = layout == Layout.CHW ? chwToHwc(h, w, c) : null;

        long first = counter.getAndAdd(n);
        ArrayImage[] out = new ArrayImage[n];
        for (int i = 0; i < n; i++) {
            ArrayImage in = bytes != null
                    ? ArrayImage.wrapBytes(h, w, c, toHwc(bytes, i * size, size, inOrder))
                    : ArrayImage.wrapFloats(h, w, c, toHwc(floats, i * size, size, inOrder));
            out[i] = pipeline.apply(Sample.of(in), first + i).image().toArrayImage();
            if (i > 0 && !sameForm(out[i], out[0])) {
                throw new AugmentException("PipelineTransform: in a batch of " + n + " images, image " + i
                        + " came out " + out[i].describe() + " but image 0 came out " + out[0].describe()
                        + "; a batch needs one size and type: end the pipeline with a resize");
            }
        }
        return pack(array, out, batched);
    }

    /** (height, width, channels) of the image whose axes start at {@code from}. */
    private int[] imageDims(Shape s, int from) {
        int a = Math.toIntExact(s.get(from));
        int b = Math.toIntExact(s.get(from + 1));
        int d = Math.toIntExact(s.get(from + 2));
        return layout == Layout.HWC ? new int[] {a, b, d} : new int[] {b, d, a};
    }

    private NDArray pack(NDArray like, ArrayImage[] images, boolean batched) {
        ArrayImage one = images[0];
        int h = one.height();
        int w = one.width();
        int c = one.channels();
        int size = h * w * c;
        int[] order = layout == Layout.CHW ? chwToHwc(h, w, c) : null;
        Shape image = layout == Layout.HWC ? new Shape(h, w, c) : new Shape(c, h, w);
        Shape shape = batched ? new Shape(images.length).addAll(image) : image;
        if (one.pixelType() == PixelType.UINT8) {
            byte[] all = new byte[images.length * size];
            for (int i = 0; i < images.length; i++) {
                fromHwc(images[i].rawBytes(), all, i * size, order);
            }
            return like.getManager().create(ByteBuffer.wrap(all), shape, DataType.UINT8);
        }
        float[] all = new float[images.length * size];
        for (int i = 0; i < images.length; i++) {
            fromHwc(images[i].rawFloats(), all, i * size, order);
        }
        return like.getManager().create(all, shape);
    }

    private static boolean sameForm(ArrayImage a, ArrayImage b) {
        return a.height() == b.height() && a.width() == b.width() && a.channels() == b.channels()
                && a.pixelType() == b.pixelType();
    }

    /** For each element of a CHW image, in order, its index in the HWC image. */
    private static int[] chwToHwc(int h, int w, int c) {
        int[] order = new int[h * w * c];
        int j = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    order[j++] = (y * w + x) * c + ch;
                }
            }
        }
        return order;
    }

    private static byte[] toHwc(byte[] src, int offset, int size, int[] chwOrder) {
        if (chwOrder == null) {
            return Arrays.copyOfRange(src, offset, offset + size);
        }
        byte[] hwc = new byte[size];
        for (int j = 0; j < size; j++) {
            hwc[chwOrder[j]] = src[offset + j];
        }
        return hwc;
    }

    private static float[] toHwc(float[] src, int offset, int size, int[] chwOrder) {
        if (chwOrder == null) {
            return Arrays.copyOfRange(src, offset, offset + size);
        }
        float[] hwc = new float[size];
        for (int j = 0; j < size; j++) {
            hwc[chwOrder[j]] = src[offset + j];
        }
        return hwc;
    }

    private static void fromHwc(byte[] hwc, byte[] dst, int offset, int[] chwOrder) {
        if (chwOrder == null) {
            System.arraycopy(hwc, 0, dst, offset, hwc.length);
            return;
        }
        for (int j = 0; j < hwc.length; j++) {
            dst[offset + j] = hwc[chwOrder[j]];
        }
    }

    private static void fromHwc(float[] hwc, float[] dst, int offset, int[] chwOrder) {
        if (chwOrder == null) {
            System.arraycopy(hwc, 0, dst, offset, hwc.length);
            return;
        }
        for (int j = 0; j < hwc.length; j++) {
            dst[offset + j] = hwc[chwOrder[j]];
        }
    }
}
