package io.augment4j.api.geometry;

/**
 * Sampled parameters of a local warp (grid distortion, elastic deformation, optical distortion) described by a
 * backward map: each output pixel reads the input at {@code (mapX, mapY)}. Masks follow by the same map; the
 * parameters stay small (a seed, a coarse grid) and the full field is computed on demand.
 */
public interface DisplacementParams {
    /**
     * Fills {@code mapX} and {@code mapY} (length {@code height * width}, row-major) with the input coordinates each
     * output pixel samples, for an input of {@code height x width}.
     */
    void sourceCoordinates(int height, int width, float[] mapX, float[] mapY);
}
