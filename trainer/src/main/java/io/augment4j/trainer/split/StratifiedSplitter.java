package io.augment4j.trainer.split;

import io.augment4j.trainer.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Splits indices into train/val/test with every class represented in proportion.
 *
 * <p>Each class is shuffled with its own seeded generator; val and test quotas are spread over
 * classes by the largest-remainder method, so the totals are exact (e.g. exactly 10 000 val
 * examples) and each class gets its share to within one example. DJL's
 * {@code randomSplit} is neither stratified nor exact, which is why this exists.
 */
public final class StratifiedSplitter {

    private StratifiedSplitter() {}

    /**
     * Splits {@code labels.length} examples.
     *
     * @param labels class index of each example
     * @param spec ratios or sizes, and the seed
     * @return the split, with warnings from {@link SplitAdvisor}
     */
    public static Split split(int[] labels, SplitSpec spec) {
        int n = labels.length;
        int numClasses = Arrays.stream(labels).max().orElse(-1) + 1;
        List<List<Integer>> byClass = new ArrayList<>();
        for (int k = 0; k < numClasses; k++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(labels[i]).add(i);
        }
        int valTotal;
        int testTotal;
        if (spec.bySize()) {
            valTotal = spec.valSize();
            testTotal = spec.testSize();
            if (valTotal + testTotal >= n) {
                throw new IllegalArgumentException("val " + valTotal + " + test " + testTotal
                        + " leave no training examples out of " + n);
            }
        } else {
            valTotal = (int) Math.round(n * spec.valRatio());
            testTotal = (int) Math.round(n * spec.testRatio());
        }
        int[] counts = byClass.stream().mapToInt(List::size).toArray();
        int[] valQuota = apportion(valTotal, counts);
        int[] rest = new int[numClasses];
        for (int k = 0; k < numClasses; k++) {
            rest[k] = counts[k] - valQuota[k];
        }
        int[] testQuota = apportion(testTotal, rest);

        int[] train = new int[n - valTotal - testTotal];
        int[] val = new int[valTotal];
        int[] test = new int[testTotal];
        int tr = 0;
        int va = 0;
        int te = 0;
        for (int k = 0; k < numClasses; k++) {
            int[] idx = byClass.get(k).stream().mapToInt(Integer::intValue).toArray();
            shuffle(idx, new SplittableRandom(Seeds.derive(spec.seed(), Seeds.SPLIT, k)));
            int p = 0;
            for (int j = 0; j < valQuota[k]; j++) {
                val[va++] = idx[p++];
            }
            for (int j = 0; j < testQuota[k]; j++) {
                test[te++] = idx[p++];
            }
            while (p < idx.length) {
                train[tr++] = idx[p++];
            }
        }
        // Sorted indices read better in the split file and give sequential disk access;
        // the loader shuffles per epoch anyway.
        Arrays.sort(train);
        Arrays.sort(val);
        Arrays.sort(test);
        List<String> warnings = SplitAdvisor.warnings(labels, numClasses, val, test);
        return new Split(n, spec, train, val, test, warnings);
    }

    /**
     * Spreads {@code total} over groups in proportion to {@code sizes}, exactly, never giving
     * a group more than it has (largest-remainder / Hamilton method).
     */
    static int[] apportion(int total, int[] sizes) {
        long sum = Arrays.stream(sizes).asLongStream().sum();
        int[] out = new int[sizes.length];
        if (total == 0 || sum == 0) {
            return out;
        }
        double[] remainder = new double[sizes.length];
        int given = 0;
        for (int k = 0; k < sizes.length; k++) {
            double exact = (double) total * sizes[k] / sum;
            out[k] = (int) Math.floor(exact);
            remainder[k] = exact - out[k];
            given += out[k];
        }
        while (given < total) {
            int best = -1;
            for (int k = 0; k < sizes.length; k++) {
                if (out[k] < sizes[k] && (best < 0 || remainder[k] > remainder[best])) {
                    best = k;
                }
            }
            out[best]++;
            remainder[best] = -1;
            given++;
        }
        return out;
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
