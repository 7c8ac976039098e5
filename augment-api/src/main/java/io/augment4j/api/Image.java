package io.augment4j.api;

/**
 * An image of {@code height x width x channels} pixels, interleaved (HWC), with 1 (gray), 3 (RGB) or 4 (RGBA)
 * channels of {@link PixelType#UINT8} or {@link PixelType#FLOAT32} values.
 *
 * <p>Two kinds exist: {@link ArrayImage} keeps its pixels on the Java heap and is what users create and receive;
 * back ends such as augment-opencv add native implementations that stay in native memory between the steps of a
 * pipeline, so an image is converted once when a pipeline starts and once when it ends. A native image owns
 * native memory and must be {@linkplain #close() closed} by its owner; closing an {@link ArrayImage} does nothing.
 * Pipelines close the intermediate images they create and hand back heap images unless asked otherwise.
 *
 * <p>Images are never modified once handed to a transform: transforms return new images.
 */
public interface Image extends AutoCloseable {
    /** Number of channels a supported image may have. */
    static boolean isSupportedChannelCount(int channels) {
        return channels == 1 || channels == 3 || channels == 4;
    }

    int height();

    int width();

    int channels();

    PixelType pixelType();

    /** A heap copy of this image (or this image itself when it already is one). */
    ArrayImage toArrayImage();

    /**
     * Copies the UINT8 values, row by row and channel by channel (HWC, as {@link ArrayImage} holds them), into the
     * first {@link #valueCount()} elements of {@code dst}. With a {@code dst} reused from image to image, taking a
     * pipeline's output ({@link io.augment4j.api.pipeline.Pipeline#applyNative}) onto the heap allocates nothing:
     * unlike {@link #toArrayImage()}, which returns a new array each time, which the JVM must zero first.
     *
     * @throws IllegalArgumentException if this image is not UINT8, or {@code dst} is shorter than
     *                                  {@link #valueCount()}
     */
    default void copyTo(byte[] dst) {
        requireCopyTarget(this, PixelType.UINT8, dst.length);
        System.arraycopy(toArrayImage().rawBytes(), 0, dst, 0, valueCount());
    }

    /** As {@link #copyTo(byte[])}, for FLOAT32 images. */
    default void copyTo(float[] dst) {
        requireCopyTarget(this, PixelType.FLOAT32, dst.length);
        System.arraycopy(toArrayImage().rawFloats(), 0, dst, 0, valueCount());
    }

    /**
     * The check of {@link #copyTo(byte[])} and {@link #copyTo(float[])}, for implementations that override them:
     * {@code image} must be of pixel type {@code type} and fit in {@code length} values.
     *
     * @throws IllegalArgumentException otherwise, naming the image's shape
     */
    static void requireCopyTarget(Image image, PixelType type, int length) {
        if (image.pixelType() != type) {
            throw new IllegalArgumentException("cannot copy the " + image.describe() + " image into a "
                    + (type == PixelType.UINT8 ? "byte" : "float") + "[]: use copyTo("
                    + (type == PixelType.UINT8 ? "float" : "byte") + "[])");
        }
        if (length < image.valueCount()) {
            throw new IllegalArgumentException("the " + image.describe() + " image has " + image.valueCount()
                    + " values, the destination array only " + length);
        }
    }

    /** Number of values ({@code height * width * channels}). */
    default int valueCount() {
        return height() * width() * channels();
    }

    /** True when both images have the same height, width, channels and pixel type. */
    default boolean sameShape(Image other) {
        return height() == other.height() && width() == other.width() && channels() == other.channels()
                && pixelType() == other.pixelType();
    }

    /** A short shape description such as {@code 224x224x3 UINT8}, for messages. */
    default String describe() {
        return height() + "x" + width() + "x" + channels() + " " + pixelType();
    }

    /** Releases native memory, if any. Idempotent. Heap images ignore it. */
    @Override
    default void close() {
    }
}
