package io.augment4j.api;

import java.util.Map;
import java.util.Objects;

/**
 * An axis-aligned box in continuous pixel coordinates of the image it belongs to: {@code x} to the right, {@code y}
 * down, pixel {@code i} covers {@code [i, i + 1)}, so a box covering the whole {@code W x H} image is
 * {@code (0, 0, W, H)} and a horizontal flip maps an edge at {@code x} to {@code W - x}. This is the
 * {@code pascal_voc} convention; other formats are converted at the edge by
 * {@link io.augment4j.api.targets.BoxFormat}.
 *
 * @param xMin left edge
 * @param yMin top edge
 * @param xMax right edge, at least {@code xMin}
 * @param yMax bottom edge, at least {@code yMin}
 * @param label the class name, or {@code null}
 * @param fields any further label fields (a COCO annotation id, a track id...), carried along unchanged and dropped
 *               with the box; never {@code null}
 */
public record BoundingBox(double xMin, double yMin, double xMax, double yMax, String label,
                          Map<String, Object> fields) {
    public BoundingBox {
        if (!(xMin <= xMax) || !(yMin <= yMax) || Double.isInfinite(xMin) || Double.isInfinite(xMax)
                || Double.isInfinite(yMin) || Double.isInfinite(yMax)) {
            throw new IllegalArgumentException("box " + (label == null ? "" : "'" + label + "' ")
                    + "needs finite edges with xMin <= xMax and yMin <= yMax, got (" + xMin + ", " + yMin + ", "
                    + xMax + ", " + yMax + ")");
        }
        fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
    }

    /** A box with a label and no further fields. */
    public BoundingBox(double xMin, double yMin, double xMax, double yMax, String label) {
        this(xMin, yMin, xMax, yMax, label, Map.of());
    }

    /** {@code xMax - xMin}. */
    public double width() {
        return xMax - xMin;
    }

    /** {@code yMax - yMin}. */
    public double height() {
        return yMax - yMin;
    }

    /** Width times height. */
    public double area() {
        return width() * height();
    }

    /** The same label and fields at other edges. */
    public BoundingBox withEdges(double newXMin, double newYMin, double newXMax, double newYMax) {
        return new BoundingBox(newXMin, newYMin, newXMax, newYMax, label, fields);
    }

    /** The same box with another label. */
    public BoundingBox withLabel(String newLabel) {
        return new BoundingBox(xMin, yMin, xMax, yMax, newLabel, fields);
    }
}
