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
