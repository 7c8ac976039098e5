package io.augment4j.trainer.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.trainer.data.ArrayImageSet;
import io.augment4j.trainer.data.ImageSet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DatasetsLimitTest {

    /** 30 one-pixel images, labels 0,1,2 repeating. */
    private static ImageSet threeClasses() {
        int n = 30;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
        }
        return ArrayImageSet.ofBytes(new byte[n], labels, 1, 1, 1, null);
    }

    @Test
    void keepsTheRequestedCountWithEveryClass() {
        ImageSet kept = Datasets.limit(threeClasses(), 7, 1, "data.limit");
        assertEquals(7, kept.size());
        assertEquals(3, Arrays.stream(kept.labels()).distinct().count());
    }

    @Test
    void zeroOrMoreThanTheSetKeepsEverything() {
        ImageSet all = threeClasses();
        assertSame(all, Datasets.limit(all, 0, 1, "data.limit"));
        assertSame(all, Datasets.limit(all, 30, 1, "data.limit"));
    }

    @Test
    void aLimitBelowTheClassCountNamesTheField() {
        RunException e = assertThrows(RunException.class,
                () -> Datasets.limit(threeClasses(), 2, 1, "data.test_limit"));
        assertTrue(e.getMessage().startsWith("data.test_limit = 2 is smaller than the number of classes (3)"),
                e.getMessage());
    }
}
