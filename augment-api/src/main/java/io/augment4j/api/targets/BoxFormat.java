package io.augment4j.api.targets;

import io.augment4j.api.BoundingBox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The box formats users' label files hold, converted once at the edge to and from {@link BoundingBox}'s continuous
 * pixel coordinates (the {@code pascal_voc} convention). Four values per box:
 * <ul>
 *   <li>{@link #PASCAL_VOC}: {@code x_min, y_min, x_max, y_max} in pixels;
 *   <li>{@link #COCO}: {@code x_min, y_min, width, height} in pixels;
 *   <li>{@link #YOLO}: {@code x_centre, y_centre, width, height} as fractions of the image width and height;
 *   <li>{@link #NORMALIZED}: {@code x_min, y_min, x_max, y_max} as fractions (Albumentations' internal format).
 * </ul>
 *
 * <p>Reading refuses a box with a non-finite value, zero or negative width or height, or an edge outside the image
 * by more than a thousandth of the image side, with a message naming the box; an edge outside by less (rounding in a
 * normalized file, such as {@code 1.0003}) is clamped onto the image border.
 */
public enum BoxFormat {
    PASCAL_VOC, COCO, YOLO, NORMALIZED;

    /** The name used in specs and on the command line: {@code pascal_voc}, {@code coco}, {@code yolo}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code id} ({@code voc} is accepted for {@code pascal_voc}). */
    public static BoxFormat of(String id) {
        String k = id.toLowerCase(Locale.ROOT).replace('-', '_');
        if (k.equals("voc")) {
            return PASCAL_VOC;
        }
        for (BoxFormat f : values()) {
            if (f.id().equals(k)) {
                return f;
            }
        }
        throw new TargetFormatException("unknown box format '" + id + "'; choose one of "
                + Arrays.stream(values()).map(BoxFormat::id).toList());
    }

    /**
     * Converts four values in this format to a pixel box of an image of {@code width x height}.
     *
     * @param where names the box in error messages, e.g. {@code "labels/0001.txt line 3"}
     */
    public BoundingBox toPixels(double[] v, int width, int height, String label, Map<String, Object> fields,
                                String where) {
        if (v.length != 4) {
            throw new TargetFormatException(where + ": a " + id() + " box needs 4 values, got " + v.length);
        }
        for (double d : v) {
            if (!Double.isFinite(d)) {
                throw new TargetFormatException(where + ": " + id() + " box " + Arrays.toString(v)
                        + " holds a value that is not a finite number");
            }
        }
        double[] e = switch (this) {
            case PASCAL_VOC -> new double[] {v[0], v[1], v[2], v[3]};
            case COCO -> new double[] {v[0], v[1], v[0] + v[2], v[1] + v[3]};
            case YOLO -> new double[] {(v[0] - v[2] / 2) * width, (v[1] - v[3] / 2) * height,
                    (v[0] + v[2] / 2) * width, (v[1] + v[3] / 2) * height};
            case NORMALIZED -> new double[] {v[0] * width, v[1] * height, v[2] * width, v[3] * height};
        };
        if (!(e[2] > e[0]) || !(e[3] > e[1])) {
            throw new TargetFormatException(where + ": " + id() + " box " + Arrays.toString(v)
                    + " has zero or negative width or height");
        }
        double tx = width * 1e-3;
        double ty = height * 1e-3;
        if (e[0] < -tx || e[1] < -ty || e[2] > width + tx || e[3] > height + ty) {
            throw new TargetFormatException(where + ": " + id() + " box " + Arrays.toString(v)
                    + " reaches outside the " + width + "x" + height + " (width x height) image: pixel edges ("
                    + e[0] + ", " + e[1] + ", " + e[2] + ", " + e[3] + ")");
        }
        return new BoundingBox(clamp(e[0], width), clamp(e[1], height), clamp(e[2], width), clamp(e[3], height),
                label, fields);
    }

    /** Converts a pixel box of an image of {@code width x height} to four values in this format. */
    public double[] fromPixels(BoundingBox b, int width, int height) {
        return switch (this) {
            case PASCAL_VOC -> new double[] {b.xMin(), b.yMin(), b.xMax(), b.yMax()};
            case COCO -> new double[] {b.xMin(), b.yMin(), b.width(), b.height()};
            case YOLO -> new double[] {(b.xMin() + b.xMax()) / 2 / width, (b.yMin() + b.yMax()) / 2 / height,
                    b.width() / width, b.height() / height};
            case NORMALIZED -> new double[] {b.xMin() / width, b.yMin() / height, b.xMax() / width,
                    b.yMax() / height};
        };
    }

    private static double clamp(double v, int side) {
        return Math.min(side, Math.max(0, v));
    }
}
