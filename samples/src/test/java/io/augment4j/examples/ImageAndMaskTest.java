package io.augment4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.io.ImageFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAndMaskTest {

    @TempDir Path out;

    @Test
    void theMaskStillMarksTheSquareAfterRotateCropAndFlip() throws IOException {
        Set<ArrayImage> masks = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            ImageAndMask.Result r = ImageAndMask.run(out, i);
            // Only the square's edge may disagree (interpolated image, nearest-neighbour mask).
            assertTrue(r.overlap() > 0.9, "sample " + i + ": IoU " + r.overlap());
            ArrayImage image = read(r.image());
            ArrayImage mask = read(r.mask());
            assertEquals(48, image.height());
            assertEquals(48, image.width());
            assertEquals(3, image.channels());
            // The mask file is a one-channel PNG of the image's size holding only the labels 0 and 255.
            assertEquals(1, mask.channels());
            assertEquals(image.height(), mask.height());
            assertEquals(image.width(), mask.width());
            for (byte b : mask.rawBytes()) {
                assertTrue(b == 0 || b == (byte) 255, "mask value " + (b & 0xFF));
            }
            masks.add(mask);
        }
        // Each index is another variant: the square really moved.
        assertEquals(6, masks.size());
    }

    @Test
    void theSameIndexGivesTheSameFiles() throws IOException {
        ImageAndMask.Result a = ImageAndMask.run(out.resolve("a"), 3);
        ImageAndMask.Result b = ImageAndMask.run(out.resolve("b"), 3);
        assertEquals(read(a.image()), read(b.image()));
        assertEquals(read(a.mask()), read(b.mask()));
        assertNotEquals(read(a.mask()), read(ImageAndMask.run(out.resolve("c"), 4).mask()));
    }

    private static ArrayImage read(Path file) {
        return ImageFiles.read(file).image();
    }
}
