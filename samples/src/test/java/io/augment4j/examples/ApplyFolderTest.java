package io.augment4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.BufferedImages;
import io.augment4j.api.io.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyFolderTest {

    @TempDir Path dir;
    Path in;

    /** Four different 20x30 RGB images: a.png, b.bmp, c.jpg, d.gif, and a text file the example must skip. */
    @BeforeEach
    void folder() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        String[] names = {"a.png", "b.bmp", "c.jpg", "d.gif"};
        for (int k = 0; k < names.length; k++) {
            byte[] px = new byte[20 * 30 * 3];
            for (int i = 0; i < px.length; i++) {
                px[i] = (byte) ((i * (k + 3)) % 251);
            }
            ArrayImage image = ArrayImage.wrapBytes(20, 30, 3, px);
            if (names[k].endsWith(".gif")) { // ImageFiles reads GIF but does not write it
                ImageIO.write(BufferedImages.toBufferedImage(image), "gif", in.resolve(names[k]).toFile());
            } else {
                ImageFiles.write(image, in.resolve(names[k]));
            }
        }
        Files.writeString(in.resolve("notes.txt"), "not an image");
    }

    @Test
    void everyImageIsAugmentedAndWrittenInItsFormat() throws IOException {
        List<Path> written = ApplyFolder.run(in, dir.resolve("out"), "hflip");
        assertEquals(List.of("a.png", "b.bmp", "c.jpg", "d.png"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        // PNG, BMP and GIF-to-PNG are lossless: those outputs are exact mirrors of the inputs.
        for (String[] pair : new String[][] {{"a.png", "a.png"}, {"b.bmp", "b.bmp"}, {"d.gif", "d.png"}}) {
            ArrayImage src = read(in.resolve(pair[0]));
            ArrayImage out = read(dir.resolve("out").resolve(pair[1]));
            assertEquals(src.channels(), out.channels());
            for (int y = 0; y < 20; y++) {
                for (int x = 0; x < 30; x++) {
                    for (int c = 0; c < src.channels(); c++) {
                        assertEquals(src.get(y, 29 - x, c), out.get(y, x, c), pair[0] + " at " + y + "," + x);
                    }
                }
            }
        }
        assertEquals("jpeg", ImageFiles.read(written.get(2)).format());
    }

    @Test
    void eachFileGetsTheSameOutputWhateverElseIsInTheFolder() throws IOException {
        String spec = "rotate(limit=30) | gaussian_noise";
        ApplyFolder.run(in, dir.resolve("all"), spec);
        ApplyFolder.run(in, dir.resolve("again"), spec);
        Files.delete(in.resolve("a.png"));
        ApplyFolder.run(in, dir.resolve("fewer"), spec);
        for (String name : List.of("b.bmp", "c.jpg", "d.png")) {
            byte[] all = Files.readAllBytes(dir.resolve("all").resolve(name));
            assertArrayEquals(all, Files.readAllBytes(dir.resolve("again").resolve(name)), name);
            assertArrayEquals(all, Files.readAllBytes(dir.resolve("fewer").resolve(name)), name);
        }
        // ... and the pipeline did change the image.
        assertNotEquals(read(in.resolve("b.bmp")), read(dir.resolve("all/b.bmp")));
    }

    private static ArrayImage read(Path file) {
        return ImageFiles.read(file).image();
    }
}
