package io.augment4j.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {

    @TempDir Path dir;

    private final byte[] pixels = new byte[5 * 2 * 3];
    private final int[] labels = {0, 1, 2, 1, 9};

    IdxFilesTest() {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 9);
        }
    }

    @Test
    void readsPlainAndGzippedAlike() throws IOException {
        for (boolean gz : new boolean[] {false, true}) {
            Path img = dir.resolve("img" + gz);
            Path lab = dir.resolve("lab" + gz);
            IdxFiles.write(pixels, labels, 2, 3, img, lab, gz);
            ArrayImageSet s = IdxFiles.load(img, lab, 0, null);
            assertEquals(5, s.size());
            assertEquals(2, s.height());
            assertEquals(3, s.width());
            assertEquals(1, s.channels());
            assertArrayEquals(labels, s.labels());
            assertEquals(10, s.numClasses());
            float[] buf = new float[6];
            s.image(4, buf);
            assertEquals(pixels[24] & 0xFF, buf[0]);
            assertEquals(pixels[29] & 0xFF, buf[5]);
        }
    }

    @Test
    void limitReadsAPrefix() throws IOException {
        Path img = dir.resolve("i");
        Path lab = dir.resolve("l");
        IdxFiles.write(pixels, labels, 2, 3, img, lab, true);
        ArrayImageSet s = IdxFiles.load(img, lab, 3, null);
        assertEquals(3, s.size());
        assertArrayEquals(new int[] {0, 1, 2}, s.labels());
    }

    @Test
    void rejectsForeignFiles() throws IOException {
        Path bogus = dir.resolve("bogus");
        Files.write(bogus, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThrows(IOException.class, () -> IdxFiles.load(bogus, bogus, 0, null));
    }
}
