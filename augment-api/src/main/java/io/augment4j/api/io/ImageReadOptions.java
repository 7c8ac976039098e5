package io.augment4j.api.io;

/**
 * How {@link ImageFiles#read(java.nio.file.Path, ImageReadOptions)} reads a file.
 *
 * @param maxPixels the largest {@code width * height} accepted, checked from the file's header before any pixel is
 *                  decoded; must be positive
 * @param keepAlpha whether an alpha channel is kept (RGBA, 4 channels) or dropped (the colour values as stored)
 * @param limitSetting how the user raises {@code maxPixels} (an option such as {@code --max-pixels} or a config
 *                     key), named in the refusal message; {@code null} for a generic hint
 */
public record ImageReadOptions(long maxPixels, boolean keepAlpha, String limitSetting) {
    /** 100 megapixels (a 10000x10000 image, about 400 MB as RGBA), alpha kept. */
    public static final ImageReadOptions DEFAULTS = new ImageReadOptions(ImageFiles.DEFAULT_MAX_PIXELS, true, null);

    public ImageReadOptions {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
    }

    /** The same options with another pixel limit. */
    public ImageReadOptions withMaxPixels(long limit) {
        return new ImageReadOptions(limit, keepAlpha, limitSetting);
    }

    /** The same options, keeping or dropping alpha. */
    public ImageReadOptions withKeepAlpha(boolean keep) {
        return new ImageReadOptions(maxPixels, keep, limitSetting);
    }

    /** The same options, naming {@code setting} as the way to raise the limit. */
    public ImageReadOptions withLimitSetting(String setting) {
        return new ImageReadOptions(maxPixels, keepAlpha, setting);
    }
}
