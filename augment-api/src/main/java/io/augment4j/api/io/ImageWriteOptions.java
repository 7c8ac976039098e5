package io.augment4j.api.io;

/**
 * How {@link ImageFiles} encodes an image.
 *
 * @param jpegQuality JPEG quality from 0 to 1 (ImageIO's scale; 0.95 by default)
 * @param fastPng whether PNG trades size for speed (deflate level 1 instead of ImageIO's default), e.g. for previews
 */
public record ImageWriteOptions(float jpegQuality, boolean fastPng) {
    /** JPEG quality 0.95, PNG at ImageIO's default compression. */
    public static final ImageWriteOptions DEFAULTS = new ImageWriteOptions(0.95f, false);

    public ImageWriteOptions {
        if (!(jpegQuality >= 0 && jpegQuality <= 1)) {
            throw new IllegalArgumentException("jpegQuality must be between 0 and 1, got " + jpegQuality);
        }
    }

    /** The same options with another JPEG quality. */
    public ImageWriteOptions withJpegQuality(float quality) {
        return new ImageWriteOptions(quality, fastPng);
    }

    /** The same options, with fast (larger) or default PNG compression. */
    public ImageWriteOptions withFastPng(boolean fast) {
        return new ImageWriteOptions(jpegQuality, fast);
    }
}
