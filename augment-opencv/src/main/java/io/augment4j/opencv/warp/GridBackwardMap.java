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

    /** Padded grid side: two replicated nodes beyond each border, so every tap is inside (no clamping per tap). */
    private final int side;
    /**
     * Node displacements in pixels, {@code (dx, dy)} per node, rounded to float as the OpenCV map's nodes, on the
     * padded grid: node {@code (i, j)} at {@code 2 ((j + 2) side + i + 2)}.
     */
    private final double[] nodes;
    private final int height;
    private final int width;
    private final double scaleX;
    private final double scaleY;

    GridBackwardMap(int steps, double[] offsets, int height, int width) {
        this.height = height;
        this.width = width;
        this.side = steps + 4;
        this.nodes = new double[2 * side * side];
        for (int j = 0; j < side; j++) {
            int sj = Math.max(0, Math.min(steps - 1, j - 2));
            for (int i = 0; i < side; i++) {
                int si = Math.max(0, Math.min(steps - 1, i - 2));
                int from = 2 * (sj * steps + si);
                nodes[2 * (j * side + i)] = (float) (offsets[from] * width);
                nodes[2 * (j * side + i) + 1] = (float) (offsets[from + 1] * height);
            }
        }
        this.scaleX = (double) steps / width;
        this.scaleY = (double) steps / height;
    }

    /**
     * 0.1 px: Keys' cubic has a continuous Jacobian that changes over the node spacing (45 px on the default 5 nodes
     * at 224), so the unchecked last Newton step from 0.1 px lands within 0.001 px at the default +-5 % (measured
     * 0.0002 px) and within 0.01 px at +-8 %, where the grid nearly folds; with about a sixth fewer look-ups than 0.01.
     */
    @Override
    public double residualTolerance() {
        return 0.1;
    }

    @Override
    public void sample(double u, double v, double[] out) {
        double cu = Math.max(0, Math.min(width - 1, u));
        double cv = Math.max(0, Math.min(height - 1, v));
        double fx = (cu + 0.5) * scaleX - 0.5;
        double fy = (cv + 0.5) * scaleY - 0.5;
        // fx, fy >= -0.5: the cast of fx + 1 floors.
        int sx = (int) (fx + 1) - 1;
        int sy = (int) (fy + 1) - 1;
        double tx = fx - sx;
        double ty = fy - sy;
        // Keys' weights of the 4 taps and their derivatives, in x then y.
        double ax = tx + 1;
        double bx = 1 - tx;
        double wx0 = ((A * ax - 5 * A) * ax + 8 * A) * ax - 4 * A;
        double wx1 = ((A + 2) * tx - (A + 3)) * tx * tx + 1;
        double wx2 = ((A + 2) * bx - (A + 3)) * bx * bx + 1;
        double wx3 = 1 - wx0 - wx1 - wx2;
        double dx0 = (3 * A * ax - 10 * A) * ax + 8 * A;
        double dx1 = (3 * (A + 2) * tx - 2 * (A + 3)) * tx;
        double dx2 = -(3 * (A + 2) * bx - 2 * (A + 3)) * bx;
        double dx3 = -(dx0 + dx1 + dx2);
        double ay = ty + 1;
        double by = 1 - ty;
        double wy0 = ((A * ay - 5 * A) * ay + 8 * A) * ay - 4 * A;
        double wy1 = ((A + 2) * ty - (A + 3)) * ty * ty + 1;
        double wy2 = ((A + 2) * by - (A + 3)) * by * by + 1;
        double wy3 = 1 - wy0 - wy1 - wy2;
        double dy0 = (3 * A * ay - 10 * A) * ay + 8 * A;
        double dy1 = (3 * (A + 2) * ty - 2 * (A + 3)) * ty;
        double dy2 = -(3 * (A + 2) * by - 2 * (A + 3)) * by;
        double dy3 = -(dy0 + dy1 + dy2);
        double[] n = nodes;
        // Taps sx - 1 .. sx + 2 are padded columns sx + 1 .. sx + 4 (sx >= -1).
        int k = 2 * ((sy + 1) * side + sx + 1);
        int row = 2 * side;
        double rx0 = wx0 * n[k] + wx1 * n[k + 2] + wx2 * n[k + 4] + wx3 * n[k + 6];
        double ry0 = wx0 * n[k + 1] + wx1 * n[k + 3] + wx2 * n[k + 5] + wx3 * n[k + 7];
        double ux0 = dx0 * n[k] + dx1 * n[k + 2] + dx2 * n[k + 4] + dx3 * n[k + 6];
        double uy0 = dx0 * n[k + 1] + dx1 * n[k + 3] + dx2 * n[k + 5] + dx3 * n[k + 7];
        k += row;
        double rx1 = wx0 * n[k] + wx1 * n[k + 2] + wx2 * n[k + 4] + wx3 * n[k + 6];
        double ry1 = wx0 * n[k + 1] + wx1 * n[k + 3] + wx2 * n[k + 5] + wx3 * n[k + 7];
        double ux1 = dx0 * n[k] + dx1 * n[k + 2] + dx2 * n[k + 4] + dx3 * n[k + 6];
        double uy1 = dx0 * n[k + 1] + dx1 * n[k + 3] + dx2 * n[k + 5] + dx3 * n[k + 7];
        k += row;
        double rx2 = wx0 * n[k] + wx1 * n[k + 2] + wx2 * n[k + 4] + wx3 * n[k + 6];
        double ry2 = wx0 * n[k + 1] + wx1 * n[k + 3] + wx2 * n[k + 5] + wx3 * n[k + 7];
        double ux2 = dx0 * n[k] + dx1 * n[k + 2] + dx2 * n[k + 4] + dx3 * n[k + 6];
        double uy2 = dx0 * n[k + 1] + dx1 * n[k + 3] + dx2 * n[k + 5] + dx3 * n[k + 7];
        k += row;
        double rx3 = wx0 * n[k] + wx1 * n[k + 2] + wx2 * n[k + 4] + wx3 * n[k + 6];
        double ry3 = wx0 * n[k + 1] + wx1 * n[k + 3] + wx2 * n[k + 5] + wx3 * n[k + 7];
        double ux3 = dx0 * n[k] + dx1 * n[k + 2] + dx2 * n[k + 4] + dx3 * n[k + 6];
        double uy3 = dx0 * n[k + 1] + dx1 * n[k + 3] + dx2 * n[k + 5] + dx3 * n[k + 7];
        out[0] = u + wy0 * rx0 + wy1 * rx1 + wy2 * rx2 + wy3 * rx3;
        out[1] = v + wy0 * ry0 + wy1 * ry1 + wy2 * ry2 + wy3 * ry3;
        // Beyond the border the displacement is constant: its derivative across the border is 0.
        boolean inU = u == cu;
        boolean inV = v == cv;
        out[2] = 1 + (inU ? (wy0 * ux0 + wy1 * ux1 + wy2 * ux2 + wy3 * ux3) * scaleX : 0);
        out[3] = inV ? (dy0 * rx0 + dy1 * rx1 + dy2 * rx2 + dy3 * rx3) * scaleY : 0;
        out[4] = inU ? (wy0 * uy0 + wy1 * uy1 + wy2 * uy2 + wy3 * uy3) * scaleX : 0;
        out[5] = 1 + (inV ? (dy0 * ry0 + dy1 * ry1 + dy2 * ry2 + dy3 * ry3) * scaleY : 0);
    }
}
