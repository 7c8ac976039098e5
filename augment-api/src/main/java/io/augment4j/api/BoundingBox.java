package io.augment4j.api;

/**
 * An axis-aligned box in pixel coordinates of the image it belongs to ({@code x} to the right, {@code y} down,
 * corners of the pixel grid, so a box covering the whole {@code W x H} image is {@code (0, 0, W, H)}).
 *
 * @param xMin left edge
 * @param yMin top edge
 * @param xMax right edge, at least {@code xMin}
 * @param yMax bottom edge, at least {@code yMin}
 * @param label the class name, or {@code null}
 */
public record BoundingBox(double xMin, double yMin, double xMax, double yMax, String label) {
    public BoundingBox {
        if (!(xMin <= xMax) || !(yMin <= yMax)) {
            throw new IllegalArgumentException(
                    "box needs xMin <= xMax and yMin <= yMax, got (" + xMin + ", " + yMin + ", " + xMax + ", " + yMax + ")");
        }
    }
}
