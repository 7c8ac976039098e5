package io.augment4j.api;

/** The element type of an image's pixels. */
public enum PixelType {
    /** Unsigned 8-bit integers, 0..255: photos as decoded. */
    UINT8(1),
    /** 32-bit floats, any range: normalized tensors and intermediate results. */
    FLOAT32(4);

    private final int bytes;

    PixelType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per channel value. */
    public int bytesPerValue() {
        return bytes;
    }
}
