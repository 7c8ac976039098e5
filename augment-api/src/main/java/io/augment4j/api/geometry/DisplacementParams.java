package io.augment4j.api.geometry;

/**
 * Sampled parameters of a local warp (grid distortion, elastic deformation, optical distortion) described by a
 * backward map: each output pixel reads the input at {@code (mapX, mapY)}. The built-in local warps move masks by the
 * same map and boxes and keypoints through its numerical inverse
 * ({@link io.augment4j.api.targets.BackwardMapInverse}); the parameters stay small (a seed, a coarse grid) and the
 * full field is computed on demand.
 */
public interface DisplacementParams {
    /**
     * Fills {@code mapX} and {@code mapY} (length {@code height * width}, row-major) with the input coordinates each
     * output pixel samples, for an input of {@code height x width}.
     */
    void sourceCoordinates(int height, int width, float[] mapX, float[] mapY);
}
