package io.augment4j.api;

/**
 * A point in continuous pixel coordinates ({@code x} to the right, {@code y} down, pixel {@code i} covering
 * {@code [i, i + 1)}), the convention of {@link BoundingBox}. The centre of pixel {@code (col, row)} is therefore
 * {@code (col + 0.5, row + 0.5)}: a keypoint given as a pixel index, as Albumentations' {@code xy} format and most
 * annotation tools write it, is made with {@link #atPixel} and read back with {@link #pixelX()}/{@link #pixelY()};
 * a horizontal flip then maps pixel index {@code i} to {@code W - 1 - i} while box edges map {@code x} to
 * {@code W - x}.
 *
 * <p>The optional {@code angle} is in radians, measured counter-clockwise on screen from the {@code +x} axis (as
 * Albumentations' {@code xya}): a horizontal flip maps it to {@code pi - angle}, a vertical flip to {@code -angle},
 * a counter-clockwise rotation by {@code t} to {@code angle + t}, always wrapped to {@code [0, 2 pi)}. The optional
 * {@code scale} is multiplied by the largest stretch of the transform at the point. Either is {@code NaN} when absent,
 * and stays absent.
 *
 * @param x column coordinate
 * @param y row coordinate
 * @param angle direction in radians in {@code [0, 2 pi)}, or {@code NaN} for none
 * @param scale size, or {@code NaN} for none
 * @param label a name such as {@code "left_eye"}, or {@code null}
 */
public record Keypoint(double x, double y, double angle, double scale, String label) {
    public Keypoint {
        if (!Double.isFinite(x) || !Double.isFinite(y) || Double.isInfinite(angle) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("keypoint " + (label == null ? "" : "'" + label + "' ")
                    + "needs finite coordinates, got (" + x + ", " + y + ")");
        }
        if (!Double.isNaN(angle)) {
            angle = wrapAngle(angle);
        }
    }

    /** A point without angle or scale. */
    public Keypoint(double x, double y, String label) {
        this(x, y, Double.NaN, Double.NaN, label);
    }

    /** The centre of pixel {@code (col, row)}: {@code (col + 0.5, row + 0.5)}. */
    public static Keypoint atPixel(double col, double row, String label) {
        return new Keypoint(col + 0.5, row + 0.5, label);
    }

    /** The column as a pixel index (the inverse of {@link #atPixel}): {@code x - 0.5}. */
    public double pixelX() {
        return x - 0.5;
    }

    /** The row as a pixel index: {@code y - 0.5}. */
    public double pixelY() {
        return y - 0.5;
    }

    /** Whether the point has an angle. */
    public boolean hasAngle() {
        return !Double.isNaN(angle);
    }

    /** Whether the point has a scale. */
    public boolean hasScale() {
        return !Double.isNaN(scale);
    }

    /** The same point elsewhere, with another angle and scale. */
    public Keypoint moved(double newX, double newY, double newAngle, double newScale) {
        return new Keypoint(newX, newY, newAngle, newScale, label);
    }

    /** The same point with another label. */
    public Keypoint withLabel(String newLabel) {
        return new Keypoint(x, y, angle, scale, newLabel);
    }

    /** {@code a} wrapped to {@code [0, 2 pi)}. */
    public static double wrapAngle(double a) {
        double twoPi = 2 * Math.PI;
        double r = a % twoPi;
        if (r < 0) {
            r += twoPi;
        }
        return r >= twoPi ? 0 : r;
    }
}
