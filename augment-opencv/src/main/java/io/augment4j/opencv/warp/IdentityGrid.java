package io.augment4j.opencv.warp;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The per-thread identity map ({@code CV_32FC2}, (x, y) = (col, row)) of the last image size used on the thread,
 * built once and reused, as the Python baseline caches its {@code base_grid}. Read-only for callers.
 */
final class IdentityGrid {
    private static final ThreadLocal<IdentityGrid> GRIDS = ThreadLocal.withInitial(IdentityGrid::new);

    private Mat grid;

    private IdentityGrid() {
    }

    /** The identity map of {@code height x width}; valid until the next call on this thread with another size. */
    static Mat of(int height, int width) {
        return GRIDS.get().get(height, width);
    }

    private Mat get(int height, int width) {
        if (grid == null || grid.rows() != height || grid.cols() != width) {
            if (grid != null) {
                grid.release();
            }
            grid = new Mat(height, width, CvType.CV_32FC2);
            float[] row = new float[2 * width];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    row[2 * x] = x;
                    row[2 * x + 1] = y;
                }
                grid.put(y, 0, row);
            }
        }
        return grid;
    }
}
