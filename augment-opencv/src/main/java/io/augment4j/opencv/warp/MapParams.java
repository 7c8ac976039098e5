package io.augment4j.opencv.warp;

import io.augment4j.api.geometry.DisplacementParams;
import io.augment4j.api.targets.PointMap;
import io.augment4j.opencv.OpenCvRuntime;

/**
 * A local warp's sampled parameters that can build their full backward map for any image size. The same maps drive
 * the image's {@code remap} and {@link #sourceCoordinates}, so masks and points following the map later see exactly
 * what the image saw.
 */
public interface MapParams extends DisplacementParams {
    /** The backward maps for an image of {@code height x width}, in pooled Mats the caller must close. */
    RemapMaps maps(int height, int width);

    /**
     * Where input points go under {@code maps} (built by {@link #maps} from these parameters), to move boxes and
     * keypoints: by default the numerical inverse of a Java copy of the maps ({@link RemapMaps#inverse}), valid while
     * {@code maps} is open and until the next copy on this thread, with box outlines sampled every 8 pixels. A warp
     * overrides it to declare the outline spacing its smoothness allows, or to invert without the copy.
     */
    default PointMap pointMap(RemapMaps maps) {
        return maps.inverse();
    }

    @Override
    default void sourceCoordinates(int height, int width, float[] mapX, float[] mapY) {
        OpenCvRuntime.ensureLoaded();
        try (RemapMaps m = maps(height, width)) {
            m.toArrays(mapX, mapY);
        }
    }
}
