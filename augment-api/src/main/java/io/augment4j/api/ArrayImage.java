package io.augment4j.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable image on the Java heap: {@code height x width x channels} values, interleaved row by row (HWC),
 * either unsigned bytes ({@link PixelType#UINT8}) or floats ({@link PixelType#FLOAT32}).
 *
 * <p>Three-channel images are RGB and four-channel images RGBA, in that order. Factories copy the array they are
 * given, so later changes by the caller cannot reach the image; {@link #wrapBytes}/{@link #wrapFloats} skip the
 * copy for code that hands over an array it will never touch again.
 */
public final class ArrayImage implements Image {
    private final int height;
    private final int width;
    private final int channels;
    private final PixelType type;
    private final byte[] bytes;
    private final float[] floats;

    private ArrayImage(int height, int width, int channels, PixelType type, byte[] bytes, float[] floats) {
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.type = type;
        this.bytes = bytes;
        this.floats = floats;
    }

    /** A UINT8 image holding a copy of {@code data} (HWC order, length {@code h*w*c}). */
    public static ArrayImage ofBytes(int height, int width, int channels, byte[] data) {
        return wrapBytes(height, width, channels, Objects.requireNonNull(data, "data").clone());
    }

    /** A FLOAT32 image holding a copy of {@code data} (HWC order, length {@code h*w*c}). */
    public static ArrayImage ofFloats(int height, int width, int channels, float[] data) {
        return wrapFloats(height, width, channels, Objects.requireNonNull(data, "data").clone());
    }

    /** A UINT8 image that takes ownership of {@code data} without copying; the caller must not modify it later. */
    public static ArrayImage wrapBytes(int height, int width, int channels, byte[] data) {
        checkShape(height, width, channels, data == null ? -1 : data.length, PixelType.UINT8);
        return new ArrayImage(height, width, channels, PixelType.UINT8, data, null);
    }

    /** A FLOAT32 image that takes ownership of {@code data} without copying; the caller must not modify it later. */
    public static ArrayImage wrapFloats(int height, int width, int channels, float[] data) {
        checkShape(height, width, channels, data == null ? -1 : data.length, PixelType.FLOAT32);
        return new ArrayImage(height, width, channels, PixelType.FLOAT32, null, data);
    }

    /** A new image of the given shape with every value zero. */
    public static ArrayImage zeros(int height, int width, int channels, PixelType type) {
        checkShape(height, width, channels, Math.multiplyExact(Math.multiplyExact(height, width), channels), type);
        int n = height * width * channels;
        return type == PixelType.UINT8
                ? new ArrayImage(height, width, channels, type, new byte[n], null)
                : new ArrayImage(height, width, channels, type, null, new float[n]);
    }

    private static void checkShape(int height, int width, int channels, int length, PixelType type) {
        if (height <= 0 || width <= 0) {
            throw new ImageFormatException("image size must be positive, got " + height + "x" + width);
        }
        if (!Image.isSupportedChannelCount(channels)) {
            throw new ImageFormatException(
                    "images must have 1, 3 or 4 channels (gray, RGB, RGBA), got " + channels);
        }
        if (length < 0) {
            throw new ImageFormatException("pixel data is missing (null array) for a " + type + " image");
        }
        long expected = (long) height * width * channels;
        if (expected != length) {
            throw new ImageFormatException("a " + height + "x" + width + "x" + channels + " " + type + " image needs "
                    + expected + " values, the array has " + length);
        }
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public PixelType pixelType() {
        return type;
    }

    @Override
    public ArrayImage toArrayImage() {
        return this;
    }

    /** The value at row {@code y}, column {@code x}, channel {@code c}, as a double (bytes read unsigned). */
    public double get(int y, int x, int c) {
        int i = index(y, x, c);
        return type == PixelType.UINT8 ? bytes[i] & 0xFF : floats[i];
    }

    private int index(int y, int x, int c) {
        if (y < 0 || y >= height || x < 0 || x >= width || c < 0 || c >= channels) {
            throw new IndexOutOfBoundsException("(" + y + ", " + x + ", " + c + ") outside " + describe());
        }
        return (y * width + x) * channels + c;
    }

    /** A copy of the UINT8 values. */
    public byte[] copyBytes() {
        return requireBytes().clone();
    }

    /** A copy of the FLOAT32 values. */
    public float[] copyFloats() {
        return requireFloats().clone();
    }

    /**
     * The backing UINT8 array itself, for zero-copy hand-off to native code. Treat it as read-only: writing to it
     * breaks the immutability every transform relies on.
     */
    public byte[] rawBytes() {
        return requireBytes();
    }

    /** The backing FLOAT32 array itself, read-only by contract; see {@link #rawBytes()}. */
    public float[] rawFloats() {
        return requireFloats();
    }

    /** All values as floats (UINT8 values become 0..255). */
    public float[] toFloatArray() {
        if (type == PixelType.FLOAT32) {
            return floats.clone();
        }
        float[] out = new float[bytes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }

    /** This image as FLOAT32 with the same values (0..255 for a UINT8 image). */
    public ArrayImage toFloat32() {
        return type == PixelType.FLOAT32 ? this : wrapFloats(height, width, channels, toFloatArray());
    }

    /** This image as UINT8, each value rounded to the nearest integer and clamped to 0..255. */
    public ArrayImage toUint8() {
        if (type == PixelType.UINT8) {
            return this;
        }
        byte[] out = new byte[floats.length];
        for (int i = 0; i < out.length; i++) {
            float v = floats[i];
            // NaN maps to 0: an explicit conversion must still produce a valid photo.
            int r = Float.isNaN(v) ? 0 : Math.round(Math.max(0f, Math.min(255f, v)));
            out[i] = (byte) r;
        }
        return wrapBytes(height, width, channels, out);
    }

    private byte[] requireBytes() {
        if (bytes == null) {
            throw new ImageFormatException("this is a " + describe() + " image; byte access needs UINT8");
        }
        return bytes;
    }

    private float[] requireFloats() {
        if (floats == null) {
            throw new ImageFormatException("this is a " + describe() + " image; float access needs FLOAT32");
        }
        return floats;
    }

    /** Pixel-exact equality: same shape, type and values (floats compared bit for bit). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ArrayImage other)) {
            return false;
        }
        return height == other.height && width == other.width && channels == other.channels && type == other.type
                && Arrays.equals(bytes, other.bytes) && Arrays.equals(floats, other.floats);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(height, width, channels, type);
        return 31 * h + (bytes != null ? Arrays.hashCode(bytes) : Arrays.hashCode(floats));
    }

    @Override
    public String toString() {
        return "ArrayImage[" + describe() + "]";
    }
}
