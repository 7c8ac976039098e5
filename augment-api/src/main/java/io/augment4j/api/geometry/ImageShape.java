package io.augment4j.api.geometry;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Image;
import io.augment4j.api.PixelType;

/**
 * An image that has a shape but no pixels: what a {@link FusableWarp} sees in place of an intermediate result that a
 * fused warp never computes. Reading its pixels is an error.
 *
 * @param height rows
 * @param width columns
 * @param channels 1, 3 or 4
 * @param pixelType value type
 */
public record ImageShape(int height, int width, int channels, PixelType pixelType) implements Image {
    /** The shape of {@code image}. */
    public static ImageShape of(Image image) {
        return new ImageShape(image.height(), image.width(), image.channels(), image.pixelType());
    }

    @Override
    public ArrayImage toArrayImage() {
        throw new UnsupportedOperationException(
                "a FusableWarp's sample() may read the input's shape only, not its pixels");
    }
}
