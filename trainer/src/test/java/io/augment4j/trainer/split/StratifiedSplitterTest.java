package io.augment4j.trainer.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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

    @Test
    void apportionIsExactAndBounded() {
        assertArrayEquals(new int[] {2, 1, 0}, StratifiedSplitter.apportion(3, new int[] {5, 3, 1}));
        assertArrayEquals(new int[] {0, 2}, StratifiedSplitter.apportion(2, new int[] {1, 100}));
        assertArrayEquals(new int[] {1, 1}, StratifiedSplitter.apportion(2, new int[] {1, 1}));
    }
}
