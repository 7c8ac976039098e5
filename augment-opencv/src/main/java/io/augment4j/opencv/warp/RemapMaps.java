package io.augment4j.opencv.warp;

import io.augment4j.api.targets.BackwardMapInverse;
import io.augment4j.opencv.MatPool;
import org.opencv.core.Mat;

/**
 * Backward maps for {@code remap}, in pooled Mats that {@link #close()} gives back: either one {@code CV_32FC2} map of
 * (x, y) pairs ({@code map2} null) or two {@code CV_32FC1} maps (x, then y).
 *
 * @param map1 the (x, y) map, or the x map
 * @param map2 the y map, or {@code null}
 */
public record RemapMaps(Mat map1, Mat map2) implements AutoCloseable {
    /** Per-thread copies of the last maps read into Java: the interleaved or x map, then the y map. */
    private static final ThreadLocal<float[][]> COPIES = ThreadLocal.withInitial(() -> new float[2][0]);

    /** Copies the maps into row-major {@code mapX}/{@code mapY} arrays of {@code rows * cols} values. */
    public void toArrays(float[] mapX, float[] mapY) {
        int n = map1.rows() * map1.cols();
        if (mapX.length < n || mapY.length < n) {
            throw new IllegalArgumentException("map arrays need " + n + " values, got " + mapX.length + " and "
                    + mapY.length);
        }
        if (map2 == null) {
            float[] xy = copy(0, 2 * n);
            map1.get(0, 0, xy);
            for (int i = 0; i < n; i++) {
                mapX[i] = xy[2 * i];
                mapY[i] = xy[2 * i + 1];
            }
        } else {
            map1.get(0, 0, mapX);
            map2.get(0, 0, mapY);
        }
    }

    /**
     * The numerical inverse of these maps, over one copy of them into Java arrays reused per thread (one
     * {@code Mat.get} per map, no de-interleaving): valid until the next call of this method or {@link #toArrays} on
     * the same thread.
     */
    public BackwardMapInverse inverse() {
        int rows = map1.rows();
        int cols = map1.cols();
        int n = rows * cols;
        if (map2 == null) {
            float[] xy = copy(0, 2 * n);
            map1.get(0, 0, xy);
            return BackwardMapInverse.interleaved(xy, rows, cols);
        }
        float[] x = copy(0, n);
        float[] y = copy(1, n);
        map1.get(0, 0, x);
        map2.get(0, 0, y);
        return new BackwardMapInverse(x, y, rows, cols);
    }

    /** This thread's copy buffer {@code slot}, exactly {@code size} long ({@code Mat.get} fills the whole array). */
    private static float[] copy(int slot, int size) {
        float[][] c = COPIES.get();
        if (c[slot].length != size) {
            c[slot] = new float[size];
        }
        return c[slot];
    }

    @Override
    public void close() {
        MatPool.recycle(map1);
        if (map2 != null) {
            MatPool.recycle(map2);
        }
    }
}
