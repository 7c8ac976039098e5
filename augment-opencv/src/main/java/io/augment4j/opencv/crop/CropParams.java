package io.augment4j.opencv.crop;

import io.augment4j.api.geometry.ProjectiveParams;

/**
 * A crop box in input pixels, optionally resized to {@code outputWidth x outputHeight}. The box is exact: the output
 * (before any resize) is the input sub-array {@code rows [y, y+height), cols [x, x+width)}.
 *
 * <p>As a matrix on pixel centres: {@code x' = (x_in - x + 0.5) * outputWidth / width - 0.5} (the half-pixel
 * convention of {@code cv2.resize}), likewise for y; without a resize it is the translation by {@code (-x, -y)}.
 *
 * @param x left column of the box
 * @param y top row of the box
 * @param width box width in pixels
 * @param height box height in pixels
 * @param outputWidth width of the result ({@code width} when not resized)
 * @param outputHeight height of the result ({@code height} when not resized)
 */
public record CropParams(int x, int y, int width, int height, int outputWidth, int outputHeight)
        implements ProjectiveParams {
    /** True when the crop is also resized. */
    public boolean resized() {
        return outputWidth != width || outputHeight != height;
    }

    @Override
    public double[] matrix() {
        double sx = (double) outputWidth / width;
        double sy = (double) outputHeight / height;
        return new double[] {sx, 0, (0.5 - x) * sx - 0.5, 0, sy, (0.5 - y) * sy - 0.5, 0, 0, 1};
    }
}
