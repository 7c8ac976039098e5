package io.augment4j.cli;

import io.augment4j.api.ArrayImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decoding hardening: every bad input ends in an InputException naming the file and the reason. */
class ImageFilesTest {
    @TempDir
    Path dir;

    private InputException refused(Path file) {
        InputException e = assertThrows(InputException.class, () -> ImageFiles.read(file, ImageFiles.DEFAULT_MAX_PIXELS));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        return e;
    }

    @Test
    void zeroByteFile() throws IOException {
        Path f = Files.createFile(dir.resolve("empty.png"));
        assertTrue(refused(f).reason().contains("empty (0 bytes)"));
    }

    @Test
    void truncatedPng() throws IOException {
        Path good = Fixtures.png(dir.resolve("good.png"), Fixtures.rgb(200, 150));
        Path f = Fixtures.truncated(good, dir.resolve("cut.png"), 0.5);
        assertTrue(refused(f).reason().contains("corrupt or truncated png"), refused(f).reason());
    }

    @Test
    void truncatedJpeg() throws IOException {
        Path good = Fixtures.jpeg(dir.resolve("good.jpg"), Fixtures.rgb(200, 150));
        Path f = Fixtures.truncated(good, dir.resolve("cut.jpg"), 0.6);
        assertTrue(refused(f).reason().contains("corrupt or truncated jpeg"), refused(f).reason());
    }

    @Test
    void truncatedBundledJpeg() throws IOException {
        Path f = Fixtures.truncated(Fixtures.REPO_IMAGES.resolve("astronaut.jpg"), dir.resolve("astro.jpg"), 0.3);
        assertTrue(refused(f).reason().contains("truncated"));
    }

    @Test
    void textFileNamedPng() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.png"), "hello, I am not a picture\n");
        String reason = refused(f).reason();
        assertTrue(reason.contains("not an image") && reason.contains("text file"), reason);
    }

    @Test
    void hugeHeaderRefusedBeforeDecoding() throws IOException {
        Path f = Fixtures.hugeHeaderPng(dir.resolve("bomb.png"), 60000, 60000);
        String reason = refused(f).reason();
        assertTrue(reason.contains("60000x60000") && reason.contains("over the limit") && reason.contains("--max-pixels"),
                reason);
    }

    @Test
    void pixelLimitIsConfigurable() throws IOException {
        Path f = Fixtures.png(dir.resolve("small.png"), Fixtures.rgb(100, 100));
        assertThrows(InputException.class, () -> ImageFiles.read(f, 9_999));
        assertEquals(100, ImageFiles.read(f, 10_000).image().width());
    }

    @Test
    void sixteenBitPngIsScaledTo8BitsWithANote() throws IOException {
        Path f = Fixtures.gray16Png(dir.resolve("deep.png"), 16, 5);
        ImageFiles.Decoded d = ImageFiles.read(f, ImageFiles.DEFAULT_MAX_PIXELS);
        ArrayImage img = d.image();
        assertEquals(1, img.channels());
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 16; x++) {
                int v = Fixtures.value16(x, y);
                assertEquals(Math.round(v * 255.0 / 65535.0), (long) img.get(y, x, 0), "at " + x + "," + y);
            }
        }
        assertEquals(1, d.notes().size());
        assertTrue(d.notes().get(0).contains("16-bit"), d.notes().toString());
    }

    @Test
    void rgbaKeepsFourChannelsAndGrayOne() throws IOException {
        ArrayImage rgba = ImageFiles.read(Fixtures.rgbaPng(dir.resolve("a.png"), 10, 4), 1000).image();
        assertEquals(4, rgba.channels());
        assertEquals(9 * 20, (int) rgba.get(2, 9, 3));
        ArrayImage gray = ImageFiles.read(Fixtures.grayPng(dir.resolve("g.png"), 10, 4), 1000).image();
        assertEquals(1, gray.channels());
        assertEquals(7 + 9, (int) gray.get(3, 7, 0));
        assertTrue(ImageFiles.read(dir.resolve("g.png"), 1000).notes().isEmpty());
    }

    @Test
    void cmykJpegIsReadAsRgbWithANoteOrRefusedClearly() throws IOException {
        Path f = Fixtures.cmykJpeg(dir.resolve("cmyk.jpg"));
        try {
            ImageFiles.Decoded d = ImageFiles.read(f, 1000);
            assertEquals(3, d.image().channels());
            assertTrue(d.notes().stream().anyMatch(n -> n.contains("CMYK")), d.notes().toString());
        } catch (InputException e) {
            assertTrue(e.reason().contains("CMYK"), e.reason());
        }
    }

    @Test
    void folderAndMissingFile() {
        assertTrue(refused(dir).reason().contains("folder"));
        assertTrue(refused(dir.resolve("nope.png")).reason().contains("no such file"));
    }

    @Test
    void writeIsAtomicAndKeepsNoTempFiles() throws IOException {
        ArrayImage img = ImageFiles.read(Fixtures.png(dir.resolve("in.png"), Fixtures.rgb(30, 20)), 1000).image();
        Path target = dir.resolve("out.png");
        ImageFiles.write(img, "png", target);
        ImageFiles.write(img, "png", target); // replaces
        assertArrayEquals(img.rawBytes(), ImageFiles.read(target, 1000).image().rawBytes());
        ImageFiles.write(img, "jpeg", dir.resolve("out.jpg"));
        assertEquals("jpeg", ImageFiles.read(dir.resolve("out.jpg"), 1000).format());
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith(ImageFiles.TEMP_SUFFIX)), names.toString());
        }
    }

    @Test
    void writeIntoMissingOrBlockedFolderFailsCleanly() throws IOException {
        ArrayImage img = ArrayImage.zeros(4, 4, 3, io.augment4j.api.PixelType.UINT8);
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        UsageException e = assertThrows(UsageException.class,
                () -> ImageFiles.write(img, "png", file.resolve("out.png")));
        assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
    }
}
