package io.augment4j.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizationTest {

    @TempDir Path dir;

    /** 4 images of 1x2 pixels, 2 channels; images 2 and 3 (val/test) are far off. */
    private final ArrayImageSet data = ArrayImageSet.ofFloats(new float[] {
        1, 10, 3, 30,   // image 0
        5, 50, 7, 70,   // image 1
        1000, 1000, 1000, 1000, // image 2
        -500, -500, -500, -500  // image 3
    }, new int[] {0, 1, 0, 1}, 1, 2, 2, null);

    @Test
    void statisticsComeFromTheTrainIndicesOnly() {
        Normalization n = Normalization.fit(data, new int[] {0, 1});
        assertArrayEquals(new float[] {4, 40}, n.mean(), 1e-5f);
        // channel 0 values 1,3,5,7: population std sqrt(5)
        assertEquals(Math.sqrt(5), n.std()[0], 1e-5);
        assertEquals(Math.sqrt(500), n.std()[1], 1e-4);
    }

    @Test
    void writesNormalizedChw() {
        Normalization n = new Normalization(new float[] {1, 10}, new float[] {2, 5});
        float[] out = new float[5];
        n.toChw(new float[] {3, 20, 5, 30}, out, 1);
        assertArrayEquals(new float[] {0, 1, 2, 2, 4}, out, 1e-6f);
    }

    @Test
    void savesAndLoads() throws IOException {
        Normalization n = Normalization.fit(data, new int[] {0, 1});
        n.save(dir.resolve("norm.json"));
        Normalization back = Normalization.load(dir.resolve("norm.json"));
        assertArrayEquals(n.mean(), back.mean());
        assertArrayEquals(n.std(), back.std());
    }
}
