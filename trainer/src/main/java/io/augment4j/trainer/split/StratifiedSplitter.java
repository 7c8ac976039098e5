package io.augment4j.trainer.split;

import io.augment4j.api.Rng;
import io.augment4j.trainer.Seeds;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits indices into train/val/test with every class represented in proportion.
 *
 * <p><b>Counts.</b> The exact share of class {@code k} in part {@code p} is
 * {@code count(k) * ratio(p)} (ratios) or {@code size(p) * count(k) / n} (sizes); train takes the
 * rest. The part totals are exact: the requested sizes, or for ratios {@code n * ratio(p)} rounded
 * by the largest-remainder method (ties go to test, then validation, then train; when lifting tiny
 * classes into train, below, makes that impossible, the next rounding in that order). Every cell of
 * the class x part table is then rounded to the floor or the ceiling of its exact share, so each
 * class's count in each part is within one example of its share, every class keeps its examples
 * and every part gets its total: a controlled rounding of the table ({@code ControlledRounding}).
 * The leftover examples (those beyond each cell's floor) are placed at random, so that every
 * example has the same chance, {@code total(p) / n}, of landing in part {@code p}, whatever its
 * class index; only where a cell's bounds forbid that share (tiny classes, rounding at a bound)
 * does the chance differ.
 *
 * <p><b>Refusals.</b> A split that would leave the train part empty, or a class with examples
 * but none in train, is refused with an {@link IllegalArgumentException} naming the class and the
 * sizes. To that end a class whose exact train share is below one example gets one training
 * example anyway. A class too small to appear in every part is reported by
 * {@link SplitAdvisor} in {@link Split#warnings()}.
 *
 * <p><b>Seeds.</b> The rounding draws from {@code Rng.of(seed, Seeds.SPLIT, -1)} and class
 * {@code k}'s examples are shuffled with {@code Rng.of(seed, Seeds.SPLIT, k)}: the same labels
 * and spec always give the same split. DJL's {@code randomSplit} is neither stratified nor exact,
 * which is why this exists.
 */
public final class StratifiedSplitter {

    static final int TRAIN = 0;
    static final int VAL = 1;
    static final int TEST = 2;
    private static final double EPS = ControlledRounding.EPS;
    /** Classes named in one error message at most. */
    private static final int MAX_NAMED = 10;

    private StratifiedSplitter() {}

    /**
     * Splits {@code labels.length} examples.
     *
     * @param labels class index of each example (0 or more)
     * @param spec ratios or sizes, and the seed
     * @return the split, with warnings from {@link SplitAdvisor}
     * @throws IllegalArgumentException when the train part would be empty, or a class would have
     *     no training example, or a label is negative
     */
    public static Split split(int[] labels, SplitSpec spec) {
        int n = labels.length;
        int[] counts = classCounts(labels);
        int numClasses = counts.length;
        int[][] table = table(counts, spec);
        List<List<Integer>> byClass = new ArrayList<>();
        for (int k = 0; k < numClasses; k++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(labels[i]).add(i);
        }
        int[][] parts = new int[3][];
        int[] filled = new int[3];
        for (int p = 0; p < 3; p++) {
            int total = 0;
            for (int[] row : table) {
                total += row[p];
            }
            parts[p] = new int[total];
        }
        for (int k = 0; k < numClasses; k++) {
            int[] idx = byClass.get(k).stream().mapToInt(Integer::intValue).toArray();
            Rng.of(spec.seed(), Seeds.SPLIT, k).shuffle(idx);
            int at = 0;
            for (int p : new int[] {VAL, TEST, TRAIN}) {
                for (int j = 0; j < table[k][p]; j++) {
                    parts[p][filled[p]++] = idx[at++];
                }
            }
        }
        // Sorted indices read better in the split file and give sequential disk access;
        // the loader shuffles per epoch anyway.
        for (int[] part : parts) {
            Arrays.sort(part);
        }
        List<String> warnings = SplitAdvisor.warnings(labels, numClasses, parts[VAL], parts[TEST]);
        return new Split(n, spec, parts[TRAIN], parts[VAL], parts[TEST], warnings);
    }

    /**
     * How many examples of each class go to each part: {@code [class][TRAIN, VAL, TEST]}.
     *
     * @param counts examples per class
     * @param spec ratios or sizes, and the seed of the rounding
     * @return the class x part table; rows sum to {@code counts}, columns to the part totals
     */
    static int[][] table(int[] counts, SplitSpec spec) {
        int classes = counts.length;
        long n = 0;
        for (int c : counts) {
            n += c;
        }
        if (n == 0) {
            throw new IllegalArgumentException("there are no examples to split");
        }
        int[][] lo = new int[classes][3];
        int[][] hi = new int[classes][3];
        double[][] frac = new double[classes][3];
        for (int k = 0; k < classes; k++) {
            for (int p : new int[] {VAL, TEST}) {
                share(counts[k], n, spec, p, lo[k], frac[k]);
            }
            trainShare(counts[k], lo[k], frac[k]);
            for (int p = 0; p < 3; p++) {
                hi[k][p] = lo[k][p] + (frac[k][p] > 0 ? 1 : 0);
            }
        }
        List<int[]> candidates = totals(n, spec, lo, frac);
        int[] preferred = candidates.get(0);
        if (spec.bySize() && preferred[TRAIN] <= 0) {
            throw new IllegalArgumentException("the train part would be empty: " + describe(n, spec, preferred)
                    + "; hold out fewer examples for validation and test");
        }
        List<Integer> lifted = new ArrayList<>();
        int trainFloor = 0;
        for (int k = 0; k < classes; k++) {
            if (counts[k] > 0 && hi[k][TRAIN] == 0) {
                throw new IllegalArgumentException("class " + k + " (" + counts[k] + " example"
                        + (counts[k] == 1 ? "" : "s") + ") would get no training example: "
                        + describe(n, spec, preferred));
            }
            if (counts[k] > 0 && lo[k][TRAIN] == 0) {
                lo[k][TRAIN] = 1; // a class the model never sees in training cannot be learned
                lifted.add(k);
            }
            trainFloor += lo[k][TRAIN];
        }
        for (int[] totals : candidates) {
            if (totals[TRAIN] < trainFloor) {
                continue;
            }
            double[][] target = new double[classes][3];
            for (int k = 0; k < classes; k++) {
                for (int p = 0; p < 3; p++) {
                    target[k][p] = (double) counts[k] * totals[p] / n;
                }
            }
            int[][] x = ControlledRounding.round(lo, hi, target, counts, totals, Rng.of(spec.seed(), Seeds.SPLIT, -1));
            if (x != null) {
                return x;
            }
        }
        if (lifted.isEmpty()) {
            // a controlled rounding of a table with its totals always exists (Cox 1987)
            throw new IllegalStateException("no rounding of the classes " + Arrays.toString(counts)
                    + " within one example of their shares was found: " + describe(n, spec, preferred));
        }
        // without the lift a controlled rounding always exists: only the lifted classes can be in the way
        String need = trainFloor > preferred[TRAIN]
                ? "but the classes need at least " + trainFloor + " training examples"
                : "and the other classes cannot make up the validation and test examples they give to train"
                        + " while staying within one example of their shares";
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "cannot give every class a training example: %s, %s; these classes get less than one example"
                        + " as their exact train share: %s. Hold out fewer examples, or drop or merge the smallest"
                        + " classes", describe(n, spec, preferred), need, name(lifted, counts, frac, lo)));
    }

    /** Floor and fraction of class share of the validation or test part. */
    private static void share(int count, long n, SplitSpec spec, int part, int[] floor, double[] frac) {
        if (spec.bySize()) {
            long size = part == VAL ? spec.valSize() : spec.testSize();
            long a = size * count; // exact: size * count / n as a whole and a remainder
            floor[part] = (int) (a / n);
            frac[part] = (double) (a % n) / n;
        } else {
            double e = count * (part == VAL ? spec.valRatio() : spec.testRatio());
            floor[part] = (int) Math.floor(e);
            frac[part] = e - floor[part];
            if (frac[part] > 1 - EPS) {
                floor[part]++;
                frac[part] = 0;
            } else if (frac[part] < EPS) {
                frac[part] = 0;
            }
        }
    }

    /** Train takes the rest of the class: {@code count - val - test}, as floor and fraction. */
    private static void trainShare(int count, int[] floor, double[] frac) {
        int rest = count - floor[VAL] - floor[TEST];
        double s = frac[VAL] + frac[TEST];
        if (s < EPS) {
            floor[TRAIN] = rest;
            frac[TRAIN] = 0;
        } else if (s <= 1 + EPS) {
            floor[TRAIN] = rest - 1;
            frac[TRAIN] = 1 - s < EPS ? 0 : 1 - s;
        } else {
            floor[TRAIN] = rest - 2;
            frac[TRAIN] = 2 - s;
        }
    }

    /**
     * Part totals, the preferred first: the sizes as given, or {@code n * ratio} by the
     * largest-remainder method (floors first, then one more to the parts with the largest
     * remainders; ties to test, then validation, then train). For ratios the other roundings of
     * the totals (each the floor or the ceiling of {@code n * ratio}) follow, in the same order of
     * preference: the next in line is used when lifting tiny classes into train makes the first
     * impossible.
     */
    private static List<int[]> totals(long n, SplitSpec spec, int[][] floor, double[][] frac) {
        if (spec.bySize()) {
            return List.of(new int[] {(int) (n - spec.valSize() - spec.testSize()), spec.valSize(), spec.testSize()});
        }
        // n * ratio(p) computed as the sum of the classes' exact shares, the same numbers the cells round
        int[] base = new int[3];
        double[] rem = new double[3];
        long given = 0;
        for (int p = 0; p < 3; p++) {
            long f = 0;
            double s = 0;
            for (int k = 0; k < floor.length; k++) {
                f += floor[k][p];
                s += frac[k][p];
            }
            double whole = Math.floor(s);
            rem[p] = s - whole;
            if (rem[p] > 1 - EPS) {
                whole++;
                rem[p] = 0;
            } else if (rem[p] < EPS) {
                rem[p] = 0;
            }
            base[p] = (int) (f + (long) whole);
            given += base[p];
        }
        int left = (int) (n - given); // 0, 1 or 2: the remainders sum to a whole number below 3
        // candidates: one more for `left` of the parts; only parts with a remainder, unless rounding
        // error left none to choose from
        List<int[]> out = new ArrayList<>();
        List<double[]> keys = new ArrayList<>();
        for (boolean strict : new boolean[] {true, false}) {
            for (int mask = 0; mask < 8; mask++) {
                if (Integer.bitCount(mask) != left) {
                    continue;
                }
                int[] t = base.clone();
                double sum = 0;
                int rank = 0; // TEST 4, VAL 2, TRAIN 1: the order ties are broken in
                boolean fromRemainders = true;
                for (int p = 0; p < 3; p++) {
                    if ((mask & (1 << p)) != 0) {
                        t[p]++;
                        sum += rem[p];
                        rank += 1 << p;
                        fromRemainders &= rem[p] > 0;
                    }
                }
                if (fromRemainders || !strict) {
                    out.add(t);
                    keys.add(new double[] {sum, rank});
                }
            }
            if (!out.isEmpty()) {
                break;
            }
        }
        Integer[] order = new Integer[out.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Math.abs(keys.get(i)[0] - keys.get(j)[0]) > EPS
                ? Double.compare(keys.get(j)[0], keys.get(i)[0]) : Double.compare(keys.get(j)[1], keys.get(i)[1]));
        List<int[]> sorted = new ArrayList<>();
        for (int i : order) {
            sorted.add(out.get(i));
        }
        return sorted;
    }

    private static String describe(long n, SplitSpec spec, int[] totals) {
        String asked = spec.bySize()
                ? String.format(Locale.ROOT, "val_size %d, test_size %d", spec.valSize(), spec.testSize())
                : String.format(Locale.ROOT, "ratios train %s, val %s, test %s", num(spec.trainRatio()),
                        num(spec.valRatio()), num(spec.testRatio()));
        return String.format(Locale.ROOT, "%d examples split as train %d, validation %d, test %d (%s)",
                n, totals[TRAIN], totals[VAL], totals[TEST], asked);
    }

    private static String name(List<Integer> classes, int[] counts, double[][] frac, int[][] lo) {
        List<String> out = new ArrayList<>();
        for (int k : classes.subList(0, Math.min(MAX_NAMED, classes.size()))) {
            out.add(String.format(Locale.ROOT, "class %d (%d example%s, train share %s)", k, counts[k],
                    counts[k] == 1 ? "" : "s", num(lo[k][TRAIN] - 1 + frac[k][TRAIN])));
        }
        if (classes.size() > MAX_NAMED) {
            out.add("and " + (classes.size() - MAX_NAMED) + " more");
        }
        return String.join(", ", out);
    }

    private static String num(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static int[] classCounts(int[] labels) {
        int max = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + labels[i] + " of example " + i + " is negative");
            }
            max = Math.max(max, labels[i]);
        }
        int[] counts = new int[max + 1];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }
}
