package io.augment4j.api.targets;

import io.augment4j.api.BoundingBox;

import java.util.Arrays;
import java.util.List;

/** Area of a union of rectangles inside a box, by coordinate compression (exact; holes are few). */
final class Areas {
    private Areas() {
    }

    /** The area of {@code box} covered by the union of {@code rects}. */
    static double coveredWithin(BoundingBox box, List<BoundingBox> rects) {
        int n = rects.size();
        double[] xs = new double[2 * n + 2];
        double[] ys = new double[2 * n + 2];
        int k = 0;
        xs[k] = box.xMin();
        ys[k++] = box.yMin();
        xs[k] = box.xMax();
        ys[k++] = box.yMax();
        for (BoundingBox r : rects) {
            xs[k] = clamp(r.xMin(), box.xMin(), box.xMax());
            ys[k++] = clamp(r.yMin(), box.yMin(), box.yMax());
            xs[k] = clamp(r.xMax(), box.xMin(), box.xMax());
            ys[k++] = clamp(r.yMax(), box.yMin(), box.yMax());
        }
        Arrays.sort(xs);
        Arrays.sort(ys);
        double covered = 0;
        for (int i = 0; i + 1 < xs.length; i++) {
            double cx = (xs[i] + xs[i + 1]) / 2;
            if (xs[i + 1] <= xs[i]) {
                continue;
            }
            for (int j = 0; j + 1 < ys.length; j++) {
                if (ys[j + 1] <= ys[j]) {
                    continue;
                }
                double cy = (ys[j] + ys[j + 1]) / 2;
                for (BoundingBox r : rects) {
                    if (cx > r.xMin() && cx < r.xMax() && cy > r.yMin() && cy < r.yMax()) {
                        covered += (xs[i + 1] - xs[i]) * (ys[j + 1] - ys[j]);
                        break;
                    }
                }
            }
        }
        return covered;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
