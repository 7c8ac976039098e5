package io.augment4j.plugins.tck;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.AugmentException;
import io.augment4j.api.BoundingBox;
import io.augment4j.api.Image;
import io.augment4j.api.Keypoint;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.Transform;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The kit's checks for transforms that claim boxes or keypoints. A witness shows where the pixels went: the mask when
 * the transform also claims masks (masks follow the geometry exactly, and pixel-value transforms leave them alone),
 * the image otherwise. On a black 48x64 image with a white 12x12 square left of the middle:
 * <ul>
 *   <li>boxes: the square's box comes out as one box that encloses every bright witness pixel (to a pixel) and is at
 *       most four times the area of the bright region it encloses;
 *   <li>keypoints: a keypoint on a 3x3 bright dot comes out within 1 px of the dot's new centroid.
 * </ul>
 * Without a mask, a box or keypoint returned unchanged is accepted as a pixel-value transform's.
 */
final class TargetChecks {
    private static final int H = 48;
    private static final int W = 64;

    private TargetChecks() {
    }

    static void checkBoxes(String name, Transform<?> t, int seeds) {
        boolean masks = t.targets().contains(Target.MASK);
        ArrayImage square = square(3, 18, 18, 30, 30);
        BoundingBox box = new BoundingBox(18, 18, 30, 30, "square");
        Sample in = Sample.of(square).withBoxes(List.of(box));
        if (masks) {
            in = in.withMask(square(1, 18, 18, 30, 30));
        }
        int checked = 0;
        for (long seed = 0; seed < seeds; seed++) {
            Sample out = applyIfTaken(t, in, seed);
            if (out == null) {
                continue;
            }
            assertEquals(1, out.boxes().size(), name + ": seed " + seed + " returned " + out.boxes().size()
                    + " boxes for 1; a transform moves boxes and leaves filtering to the pipeline");
            BoundingBox b = out.boxes().get(0);
            assertEquals("square", b.label(), name + ": the box lost its label");
            if (!masks && b.equals(box)) {
                continue;
            }
            int[] bright = brightBox(masks ? out.mask() : out.image());
            if (bright == null) {
                continue;
            }
            assertTrue(bright[0] + 0.5 >= b.xMin() - 1 && bright[2] - 0.5 <= b.xMax() + 1
                            && bright[1] + 0.5 >= b.yMin() - 1 && bright[3] - 0.5 <= b.yMax() + 1,
                    name + ": seed " + seed + " moved the square's box to " + b + " but its pixels went to columns ["
                            + bright[0] + ", " + bright[2] + ") and rows [" + bright[1] + ", " + bright[3] + ")");
            double clippedArea = Math.max(0, Math.min(b.xMax(), out.image().width()) - Math.max(b.xMin(), 0))
                    * Math.max(0, Math.min(b.yMax(), out.image().height()) - Math.max(b.yMin(), 0));
            double brightArea = (double) (bright[2] - bright[0]) * (bright[3] - bright[1]);
            assertTrue(clippedArea <= 4 * brightArea + 16, name + ": seed " + seed + " made the box " + b
                    + ", far larger than the square's pixels " + brightArea + " px^2");
            checked++;
        }
        if (checked == 0 && masks) {
            fail(name + ": no seed produced a box to check on a " + square.describe() + " image");
        }
    }

    static void checkKeypoints(String name, Transform<?> t, int seeds) {
        boolean masks = t.targets().contains(Target.MASK);
        ArrayImage dot = square(3, 21, 23, 24, 26);
        Keypoint k = new Keypoint(22.5, 24.5, "dot");
        Sample in = Sample.of(dot).withKeypoints(List.of(k));
        if (masks) {
            in = in.withMask(square(1, 21, 23, 24, 26));
        }
        for (long seed = 0; seed < seeds; seed++) {
            Sample out = applyIfTaken(t, in, seed);
            if (out == null) {
                continue;
            }
            assertEquals(1, out.keypoints().size(), name + ": seed " + seed + " returned " + out.keypoints().size()
                    + " keypoints for 1; a transform moves keypoints and leaves filtering to the pipeline");
            Keypoint m = out.keypoints().get(0);
            if (!masks && m.equals(k)) {
                continue;
            }
            double[] c = centroid(masks ? out.mask() : out.image());
            Image img = out.image();
            // Skip a dot cut by the border (its centroid moves) or pushed out.
            if (c == null || Math.min(Math.min(c[0], m.x()), Math.min(c[1], m.y())) < 4
                    || Math.max(c[0], m.x()) > img.width() - 4 || Math.max(c[1], m.y()) > img.height() - 4) {
                continue;
            }
            double d = Math.hypot(m.x() - c[0], m.y() - c[1]);
            assertTrue(d <= 1.0, name + ": seed " + seed + " moved the keypoint to (" + m.x() + ", " + m.y()
                    + ") but the dot went to (" + c[0] + ", " + c[1] + "), " + d + " px away");
        }
    }

    @SuppressWarnings("unchecked")
    private static Sample applyIfTaken(Transform<?> t, Sample in, long seed) {
        Transform<Object> tt = (Transform<Object>) t;
        try {
            return tt.apply(in, tt.sample(in, new Rng(seed))).toArrayImages(in);
        } catch (AugmentException e) {
            return null;
        }
    }

    /** Black, 255 on columns {@code [x0, x1)} and rows {@code [y0, y1)}. */
    private static ArrayImage square(int channels, int x0, int y0, int x1, int y1) {
        byte[] b = new byte[H * W * channels];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                for (int c = 0; c < channels; c++) {
                    b[(y * W + x) * channels + c] = (byte) 255;
                }
            }
        }
        return ArrayImage.wrapBytes(H, W, channels, b);
    }

    /** Columns and rows {@code [x0, y0, x1, y1)} of the pixels at or above half the maximum, or null. */
    private static int[] brightBox(Image img) {
        ArrayImage a = img.toArrayImage();
        double threshold = Math.max(1e-6, max(a) / 2);
        int[] r = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                if (a.get(y, x, 0) >= threshold) {
                    r[0] = Math.min(r[0], x);
                    r[1] = Math.min(r[1], y);
                    r[2] = Math.max(r[2], x + 1);
                    r[3] = Math.max(r[3], y + 1);
                }
            }
        }
        return r[2] < 0 ? null : r;
    }

    /** The intensity-weighted centroid (continuous coordinates) of the pixels above a quarter of the maximum. */
    private static double[] centroid(Image img) {
        ArrayImage a = img.toArrayImage();
        double threshold = max(a) / 4;
        double sx = 0;
        double sy = 0;
        double s = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                double v = a.get(y, x, 0);
                if (v > threshold) {
                    sx += v * (x + 0.5);
                    sy += v * (y + 0.5);
                    s += v;
                }
            }
        }
        return s == 0 ? null : new double[] {sx / s, sy / s};
    }

    private static double max(ArrayImage a) {
        double m = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                m = Math.max(m, a.get(y, x, 0));
            }
        }
        return m;
    }
}
