package io.augment4j.trainer.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StratifiedSplitterTest {

    @TempDir Path dir;

    /** 950 examples of class 0, 250 of class 1, 50 of class 2, interleaved. */
    private static int[] labels() {
        int[] l = new int[1250];
        for (int i = 0; i < l.length; i++) {
            l[i] = i % 25 == 0 ? 2 : i % 5 == 1 ? 1 : 0;
        }
        return l;
    }

    private static int count(int[] idx, int[] labels, int k) {
        return (int) Arrays.stream(idx).filter(i -> labels[i] == k).count();
    }

    @Test
    void ratiosAreStratifiedDisjointAndComplete() {
        int[] labels = labels();
        Split s = StratifiedSplitter.split(labels, SplitSpec.defaults(7));
        assertEquals(875, s.train().length);
        assertEquals(250, s.val().length);
        assertEquals(125, s.test().length);
        for (int k = 0; k < 3; k++) {
            int total = count(IntStream.range(0, labels.length).toArray(), labels, k);
            assertEquals(total * 0.2, count(s.val(), labels, k), 1.0, "val share of class " + k);
            assertEquals(total * 0.1, count(s.test(), labels, k), 1.0, "test share of class " + k);
        }
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.val())),
                Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, labels.length).toArray(), all, "disjoint and complete");
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Split a = StratifiedSplitter.split(labels(), SplitSpec.defaults(1));
        Split b = StratifiedSplitter.split(labels(), SplitSpec.defaults(1));
        Split c = StratifiedSplitter.split(labels(), SplitSpec.defaults(2));
        assertArrayEquals(a.val(), b.val());
        assertArrayEquals(a.test(), b.test());
        assertFalse(Arrays.equals(a.val(), c.val()));
    }

    @Test
    void absoluteSizesAreExact() {
        int[] labels = labels();
        Split s = StratifiedSplitter.split(labels, SplitSpec.sizes(100, 37, 3));
        assertEquals(100, s.val().length);
        assertEquals(37, s.test().length);
        assertEquals(1250 - 137, s.train().length);
        assertEquals(76, count(s.val(), labels, 0)); // 950 of 1250
        assertEquals(20, count(s.val(), labels, 1)); // 250 of 1250
        assertEquals(4, count(s.val(), labels, 2));
        assertThrows(IllegalArgumentException.class,
                () -> StratifiedSplitter.split(labels, SplitSpec.sizes(1000, 250, 3)));
    }

    @Test
    void savesAndReloads() throws IOException {
        Split s = StratifiedSplitter.split(labels(), SplitSpec.defaults(5));
        Path f = dir.resolve("split.json");
        s.save(f);
        Split back = Split.load(f, 1250);
        assertArrayEquals(s.train(), back.train());
        assertArrayEquals(s.val(), back.val());
        assertArrayEquals(s.test(), back.test());
        assertEquals(s.spec(), back.spec());
        assertThrows(IOException.class, () -> Split.load(f, 1000), "dataset changed");
    }

    @Test
    void warnsWhenSplitsAreTooSmallToRankModels() {
        Split s = StratifiedSplitter.split(labels(), SplitSpec.defaults(5));
        assertEquals(2, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(0).contains("validation split has only 250 examples"));
        int[] big = new int[60_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = i % 10;
        }
        assertTrue(StratifiedSplitter.split(big, SplitSpec.sizes(10_000, 1_000, 1)).warnings().isEmpty());
        Split noTest = StratifiedSplitter.split(labels(), SplitSpec.ratios(0.9, 0.1, 0, 1));
        assertEquals(1, noTest.warnings().size());
    }

    /** 3 + 3 examples, 20 % validation: 1.2 validation examples, so one class gets the leftover. */
    @Test
    void leftoverGoesToEitherClassAsOftenOverSeeds() {
        int[] labels = {0, 0, 0, 1, 1, 1};
        int seeds = 2000;
        int class1 = 0;
        int[] inVal = new int[labels.length];
        for (long seed = 0; seed < seeds; seed++) {
            Split s = StratifiedSplitter.split(labels, SplitSpec.ratios(0.8, 0.2, 0, seed));
            assertEquals(1, s.val().length, "validation total: largest remainder of 6 x 0.2");
            assertEquals(5, s.train().length);
            class1 += labels[s.val()[0]];
            inVal[s.val()[0]]++;
        }
        // binomial(2000, 1/2): sd 22.4; 4 sd either side
        assertEquals(seeds / 2.0, class1, 4 * Math.sqrt(seeds * 0.25), "class 1 gets the leftover half the time");
        double sd = Math.sqrt(seeds * (1 / 6.0) * (5 / 6.0));
        for (int i = 0; i < labels.length; i++) {
            assertEquals(seeds / 6.0, inVal[i], 4 * sd, "example " + i + " is in validation 1 time in 6");
        }
    }

    /**
     * Uneven classes (5, 3, 2) with ratios 0.6/0.25/0.15: part totals 6/2/2 and every example has
     * the same chance, 0.2, of validation and of test, whatever its class.
     */
    @Test
    void everyExampleIsEquallyLikelyInEachPart() {
        int[] labels = {0, 0, 0, 0, 0, 1, 1, 1, 2, 2};
        int seeds = 2000;
        int[][] hits = new int[labels.length][3];
        for (long seed = 0; seed < seeds; seed++) {
            Split s = StratifiedSplitter.split(labels, SplitSpec.ratios(0.6, 0.25, 0.15, seed));
            assertEquals(List.of(6, 2, 2), List.of(s.train().length, s.val().length, s.test().length),
                    "n x ratios 6 / 2.5 / 1.5: the tie goes to test");
            Arrays.stream(s.val()).forEach(i -> hits[i][1]++);
            Arrays.stream(s.test()).forEach(i -> hits[i][2]++);
        }
        double sd = Math.sqrt(seeds * 0.2 * 0.8);
        for (int i = 0; i < labels.length; i++) {
            assertEquals(seeds * 0.2, hits[i][1], 4 * sd, "validation share of example " + i);
            assertEquals(seeds * 0.2, hits[i][2], 4 * sd, "test share of example " + i);
        }
    }

    @Test
    void absoluteSizesGiveEveryExampleTheSameChance() {
        int[] labels = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1};
        int seeds = 2000;
        int[] val = new int[2];
        for (long seed = 0; seed < seeds; seed++) {
            Split s = StratifiedSplitter.split(labels, SplitSpec.sizes(3, 2, seed));
            assertEquals(List.of(5, 3, 2), List.of(s.train().length, s.val().length, s.test().length));
            Arrays.stream(s.val()).forEach(i -> val[labels[i]]++);
        }
        // class 1's exact validation share is 3 x 3/10 = 0.9: 0 or 1 example, 1 in 90 % of seeds
        assertEquals(0.9 * seeds, val[1], 4 * Math.sqrt(seeds * 0.09));
        assertEquals(2.1 * seeds, val[0], 4 * Math.sqrt(seeds * 0.09));
    }

    /**
     * Property: over random class counts and random ratios or sizes, extreme ones included, every
     * class's count in every part is the floor or the ceiling of its exact share, classes keep
     * their examples, part totals are exact, and every class has a training example.
     */
    @Test
    void everyCellIsWithinOneOfItsShareAndTotalsAreExact() {
        Random r = new Random(12);
        double[][] extremes = {{0.25, 0.02, 0.73}, {0.01, 0.98, 0.01}, {0.5, 0.5, 0}, {0.98, 0.01, 0.01},
            {0.7, 0.2, 0.1}, {1 / 3.0, 1 / 3.0, 1 / 3.0}, {0.05, 0.9, 0.05}};
        int checked = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int classes = 1 + r.nextInt(trial % 3 == 0 ? 40 : 6);
            int[] counts = new int[classes];
            int n = 0;
            for (int k = 0; k < classes; k++) {
                counts[k] = switch (r.nextInt(4)) {
                    case 0 -> 1 + r.nextInt(3);
                    case 1 -> 1 + r.nextInt(20);
                    case 2 -> 1 + r.nextInt(500);
                    default -> 1 + r.nextInt(100_000);
                };
                n += counts[k];
            }
            SplitSpec spec;
            double[] q; // exact share of val and test per example of each class
            if (r.nextBoolean()) {
                double[] ratio = trial % 4 == 0 ? extremes[r.nextInt(extremes.length)] : randomRatios(r);
                spec = SplitSpec.ratios(ratio[0], ratio[1], ratio[2], trial);
                q = new double[] {ratio[1], ratio[2]};
            } else {
                int val = r.nextInt(n);
                int test = r.nextInt(n - val);
                spec = SplitSpec.sizes(val, test, trial);
                q = new double[] {(double) val / n, (double) test / n};
            }
            double exactTrain = n * (1 - q[0] - q[1]);
            int[][] t;
            try {
                t = StratifiedSplitter.table(counts, spec);
            } catch (IllegalArgumentException e) {
                // refused only when tiny classes must be lifted into train (without them a controlled
                // rounding always exists), or when the sizes leave no train part
                if (e.getMessage().startsWith("the train part would be empty")) {
                    assertTrue(spec.bySize() && exactTrain < 1, e.getMessage());
                } else {
                    assertTrue(e.getMessage().startsWith("cannot give every class a training example"), e.getMessage());
                    double share = 1 - q[0] - q[1];
                    assertTrue(Arrays.stream(counts).anyMatch(c -> c * share < 1), e.getMessage());
                }
                continue;
            }
            checked++;
            int[] totals = new int[3];
            for (int k = 0; k < classes; k++) {
                double[] exact = {counts[k] * (1 - q[0] - q[1]), counts[k] * q[0], counts[k] * q[1]};
                assertEquals(counts[k], t[k][0] + t[k][1] + t[k][2], "class total " + k);
                assertTrue(t[k][0] >= 1, "class " + k + " has a training example");
                for (int p = 0; p < 3; p++) {
                    long lo = (long) Math.floor(exact[p] + 1e-6);
                    long hi = (long) Math.ceil(exact[p] - 1e-6);
                    if (p == 0) { // a train share below one example is lifted to one
                        lo = Math.max(lo, 1);
                        hi = Math.max(hi, 1);
                    }
                    assertTrue(t[k][p] >= lo && t[k][p] <= hi, "class " + k + " part " + p + ": " + t[k][p]
                            + " vs exact " + exact[p] + " in " + Arrays.toString(counts) + " " + spec);
                    totals[p] += t[k][p];
                }
            }
            assertEquals(n, totals[0] + totals[1] + totals[2]);
            if (spec.bySize()) {
                assertEquals(spec.valSize(), totals[1]);
                assertEquals(spec.testSize(), totals[2]);
            } else {
                for (int p = 0; p < 3; p++) {
                    double exact = n * (p == 0 ? 1 - q[0] - q[1] : q[p - 1]);
                    assertTrue(Math.abs(totals[p] - exact) < 1 + 1e-6, "part " + p + " total " + totals[p]
                            + " vs exact " + exact);
                }
            }
        }
        assertTrue(checked > 2000, "most random cases are valid splits: " + checked);
    }

    private static double[] randomRatios(Random r) {
        double val = r.nextDouble() * 0.6;
        double test = r.nextBoolean() ? 0 : r.nextDouble() * (0.99 - val);
        return new double[] {1 - val - test, val, test};
    }

    @Test
    void sameSeedSameTableAndTheLeftoverMovesWithTheSeed() {
        int[] counts = {7, 5, 3, 3, 1};
        SplitSpec a = SplitSpec.defaults(4);
        assertArrayEquals(StratifiedSplitter.table(counts, a), StratifiedSplitter.table(counts, a));
        Set<String> tables = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            tables.add(Arrays.deepToString(StratifiedSplitter.table(counts, SplitSpec.defaults(seed))));
        }
        assertTrue(tables.size() > 1, "the seed decides which classes get the leftover");
    }

    @Test
    void anEmptyTrainPartIsRefusedNamingTheSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StratifiedSplitter.split(labels(), SplitSpec.sizes(1000, 250, 3)));
        assertEquals("the train part would be empty: 1250 examples split as train 0, validation 1000, test 250"
                + " (val_size 1000, test_size 250); hold out fewer examples for validation and test", e.getMessage());
        // ratios: 2 x 0.3 = 0.6 train examples; the largest remainder would give train none
        e = assertThrows(IllegalArgumentException.class,
                () -> StratifiedSplitter.split(new int[] {0, 1}, SplitSpec.ratios(0.3, 0.4, 0.3, 1)));
        assertTrue(e.getMessage().startsWith("cannot give every class a training example: 2 examples split as"
                + " train 0, validation 1, test 1 (ratios train 0.3, val 0.4, test 0.3), but the classes need at"
                + " least 2 training examples; these classes get less than one example as their exact train"
                + " share: class 0 (1 example, train share 0.3), class 1 (1 example, train share 0.3)"), e.getMessage());
    }

    @Test
    void aLiftedClassTakesTheLeftoverFromTheNextPartInLine() {
        // one example, 0.3 of it train: the largest remainder gives it to validation, but a class
        // needs a training example, and train = ceil(0.3) = 1 is still within one of its share
        Split s = StratifiedSplitter.split(new int[] {0}, SplitSpec.ratios(0.3, 0.4, 0.3, 1));
        assertArrayEquals(new int[] {0}, s.train());
        assertEquals(0, s.val().length + s.test().length);
    }

    @Test
    void aClassWithoutTrainingExampleIsRefusedForRatiosAndSizes() {
        int[] tenSingletons = IntStream.range(0, 10).toArray();
        IllegalArgumentException bySize = assertThrows(IllegalArgumentException.class,
                () -> StratifiedSplitter.split(tenSingletons, SplitSpec.sizes(6, 0, 1)));
        assertTrue(bySize.getMessage().startsWith("cannot give every class a training example: 10 examples split as"
                + " train 4, validation 6, test 0 (val_size 6, test_size 0), but the classes need at least 10"
                + " training examples; these classes get less than one example as their exact train share:"
                + " class 0 (1 example, train share"
                + " 0.4), class 1 (1 example, train share 0.4)"), bySize.getMessage());
        IllegalArgumentException byRatio = assertThrows(IllegalArgumentException.class,
                () -> StratifiedSplitter.split(tenSingletons, SplitSpec.ratios(0.3, 0.7, 0, 1)));
        assertTrue(byRatio.getMessage().contains("train 3, validation 7"), byRatio.getMessage());
    }

    @Test
    void aOneExampleClassTrainsAndIsNamedInTheWarnings() {
        int[] labels = new int[41];
        labels[40] = 1;
        for (long seed = 0; seed < 20; seed++) {
            Split s = StratifiedSplitter.split(labels, SplitSpec.defaults(seed));
            assertTrue(Arrays.stream(s.train()).anyMatch(i -> i == 40), "its exact train share is 0.7: lifted to 1");
            assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith(
                    "The validation split has no example of class 1 (1 example in all)")), s.warnings().toString());
            assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith(
                    "The test split has no example of class 1 (1 example in all)")), s.warnings().toString());
        }
    }

    @Test
    void splitFilesOfEarlierRunsStillLoad() throws IOException {
        Path f = dir.resolve("split.json");
        Files.writeString(f, """
                {
                  "datasetSize" : 6,
                  "spec" : { "trainRatio" : 0.5, "valRatio" : 0.5, "testRatio" : 0.0,
                             "valSize" : -1, "testSize" : -1, "seed" : 3 },
                  "train" : [ 0, 3, 4 ],
                  "val" : [ 1, 2, 5 ],
                  "test" : [ ],
                  "warnings" : [ "The test split is empty." ]
                }
                """);
        Split s = Split.load(f, 6);
        assertArrayEquals(new int[] {1, 2, 5}, s.val());
        assertEquals(SplitSpec.ratios(0.5, 0.5, 0, 3), s.spec());
    }
}
