package io.augment4j.opencv.targets;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.BoundingBox;

/** Synthetic images for the target tests: white rectangles and bright blobs on black. */
final class TargetImages {
    private TargetImages() {
    }

    /** A 1-channel image, 0 everywhere but 255 on columns {@code [x0, x1)} and rows {@code [y0, y1)}. */
    static ArrayImage rectangle(int h, int w, int x0, int y0, int x1, int y1) {
        byte[] b = new byte[h * w];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                b[y * w + x] = (byte) 255;
            }
        }
        return ArrayImage.wrapBytes(h, w, 1, b);
    }

    /** A Gaussian blob (sigma 1.5 px, peak 255) centred on continuous point {@code (cx, cy)}. */
    static ArrayImage blob(int h, int w, double cx, double cy) {
        byte[] b = new byte[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                b[y * w + x] = (byte) Math.round(255 * Math.exp(-(dx * dx + dy * dy) / (2 * 1.5 * 1.5)));
            }
        }
        return ArrayImage.wrapBytes(h, w, 1, b);
    }

    /** The box of the pixels at or above {@code threshold}, in continuous coordinates; {@code null} if none. */
    static BoundingBox brightBox(ArrayImage img, int threshold) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                if (img.get(y, x, 0) >= threshold) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new BoundingBox(x0, y0, x1 + 1, y1 + 1, null);
    }

    /** Intensity-weighted centroid of the pixels above a quarter of the maximum, in continuous coordinates. */
    static double[] centroid(ArrayImage img) {
        double max = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                max = Math.max(max, img.get(y, x, 0));
            }
        }
        double sx = 0;
        double sy = 0;
        double s = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                double v = img.get(y, x, 0);
                if (v > max / 4) {
                    sx += v * (x + 0.5);
                    sy += v * (y + 0.5);
                    s += v;
                }
            }
        }
        return s == 0 ? null : new double[] {sx / s, sy / s};
    }

    static double iou(BoundingBox a, BoundingBox b) {
        double w = Math.min(a.xMax(), b.xMax()) - Math.max(a.xMin(), b.xMin());
        double h = Math.min(a.yMax(), b.yMax()) - Math.max(a.yMin(), b.yMin());
        double inter = w > 0 && h > 0 ? w * h : 0;
        return inter / (a.area() + b.area() - inter);
    }
}
