package io.augment4j.api.targets;

/**
 * A backward map given by its values at the pixel centres (row-major arrays, possibly interleaved), interpolated
 * bilinearly inside and with the border's displacement held constant outside ({@code map(u) = u + d(clamped u)}).
 */
final class SampledBackwardMap implements BackwardMap {
    private final float[] xs;
    private final float[] ys;
    private final int offsetX;
    private final int offsetY;
    private final int stride;
    private final int height;
    private final int width;

    SampledBackwardMap(float[] xs, float[] ys, int offsetX, int offsetY, int stride, int height, int width) {
        this.xs = xs;
        this.ys = ys;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
        this.stride = stride;
        this.height = height;
        this.width = width;
    }

    @Override
    public void sample(double u, double v, double[] out) {
        double cu = Math.max(0, Math.min(width - 1, u));
        double cv = Math.max(0, Math.min(height - 1, v));
        // cu, cv >= 0, so the cast floors.
        int x0 = Math.min((int) cu, Math.max(0, width - 2));
        int y0 = Math.min((int) cv, Math.max(0, height - 2));
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = cu - x0;
        double fy = cv - y0;
        int i00 = (y0 * width + x0) * stride;
        int i01 = (y0 * width + x1) * stride;
        int i10 = (y1 * width + x0) * stride;
        int i11 = (y1 * width + x1) * stride;
        double x00 = xs[i00 + offsetX];
        double x01 = xs[i01 + offsetX];
        double x10 = xs[i10 + offsetX];
        double x11 = xs[i11 + offsetX];
        double y00 = ys[i00 + offsetY];
        double y01 = ys[i01 + offsetY];
        double y10 = ys[i10 + offsetY];
        double y11 = ys[i11 + offsetY];
        double xTop = x00 + fx * (x01 - x00);
        double xBottom = x10 + fx * (x11 - x10);
        double yTop = y00 + fx * (y01 - y00);
        double yBottom = y10 + fx * (y11 - y10);
        out[0] = xTop + fy * (xBottom - xTop) + (u - cu);
        out[1] = yTop + fy * (yBottom - yTop) + (v - cv);
        // Clamped directions: the map moves with u there (d/du = 1, the other derivative 0).
        boolean inU = u == cu && x1 != x0;
        boolean inV = v == cv && y1 != y0;
        out[2] = inU ? (1 - fy) * (x01 - x00) + fy * (x11 - x10) : 1;
        out[4] = inU ? (1 - fy) * (y01 - y00) + fy * (y11 - y10) : 0;
        out[3] = inV ? xBottom - xTop : 0;
        out[5] = inV ? yBottom - yTop : 1;
    }
}
