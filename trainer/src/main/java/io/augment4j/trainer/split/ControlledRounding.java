package io.augment4j.trainer.split;

import io.augment4j.api.Rng;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Rounds a real table to integers with exact row and column totals and every cell within its
 * bounds: the class x part table of a stratified split.
 *
 * <p>Each cell has bounds {@code lo <= x <= hi} with {@code hi - lo} 0 or 1 (the floor and ceiling
 * of its exact share). The random part is dependent rounding on the bipartite graph of open cells
 * (Gandhi, Khuller, Parthasarathy and Srinivasan, J. ACM 53(3), 2006): each step moves mass around
 * a cycle or along a maximal path of fractional cells, up or down at random so that every cell's
 * expected value stays put, until all are whole. When the target lies within the bounds and has
 * the requested totals, the result therefore has those totals and {@code E[x] = target} for every
 * cell: no class is favoured by its index. Otherwise (a target clipped at a bound) a few units are
 * then moved along augmenting paths, as in a maximum flow, to meet the totals exactly.
 */
final class ControlledRounding {

    /** Values this close to 0 or 1 are whole: ratios such as 0.7 are not exact in binary. */
    static final double EPS = 1e-9;

    private ControlledRounding() {}

    /**
     * @param lo lower bound of each cell
     * @param hi upper bound of each cell, {@code lo} or {@code lo + 1}
     * @param target the desired expectation of each cell (clipped to its bounds)
     * @param rowSums exact row totals
     * @param colSums exact column totals
     * @param rng the only source of randomness
     * @return the rounded table, or null when no table meets the bounds and both totals
     */
    static int[][] round(int[][] lo, int[][] hi, double[][] target, int[] rowSums, int[] colSums, Rng rng) {
        int rows = lo.length;
        int cols = colSums.length;
        double[][] y = new double[rows][cols];
        int[][] cap = new int[rows][cols];
        int[] rowNeed = rowSums.clone();
        int[] colNeed = colSums.clone();
        for (int k = 0; k < rows; k++) {
            for (int p = 0; p < cols; p++) {
                cap[k][p] = hi[k][p] - lo[k][p];
                y[k][p] = cap[k][p] == 0 ? 0 : Math.min(1, Math.max(0, target[k][p] - lo[k][p]));
                rowNeed[k] -= lo[k][p];
                colNeed[p] -= lo[k][p];
            }
        }
        dependentRound(y, rng);
        int[][] unit = new int[rows][cols];
        for (int k = 0; k < rows; k++) {
            for (int p = 0; p < cols; p++) {
                unit[k][p] = y[k][p] >= 0.5 ? 1 : 0;
            }
        }
        if (!repair(unit, cap, rowNeed, colNeed, rng)) {
            return null;
        }
        int[][] x = new int[rows][cols];
        for (int k = 0; k < rows; k++) {
            for (int p = 0; p < cols; p++) {
                x[k][p] = lo[k][p] + unit[k][p];
            }
        }
        return x;
    }

    /** Rounds every value of {@code y} (each in [0, 1]) to 0 or 1, keeping each one's expectation. */
    static void dependentRound(double[][] y, Rng rng) {
        int rows = y.length;
        int cols = rows == 0 ? 0 : y[0].length;
        // vertices: rows 0..rows-1, columns rows..rows+cols-1; columns list their open rows
        List<TreeSet<Integer>> open = new ArrayList<>();
        for (int p = 0; p < cols; p++) {
            open.add(new TreeSet<>());
        }
        for (int k = 0; k < rows; k++) {
            for (int p = 0; p < cols; p++) {
                y[k][p] = snap(y[k][p]);
                if (isOpen(y[k][p])) {
                    open.get(p).add(k);
                }
            }
        }
        int[] pos = new int[rows + cols];
        Arrays.fill(pos, -1);
        int scan = 0;
        while (true) {
            while (scan < rows && !hasOpen(y[scan])) {
                scan++;
            }
            if (scan == rows) {
                return;
            }
            // walk from an open cell until the walk closes a cycle or ends at both sides
            List<Integer> walk = new ArrayList<>();
            walk.add(scan);
            pos[scan] = 0;
            boolean reversed = false;
            int closeAt = -1;
            while (true) {
                int last = walk.size() - 1;
                int cur = walk.get(last);
                int next = neighbour(cur, last > 0 ? walk.get(last - 1) : -1, y, open, rows);
                if (next < 0) {
                    if (reversed) {
                        break;
                    }
                    reversed = true;
                    Collections.reverse(walk);
                    for (int i = 0; i < walk.size(); i++) {
                        pos[walk.get(i)] = i;
                    }
                    continue;
                }
                if (pos[next] >= 0) {
                    closeAt = pos[next];
                    break;
                }
                pos[next] = walk.size();
                walk.add(next);
            }
            for (int v : walk) {
                pos[v] = -1;
            }
            List<int[]> edges = new ArrayList<>();
            int from = closeAt >= 0 ? closeAt : 0;
            for (int i = from; i + 1 < walk.size(); i++) {
                edges.add(edge(walk.get(i), walk.get(i + 1), rows));
            }
            if (closeAt >= 0) {
                edges.add(edge(walk.get(walk.size() - 1), walk.get(closeAt), rows));
            }
            shift(edges, y, rng);
            for (int[] e : edges) {
                y[e[0]][e[1]] = snap(y[e[0]][e[1]]);
                if (!isOpen(y[e[0]][e[1]])) {
                    open.get(e[1]).remove(e[0]);
                }
            }
        }
    }

    /**
     * Adds +a/-a alternately along the edges (a cycle of even length or a path), with the
     * direction drawn so that each edge's expected change is 0; at least one edge becomes whole.
     */
    private static void shift(List<int[]> edges, double[][] y, Rng rng) {
        double up = Double.MAX_VALUE; // largest step with even edges up, odd edges down
        double down = Double.MAX_VALUE; // largest step with even edges down, odd edges up
        for (int i = 0; i < edges.size(); i++) {
            double v = y[edges.get(i)[0]][edges.get(i)[1]];
            up = Math.min(up, i % 2 == 0 ? 1 - v : v);
            down = Math.min(down, i % 2 == 0 ? v : 1 - v);
        }
        // up with probability down/(up+down): expected change up*down - down*up = 0
        double step = rng.nextDouble() * (up + down) < down ? up : -down;
        for (int i = 0; i < edges.size(); i++) {
            int[] e = edges.get(i);
            y[e[0]][e[1]] += i % 2 == 0 ? step : -step;
        }
    }

    private static int neighbour(int v, int exclude, double[][] y, List<TreeSet<Integer>> open, int rows) {
        if (v < rows) {
            for (int p = 0; p < y[v].length; p++) {
                if (isOpen(y[v][p]) && rows + p != exclude) {
                    return rows + p;
                }
            }
            return -1;
        }
        for (int k : open.get(v - rows)) {
            if (k != exclude) {
                return k;
            }
        }
        return -1;
    }

    private static int[] edge(int a, int b, int rows) {
        return a < rows ? new int[] {a, b - rows} : new int[] {b, a - rows};
    }

    private static boolean hasOpen(double[] row) {
        for (double v : row) {
            if (isOpen(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOpen(double v) {
        return v > 0 && v < 1;
    }

    private static double snap(double v) {
        return v < EPS ? 0 : v > 1 - EPS ? 1 : v;
    }

    /**
     * Moves units (each cell 0 or 1, at most {@code cap}) until every row holds {@code rowNeed}
     * and every column {@code colNeed}: first drops units where a row or column holds too many,
     * then adds units along augmenting paths (row, free cell, column, taken cell, row, ...), as in
     * Ford-Fulkerson on the rows x columns network. Sources are tried in random order.
     *
     * @return false when the totals cannot be met within the caps
     */
    static boolean repair(int[][] unit, int[][] cap, int[] rowNeed, int[] colNeed, Rng rng) {
        int rows = unit.length;
        int cols = colNeed.length;
        long needed = 0;
        for (int r : rowNeed) {
            if (r < 0) {
                return false;
            }
            needed += r;
        }
        for (int c : colNeed) {
            if (c < 0) {
                return false;
            }
            needed -= c;
        }
        if (needed != 0) {
            return false;
        }
        int[] rowHave = new int[rows];
        int[] colHave = new int[cols];
        for (int k = 0; k < rows; k++) {
            int[] ps = shuffled(cols, rng);
            for (int p : ps) {
                if (unit[k][p] == 1 && rowHave[k] == rowNeed[k]) {
                    unit[k][p] = 0;
                }
                rowHave[k] += unit[k][p];
            }
        }
        for (int p = 0; p < cols; p++) {
            for (int k : shuffled(rows, rng)) {
                if (unit[k][p] == 1 && colHave[p] == colNeed[p]) {
                    unit[k][p] = 0;
                    rowHave[k]--;
                }
                colHave[p] += unit[k][p];
            }
        }
        int[] parent = new int[rows + cols];
        while (true) {
            List<Integer> sources = new ArrayList<>();
            for (int k : shuffled(rows, rng)) {
                if (rowHave[k] < rowNeed[k]) {
                    sources.add(k);
                }
            }
            if (sources.isEmpty()) {
                return true;
            }
            Arrays.fill(parent, -2);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int k : sources) {
                parent[k] = -1;
                queue.add(k);
            }
            int sink = -1;
            while (!queue.isEmpty() && sink < 0) {
                int v = queue.poll();
                if (v < rows) {
                    for (int p = 0; p < cols && sink < 0; p++) {
                        if (unit[v][p] == 0 && cap[v][p] == 1 && parent[rows + p] == -2) {
                            parent[rows + p] = v;
                            if (colHave[p] < colNeed[p]) {
                                sink = p;
                            } else {
                                queue.add(rows + p);
                            }
                        }
                    }
                } else {
                    int p = v - rows;
                    for (int k = 0; k < rows; k++) {
                        if (unit[k][p] == 1 && parent[k] == -2) {
                            parent[k] = v;
                            queue.add(k);
                        }
                    }
                }
            }
            if (sink < 0) {
                return false;
            }
            colHave[sink]++;
            int p = sink;
            while (true) {
                int k = parent[rows + p];
                unit[k][p] = 1;
                if (parent[k] == -1) {
                    rowHave[k]++;
                    break;
                }
                p = parent[k] - rows;
                unit[k][p] = 0;
            }
        }
    }

    private static int[] shuffled(int n, Rng rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        rng.shuffle(a);
        return a;
    }
}
