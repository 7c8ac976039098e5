package io.augment4j.api.io;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.AugmentException;
import io.augment4j.api.BufferedImages;
import io.augment4j.api.ImageFormatException;
import io.augment4j.api.PixelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading: every bad input ends in an ImageReadException naming the file and the reason; one pixel policy. */
class ImageFilesTest {
    private static final ImageReadOptions DROP_ALPHA = ImageReadOptions.DEFAULTS.withKeepAlpha(false);

    @TempDir
    Path dir;

    private ImageReadException refused(Path file) {
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertEquals(file, e.file());
        return e;
    }

    private static void assertPixel(ArrayImage img, int y, int x, int... expected) {
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], (int) img.get(y, x, c), "channel " + c + " at x=" + x + ", y=" + y);
        }
    }

    // ---- refusals ----------------------------------------------------------------------------------------

    @Test
    void zeroByteFile() throws IOException {
        Path f = Files.createFile(dir.resolve("empty.png"));
        assertTrue(refused(f).reason().contains("empty (0 bytes)"));
    }

    @Test
    void truncatedPng() throws IOException {
        Path good = ImageFixtures.png(dir.resolve("good.png"), ImageFixtures.rgb(200, 150));
        Path f = ImageFixtures.truncated(good, dir.resolve("cut.png"), 0.5);
        String reason = refused(f).reason();
        assertTrue(reason.contains("corrupt or truncated png"), reason);
    }

    @Test
    void truncatedJpeg() throws IOException {
        Path good = ImageFixtures.jpeg(dir.resolve("good.jpg"), ImageFixtures.rgb(200, 150));
        Path f = ImageFixtures.truncated(good, dir.resolve("cut.jpg"), 0.6);
        String reason = refused(f).reason();
        assertTrue(reason.contains("corrupt or truncated jpeg"), reason);
    }

    @Test
    void textFileNamedPng() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.png"), "hello, I am not a picture\n");
        String reason = refused(f).reason();
        assertTrue(reason.contains("not an image") && reason.contains("text file"), reason);
    }

    @Test
    void binaryGarbageNamesItsFirstBytes() throws IOException {
        Path f = Files.write(dir.resolve("noise.jpg"), new byte[] {0, 1, 2, 3, (byte) 0xfe, 5, 6, 7, 8, 9});
        String reason = refused(f).reason();
        assertTrue(reason.contains("not an image") && reason.contains("00010203fe050607"), reason);
    }

    @Test
    void pixelLimitIsCheckedFromTheHeaderBeforeDecoding() throws IOException {
        // The file holds the data of a 1x1 image: decoding it would fail as corrupt, not as too large.
        Path f = ImageFixtures.hugeHeaderPng(dir.resolve("bomb.png"), 60000, 60000);
        String reason = refused(f).reason();
        assertTrue(reason.contains("60000x60000 = 3,600,000,000 pixels") && reason.contains("over the limit of "
                + String.format(java.util.Locale.ROOT, "%,d", ImageFiles.DEFAULT_MAX_PIXELS))
                && reason.contains("refused before decoding") && reason.contains("raise the limit"), reason);
    }

    @Test
    void pixelLimitIsConfigurableAndNamesTheSetting() throws IOException {
        Path f = ImageFixtures.png(dir.resolve("small.png"), ImageFixtures.rgb(100, 100));
        ImageReadOptions tight = ImageReadOptions.DEFAULTS.withMaxPixels(9_999).withLimitSetting("--max-pixels");
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(f, tight));
        assertTrue(e.reason().contains("raise it with --max-pixels"), e.reason());
        assertEquals(100, ImageFiles.read(f, tight.withMaxPixels(10_000)).image().width());
        assertThrows(IllegalArgumentException.class, () -> ImageReadOptions.DEFAULTS.withMaxPixels(0));
    }

    @Test
    void folderAndMissingFile() {
        assertTrue(refused(dir).reason().contains("folder"));
        assertTrue(refused(dir.resolve("nope.png")).reason().contains("no such file"));
    }

    @Test
    void nullImagesAreAClearError() {
        AugmentException e = assertThrows(ImageFormatException.class, () -> BufferedImages.toImage(null));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
        assertThrows(ImageFormatException.class, () -> BufferedImages.toBufferedImage(null));
    }

    // ---- the pixel policy ----------------------------------------------------------------------------------

    @Test
    void rgbKeepsItsValues() throws IOException {
        ImageFiles.Decoded d = ImageFiles.read(ImageFixtures.png(dir.resolve("c.png"), ImageFixtures.rgb(9, 5)));
        assertEquals("png", d.format());
        assertEquals(3, d.image().channels());
        int p = ImageFixtures.rgbAt(8, 4);
        assertPixel(d.image(), 4, 8, p >> 16 & 255, p >> 8 & 255, p & 255);
        assertTrue(d.notes().isEmpty());
    }

    @Test
    void grayIsOneChannelWithRawValues() throws IOException {
        ArrayImage gray = ImageFiles.read(ImageFixtures.grayPng(dir.resolve("g.png"), 50, 4)).image();
        assertEquals(1, gray.channels());
        assertPixel(gray, 3, 7, 7 + 9);
        assertPixel(gray, 2, 40, 46); // no gamma curve: 46 stays 46
    }

    @Test
    void grayAlphaIsRgbaOrGrayWithRawValues() throws IOException {
        Path f = ImageFixtures.grayAlphaPng(dir.resolve("ga.png"), 130, 3);
        ArrayImage kept = ImageFiles.read(f).image();
        assertEquals(4, kept.channels());
        assertPixel(kept, 0, 128, 128, 128, 128, 127); // Java's getRGB would give 188 for gray 128
        ArrayImage dropped = ImageFiles.read(f, DROP_ALPHA).image();
        assertEquals(1, dropped.channels());
        assertPixel(dropped, 2, 100, 106);
    }

    @Test
    void rgbaKeepsFourChannelsOrDropsAlphaKeepingColours() throws IOException {
        Path f = ImageFixtures.rgbaPng(dir.resolve("a.png"), 10, 4);
        int p = ImageFixtures.rgbAt(9, 2);
        ArrayImage rgba = ImageFiles.read(f).image();
        assertEquals(4, rgba.channels());
        assertPixel(rgba, 2, 9, p >> 16 & 255, p >> 8 & 255, p & 255, 9 * 20);
        ArrayImage rgb = ImageFiles.read(f, DROP_ALPHA).image();
        assertEquals(3, rgb.channels());
        assertPixel(rgb, 2, 9, p >> 16 & 255, p >> 8 & 255, p & 255); // not blended with anything
    }

    @Test
    void sixteenBitGrayIsScaledTo8BitsWithANote() throws IOException {
        ImageFiles.Decoded d = ImageFiles.read(ImageFixtures.gray16Png(dir.resolve("deep.png"), 16, 5));
        assertEquals(1, d.image().channels());
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 16; x++) {
                assertPixel(d.image(), y, x, (int) Math.round(ImageFixtures.value16(x, y) * 255.0 / 65535.0));
            }
        }
        assertEquals(List.of("16-bit image converted to 8 bits per channel (v * 255 / 65535, rounded); "
                + "outputs are 8-bit"), d.notes());
    }

    @Test
    void sixteenBitRgbaIsScaledPerChannel() throws IOException {
        Path f = ImageFixtures.rgba16Png(dir.resolve("deep.png"), 6, 3);
        ArrayImage rgba = ImageFiles.read(f).image();
        assertEquals(4, rgba.channels());
        for (int c = 0; c < 4; c++) {
            assertEquals(Math.round(ImageFixtures.value16(5 + c, 2) * 255.0 / 65535.0), (long) rgba.get(2, 5, c));
        }
        assertEquals(3, ImageFiles.read(f, DROP_ALPHA).image().channels());
    }

    @Test
    void paletteIsLookedUpToRgbOrRgba() throws IOException {
        ArrayImage rgb = ImageFiles.read(ImageFixtures.palettePng(dir.resolve("p.png"), 5, 5, false)).image();
        assertEquals(3, rgb.channels());
        for (int x = 0; x < 4; x++) {
            int p = ImageFixtures.PALETTE[(x + 2) % 4];
            assertPixel(rgb, 2, x, p >> 16 & 255, p >> 8 & 255, p & 255);
        }
        Path t = ImageFixtures.palettePng(dir.resolve("pt.png"), 5, 5, true);
        ArrayImage rgba = ImageFiles.read(t).image();
        assertEquals(4, rgba.channels());
        assertPixel(rgba, 0, 1, 0xC8, 0x64, 0x32, 128);
        assertPixel(rgba, 0, 2, 0x0A, 0x14, 0x1E, 255);
        ArrayImage dropped = ImageFiles.read(t, DROP_ALPHA).image();
        assertEquals(3, dropped.channels());
        assertPixel(dropped, 0, 1, 0xC8, 0x64, 0x32);
    }

    @Test
    void grayPaletteAndOneBitImagesAreOneChannel() throws IOException {
        ArrayImage bw = ImageFiles.read(ImageFixtures.bilevelPng(dir.resolve("bw.png"), 9, 3)).image();
        assertEquals(1, bw.channels());
        assertPixel(bw, 0, 0, 0);
        assertPixel(bw, 0, 1, 255);
        assertPixel(bw, 2, 7, 255);
    }

    @Test
    void cmykJpegIsReadAsRgbWithANoteOrRefusedClearly() throws IOException {
        Path f = ImageFixtures.cmykJpeg(dir.resolve("cmyk.jpg"));
        try {
            ImageFiles.Decoded d = ImageFiles.read(f);
            assertEquals(3, d.image().channels());
            assertTrue(d.notes().stream().anyMatch(n -> n.contains("CMYK")), d.notes().toString());
        } catch (ImageReadException e) {
            assertTrue(e.reason().contains("CMYK"), e.reason());
        }
    }

    // ---- writing -------------------------------------------------------------------------------------------

    @Test
    void writeRoundTripsLosslessFormatsAndPicksTheFormatFromTheName() throws IOException {
        ArrayImage rgb = BufferedImages.toImage(ImageFixtures.rgb(30, 20));
        ArrayImage rgba = ImageFiles.read(ImageFixtures.rgbaPng(dir.resolve("a.png"), 10, 4)).image();
        ArrayImage gray = ImageFiles.read(ImageFixtures.grayPng(dir.resolve("g.png"), 10, 4)).image();
        for (ArrayImage img : List.of(rgb, rgba, gray)) {
            Path target = dir.resolve("out" + img.channels() + ".png");
            ImageFiles.write(img, target);
            ImageFiles.write(img, target); // replaces
            assertEquals(img, ImageFiles.read(target).image());
        }
        for (ArrayImage img : List.of(rgb, gray)) {
            ImageFiles.write(img, dir.resolve("out.BMP"));
            ImageFiles.Decoded bmp = ImageFiles.read(dir.resolve("out.BMP"));
            assertEquals("bmp", bmp.format());
            assertEquals(img, bmp.image());
        }
        ImageFiles.write(rgb, dir.resolve("out.jpg"));
        assertEquals("jpeg", ImageFiles.read(dir.resolve("out.jpg")).format());
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(AtomicFiles::isTempFile));
        }
    }

    @Test
    void jpegOfRgbaIsBlendedOntoWhite() throws IOException {
        byte[] px = new byte[8 * 8 * 4]; // fully transparent black
        ImageFiles.write(ArrayImage.wrapBytes(8, 8, 4, px), dir.resolve("t.jpg"));
        ArrayImage back = ImageFiles.read(dir.resolve("t.jpg")).image();
        assertEquals(3, back.channels());
        assertTrue(back.get(4, 4, 0) > 250 && back.get(4, 4, 2) > 250, back.toString());
    }

    @Test
    void unknownExtensionIsRefusedNamingIt() {
        ArrayImage img = ArrayImage.zeros(4, 4, 3, PixelType.UINT8);
        AugmentException e = assertThrows(AugmentException.class, () -> ImageFiles.write(img, dir.resolve("x.tiff")));
        assertTrue(e.getMessage().contains("x.tiff") && e.getMessage().contains("'.tiff'"), e.getMessage());
        e = assertThrows(AugmentException.class, () -> ImageFiles.write(img, dir.resolve("noext")));
        assertTrue(e.getMessage().contains("no extension"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.tiff")));
    }

    @Test
    void writeIntoMissingOrBlockedFolderFailsCleanly() throws IOException {
        ArrayImage img = ArrayImage.zeros(4, 4, 3, PixelType.UINT8);
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        AugmentException e = assertThrows(AugmentException.class,
                () -> ImageFiles.write(img, "png", file.resolve("out.png")));
        assertTrue(e.getMessage().startsWith("cannot write " + file.resolve("out.png")), e.getMessage());
        e = assertThrows(AugmentException.class, () -> ImageFiles.write(img, dir.resolve("missing/out.png")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void previewSpeedPngIsStillLossless() throws IOException {
        BufferedImage bi = ImageFixtures.rgb(64, 64);
        Path f = dir.resolve("fast.png");
        ImageFiles.write(bi, "png", f, ImageWriteOptions.DEFAULTS.withFastPng(true));
        assertArrayEquals(BufferedImages.toImage(bi).rawBytes(), ImageFiles.read(f).image().rawBytes());
    }
}
