package io.augment4j.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderImageSetTest {

    @TempDir Path root;

    private void png(String cls, String name, int rgb, int size) throws IOException {
        Path d = Files.createDirectories(root.resolve(cls));
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(img, "png", d.resolve(name).toFile());
    }

    @Test
    void classesAreSortedFolderNamesAndImagesAreResized() throws IOException {
        png("dog", "a.png", 0x00FF00, 6);
        png("cat", "b.png", 0xFF0000, 4);
        png("cat", "a.png", 0x0000FF, 4);
        Files.writeString(root.resolve("cat").resolve("notes.txt"), "ignored");
        FolderImageSet s = FolderImageSet.open(root, 4, 4, 3);
        assertEquals(List.of("cat", "dog"), s.classNames());
        assertEquals(3, s.size());
        assertEquals(0, s.label(0));
        assertEquals("a.png", s.file(0).getFileName().toString());
        assertEquals(1, s.label(2));
        float[] px = new float[4 * 4 * 3];
        s.image(0, px); // cat/a.png: blue
        assertEquals(0, px[0]);
        assertEquals(255, px[2]);
        s.image(2, px); // dog/a.png, 6x6 resized to 4x4: green
        assertEquals(255, px[4 * 3 + 1]);
    }

    @Test
    void greyConversion() throws IOException {
        png("x", "a.png", 0xFFFFFF, 3);
        FolderImageSet s = FolderImageSet.open(root, 3, 3, 1);
        float[] px = new float[9];
        s.image(0, px);
        assertEquals(255, px[8]);
    }
}
