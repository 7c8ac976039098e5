package io.augment4j.opencv.warp;

import io.augment4j.api.targets.BackwardMap;

/**
 * Optical distortion's backward map evaluated from its formula, without building or copying the per-pixel map: what
 * {@code initUndistortRectifyMap} computes for {@link OpticalDistortion}'s camera ({@code fx = W, fy = H}, centre
 * {@code (W/2, H/2)}) and distortion {@code [k, k, 0, 0, 0]} at every pixel centre, and the same polynomial between
 * them (so smooth, with its exact Jacobian): with {@code x = (u - W/2) / W}, {@code y = (v - H/2) / H} and
 * {@code r2 = x^2 + y^2}, output pixel {@code (u, v)} reads the input at
 * {@code (W x (1 + k r2 + k r2^2) + W/2, H y (1 + k r2 + k r2^2) + H/2)}. Beyond the image the displacement is held
 * at the border's, as {@link io.augment4j.api.targets.BackwardMapInverse}'s sampled maps do.
 */
final class RadialBackwardMap implements BackwardMap {
    private final double k;
    private final int height;
    private final int width;

    /** {@code k} as the map builder takes it: rounded to float (the distortion vector is filled from a float). */
    RadialBackwardMap(float k, int height, int width) {
        this.k = k;
        this.height = height;
        this.width = width;
    }

    /**
     * 0.1 px: the polynomial's Jacobian changes by about {@code 6 k / W} per pixel at the corners (0.0013 at the
     * default k = 0.05 on 224 px), so the unchecked last Newton step from 0.1 px lands within a thousandth of a pixel
     * (tested).
     */
    @Override
    public double residualTolerance() {
        return 0.1;
    }

    @Override
    public void sample(double u, double v, double[] out) {
        double cu = Math.max(0, Math.min(width - 1, u));
        double cv = Math.max(0, Math.min(height - 1, v));
        double x = (cu - width * 0.5) / width;
        double y = (cv - height * 0.5) / height;
        double r2 = x * x + y * y;
        double kr = 1 + (k + k * r2) * r2;
        // d kr / d r2, and d r2 / du = 2 x / W, d r2 / dv = 2 y / H.
        double dkr = k + 2 * k * r2;
        out[0] = width * x * kr + width * 0.5 + (u - cu);
        out[1] = height * y * kr + height * 0.5 + (v - cv);
        // Beyond the border the displacement is constant: the map moves one for one with u (or v) there.
        boolean inU = u == cu;
        boolean inV = v == cv;
        out[2] = inU ? kr + 2 * x * x * dkr : 1;
        out[3] = inV ? 2 * x * y * dkr * width / height : 0;
        out[4] = inU ? 2 * x * y * dkr * height / width : 0;
        out[5] = inV ? kr + 2 * y * y * dkr : 1;
    }
}
