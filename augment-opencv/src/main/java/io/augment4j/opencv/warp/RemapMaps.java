package io.augment4j.opencv.warp;

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
    /** Copies the maps into row-major {@code mapX}/{@code mapY} arrays of {@code rows * cols} values. */
    public void toArrays(float[] mapX, float[] mapY) {
        int n = map1.rows() * map1.cols();
        if (mapX.length < n || mapY.length < n) {
            throw new IllegalArgumentException("map arrays need " + n + " values, got " + mapX.length + " and "
                    + mapY.length);
        }
        if (map2 == null) {
            float[] xy = new float[2 * n];
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

    @Override
    public void close() {
        MatPool.recycle(map1);
        if (map2 != null) {
            MatPool.recycle(map2);
        }
    }
}
