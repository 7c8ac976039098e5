package io.augment4j.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.api.io.ImageReadException;

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

    @Test
    void anUnreadableFileFailsNamingIt() throws IOException {
        png("x", "a.png", 0xFFFFFF, 3);
        Path bad = Files.writeString(root.resolve("x").resolve("b.png"), "not a picture");
        FolderImageSet s = FolderImageSet.open(root, 3, 3, 3);
        ImageReadException e = assertThrows(ImageReadException.class, () -> s.image(1, new float[27]));
        assertEquals(bad, e.file());
        assertTrue(e.getMessage().contains("not an image"), e.getMessage());
    }

    @Test
    void sixteenBitGrayFollowsTheImageFilesPolicy() throws IOException {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(0, 0, 0, 65535);
        img.getRaster().setSample(1, 0, 0, 32896); // 128.5 * 256: rounds to 128
        ImageIO.write(img, "png", Files.createDirectories(root.resolve("x")).resolve("deep.png").toFile());
        float[] px = new float[2];
        FolderImageSet.open(root, 1, 2, 1).image(0, px);
        assertEquals(255, px[0]);
        assertEquals(128, px[1]);
    }

    @Test
    void grayIntoRgbKeepsRawValues() throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                img.getRaster().setSample(x, y, 0, 128);
            }
        }
        ImageIO.write(img, "png", Files.createDirectories(root.resolve("x")).resolve("g.png").toFile());
        float[] px = new float[6 * 6 * 3];
        FolderImageSet.open(root, 6, 6, 3).image(0, px);
        for (float v : px) {
            assertEquals(128, v); // no gamma curve on the way
        }
    }

    @Test
    void alphaIsDroppedKeepingTheStoredColours() throws IOException {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                img.setRGB(x, y, 0x10C86432); // nearly transparent
            }
        }
        ImageIO.write(img, "png", Files.createDirectories(root.resolve("x")).resolve("a.png").toFile());
        float[] px = new float[2 * 2 * 3];
        FolderImageSet.open(root, 2, 2, 3).image(0, px);
        assertEquals(0xC8, px[0]);
        assertEquals(0x64, px[1]);
        assertEquals(0x32, px[2]);
    }
}
