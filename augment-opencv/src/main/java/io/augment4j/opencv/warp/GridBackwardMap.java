package io.augment4j.opencv.warp;

import io.augment4j.api.targets.BackwardMap;

/**
 * Grid distortion's backward map evaluated straight from its nodes, without building the per-pixel map: what
 * {@code resize(nodes, INTER_CUBIC)} plus the identity gives at every pixel centre, and between them the same cubic
 * (so smooth, with its exact Jacobian). OpenCV's cubic resize reads node {@code (u + 0.5) * steps / W - 0.5} with
 * Keys' kernel ({@code A = -0.75}) over 4 x 4 nodes, the taps clamped to the grid (as {@code BORDER_REPLICATE});
 * beyond the image the displacement is held at the border's, as {@link io.augment4j.api.targets.BackwardMapInverse}'s
 * sampled maps do.
 */
final class GridBackwardMap implements BackwardMap {
    private static final double A = -0.75;

    private final int steps;
    /** Node displacements in pixels, {@code (dx, dy)} per node, rounded to float as the OpenCV map's nodes. */
    private final double[] nodes;
    private final int height;
    private final int width;
    private final double scaleX;
    private final double scaleY;
    private final double[] wx = new double[4];
    private final double[] dwx = new double[4];
    private final double[] wy = new double[4];
    private final double[] dwy = new double[4];

    GridBackwardMap(int steps, double[] offsets, int height, int width) {
        this.steps = steps;
        this.height = height;
        this.width = width;
        this.nodes = new double[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            nodes[i] = (float) (offsets[i] * (i % 2 == 0 ? width : height));
        }
        this.scaleX = (double) steps / width;
        this.scaleY = (double) steps / height;
    }

    @Override
    public void sample(double u, double v, double[] out) {
        double cu = Math.max(0, Math.min(width - 1, u));
        double cv = Math.max(0, Math.min(height - 1, v));
        double fx = (cu + 0.5) * scaleX - 0.5;
        double fy = (cv + 0.5) * scaleY - 0.5;
        int sx = (int) Math.floor(fx);
        int sy = (int) Math.floor(fy);
        keys(fx - sx, wx, dwx);
        keys(fy - sy, wy, dwy);
        double dx = 0;
        double dy = 0;
        double dxu = 0;
        double dxv = 0;
        double dyu = 0;
        double dyv = 0;
        for (int j = 0; j < 4; j++) {
            int row = clamp(sy - 1 + j) * steps;
            double rx = 0;
            double ry = 0;
            double rxu = 0;
            double ryu = 0;
            for (int i = 0; i < 4; i++) {
                int k = 2 * (row + clamp(sx - 1 + i));
                rx += wx[i] * nodes[k];
                ry += wx[i] * nodes[k + 1];
                rxu += dwx[i] * nodes[k];
                ryu += dwx[i] * nodes[k + 1];
            }
            dx += wy[j] * rx;
            dy += wy[j] * ry;
            dxu += wy[j] * rxu;
            dyu += wy[j] * ryu;
            dxv += dwy[j] * rx;
            dyv += dwy[j] * ry;
        }
        out[0] = u + dx;
        out[1] = v + dy;
        // Beyond the border the displacement is constant: its derivative across the border is 0.
        boolean inU = u == cu;
        boolean inV = v == cv;
        out[2] = 1 + (inU ? dxu * scaleX : 0);
        out[3] = inV ? dxv * scaleY : 0;
        out[4] = inU ? dyu * scaleX : 0;
        out[5] = 1 + (inV ? dyv * scaleY : 0);
    }

    private int clamp(int node) {
        return Math.max(0, Math.min(steps - 1, node));
    }

    /** Keys' cubic weights of the 4 taps at fraction {@code t} in [0, 1) and their derivatives in {@code t}. */
    private static void keys(double t, double[] w, double[] dw) {
        double a = t + 1;
        double b = 1 - t;
        w[0] = ((A * a - 5 * A) * a + 8 * A) * a - 4 * A;
        w[1] = ((A + 2) * t - (A + 3)) * t * t + 1;
        w[2] = ((A + 2) * b - (A + 3)) * b * b + 1;
        w[3] = 1 - w[0] - w[1] - w[2];
        dw[0] = (3 * A * a - 10 * A) * a + 8 * A;
        dw[1] = (3 * (A + 2) * t - 2 * (A + 3)) * t;
        dw[2] = -(3 * (A + 2) * b - 2 * (A + 3)) * b;
        dw[3] = -(dw[0] + dw[1] + dw[2]);
    }
}
