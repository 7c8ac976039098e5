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

    /**
     * The extremes of a box's moved edges, found by scanning them pixel by pixel instead of moving sampled points:
     * with the map bilinear between pixel centres, along an output column {@code u} the map's y is linear between two
     * rows, so the output point where the moved top edge {@code y = Y} crosses that column is found exactly by
     * stepping to the two rows around it (from the previous column's rows) and interpolating; the crossing belongs to
     * the edge while its x lies in {@code [X0, X1]}. The top is the least such crossing over the columns, the bottom
     * the greatest for {@code y = Y1}; left and right the same along rows. Between two pixel columns the moved edge
     * is taken as its chord, which misses a turn inside that one pixel by its curvature times an eighth of a pixel
     * squared. The corners are left to the caller (they are the ends of the edges).
     *
     * <p>Beyond the pixel centres the map's displacement is held at the border's ({@link #sample}), so there a
     * crossing is found in closed form, and past the first or last column the edge goes on as a shifted copy of that
     * column. Where a fold gives a column several crossings, the scan follows the one next to the last column's, one
     * branch of the fold, as the point-by-point search does. Gives up ({@code false}) only for an edge that no pixel
     * column (or row) crosses inside its ends, about a pixel long or less; the caller then moves its outline.
     *
     * @param box {@code xMin, yMin, xMax, yMax} in pixel-centre coordinates
     * @param out the extremes found, in pixel-centre coordinates: least x, least y, greatest x, greatest y
     */
    boolean scanEdges(double[] box, double[] out) {
        if (width < 2 || height < 2) {
            return false;
        }
        out[1] = scanRow(box[1], box[0], box[2], true);
        out[3] = scanRow(box[3], box[0], box[2], false);
        out[0] = scanColumn(box[0], box[1], box[3], true);
        out[2] = scanColumn(box[2], box[1], box[3], false);
        return Double.isFinite(out[0]) && Double.isFinite(out[1]) && Double.isFinite(out[2])
                && Double.isFinite(out[3]);
    }

    /**
     * The least ({@code least}) or greatest output v where the moved horizontal edge {@code y = edge},
     * {@code x in [from, to]}, crosses an output column; NaN to give up.
     */
    private double scanRow(double edge, double from, double to, boolean least) {
        return scan(edge, from, to, least, true);
    }

    /** {@link #scanRow} for the moved vertical edge {@code x = edge}, {@code y in [from, to]}, along output rows. */
    private double scanColumn(double edge, double from, double to, boolean least) {
        return scan(edge, from, to, least, false);
    }

    /**
     * The scan of one moved edge. For a horizontal edge ({@code rows}), line {@code i} is output column {@code i} and
     * position {@code j} its row; {@code across} is the map's y, compared with the edge, and {@code along} its x,
     * which must lie in {@code [from, to]}. For a vertical edge, the same with rows and columns, x and y swapped.
     */
    private double scan(double edge, double from, double to, boolean least, boolean rows) {
        int lines = rows ? width : height;
        int positions = rows ? height : width;
        double best = least ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        int mid = (int) Math.max(0, Math.min(lines - 1, Math.round((from + to) / 2)));
        int start = (int) Math.max(0, Math.min(positions - 2, Math.floor(edge)));
        boolean found = false;
        for (int dir = -1; dir <= 1; dir += 2) {
            int j = start;
            for (int i = dir < 0 ? mid : mid + 1; i >= 0 && i < lines; i += dir) {
                // Step to the positions j, j + 1 around the crossing: across(j) <= edge < across(j + 1).
                while (j > 0 && across(rows, i, j) > edge) {
                    j--;
                }
                while (j < positions - 2 && across(rows, i, j + 1) <= edge) {
                    j++;
                }
                double g0 = across(rows, i, j) - edge;
                double g1 = across(rows, i, j + 1) - edge;
                double crossing;
                double a;
                if (g0 > 0) {
                    // Before the first position (j is 0): the map there is the first one's, moved by the offset.
                    crossing = -g0;
                    a = along(rows, i, 0);
                } else if (g1 <= 0) {
                    // Past the last position (j is positions - 2), likewise.
                    crossing = positions - 1 - g1;
                    a = along(rows, i, positions - 1);
                } else {
                    double t = -g0 / (g1 - g0);
                    crossing = j + t;
                    a = along(rows, i, j) + t * (along(rows, i, j + 1) - along(rows, i, j));
                }
                // Past the first or last line the edge goes on as a shifted copy of it, along moving one for one:
                // some line there lies inside the edge if this one is short of its far end.
                boolean beyond = i == 0 && a >= from || i == lines - 1 && a <= to;
                if ((a < from || a > to) && !beyond) {
                    if (dir < 0 ? a < from : a > to) {
                        break; // past this end of the edge
                    }
                    continue;
                }
                found = true;
                best = least ? Math.min(best, crossing) : Math.max(best, crossing);
            }
        }
        return found ? best : Double.NaN;
    }

    /** The map's coordinate across the edge at line {@code i}, position {@code j} (see {@link #scan}). */
    private double across(boolean rows, int i, int j) {
        return rows ? y(i, j) : x(j, i);
    }

    /** The map's coordinate along the edge at line {@code i}, position {@code j}. */
    private double along(boolean rows, int i, int j) {
        return rows ? x(i, j) : y(j, i);
    }

    private double x(int u, int v) {
        return xs[(v * width + u) * stride + offsetX];
    }

    private double y(int u, int v) {
        return ys[(v * width + u) * stride + offsetY];
    }
}
