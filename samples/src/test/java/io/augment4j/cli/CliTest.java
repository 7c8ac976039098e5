package io.augment4j.cli;

import io.augment4j.api.spec.InlineSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands end to end, in-process: output, exit codes, messages without stack traces. */
class CliTest {
    @TempDir
    Path dir;

    private static void assertNoStackTrace(Fixtures.Run r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception:"), r.toString());
    }

    @Test
    void listShowsBuiltInsAndPluginWithTheirJars() {
        Fixtures.Run r = Fixtures.aug("list");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("hflip") && r.out().contains("rotate"), r.out());
        assertTrue(r.out().contains("invert") && r.out().contains("posterize"), r.out());
        assertTrue(r.out().contains("augment4j pixel effects plugin"), r.out());
        assertTrue(r.out().contains("plugin-pixel-effects"), r.out());
        assertTrue(r.out().contains("io.augment4j.opencv.OpenCvTransformProvider"), r.out());
        Fixtures.Run names = Fixtures.aug("list", "--names");
        assertTrue(names.out().lines().anyMatch("hflip"::equals), names.out());
    }

    @Test
    void describeShowsParametersAndExamples() {
        Fixtures.Run r = Fixtures.aug("describe", "rotate");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("limit  (range, default [-15, 15])"), r.out());
        assertTrue(r.out().contains("allowed:"), r.out());
        assertTrue(r.out().contains("- {transform: rotate, p: 0.5, limit: [-15, 15]"), r.out());
        assertTrue(r.out().contains("rotate(p=0.5, limit=[-15, 15]"), r.out());
        assertTrue(!r.out().contains("output size"), "rotate keeps the size: " + r.out());
        Fixtures.Run crop = Fixtures.aug("describe", "center_crop");
        assertTrue(crop.out().contains("\noutput size: may differ from the input's\n"), crop.out());
    }

    @Test
    void describeExampleLinesParse() {
        // the inline example printed by describe must itself be a valid spec
        Fixtures.Run r = Fixtures.aug("describe", "solarize");
        String inline = r.out().lines().reduce((a, b) -> b).orElseThrow().strip();
        InlineSpecs.parse(inline, io.augment4j.api.registry.TransformRegistry.discover());
    }

    @Test
    void unknownTransformIsAUsageError() {
        Fixtures.Run r = Fixtures.aug("describe", "rotat");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("aug: unknown transform 'rotat'; did you mean rotate?"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, Fixtures.aug().code());
        assertEquals(2, Fixtures.aug("frobnicate").code());
        Fixtures.Run r = Fixtures.aug("preview", "--spec", "hflip");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Missing required option"), r.err());
        assertEquals(0, Fixtures.aug("preview", "--help").code());
        assertEquals(0, Fixtures.aug("--version").code());
    }

    @Test
    void previewWritesASheetOfTheRightGrid() throws IOException {
        Path out = dir.resolve("sub/sheet.png");
        Fixtures.Run r = Fixtures.aug("preview", "--spec", "hflip(p=0.5) | rotate(limit=15) | invert(p=0.3)",
                "--image", Fixtures.REPO_IMAGES.resolve("chelsea.png").toString(), "-n", "5", "--seed", "3",
                "--tile", "128", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains(out.toAbsolutePath().toString()), r.out());
        BufferedImage sheet = ImageIO.read(out.toFile());
        PreviewSheet.Layout l = PreviewSheet.Layout.of(6, 451, 300, 128, 0);
        assertEquals(3, l.cols());
        assertEquals(2, l.rows());
        assertEquals(l.width(), sheet.getWidth());
        assertEquals(l.height(), sheet.getHeight());
        try (var s = Files.list(out.getParent())) {
            assertEquals(1, s.count(), "only the sheet, no temporary file");
        }
    }

    @Test
    void previewWithASpecFile() throws IOException {
        Path spec = Files.writeString(dir.resolve("p.yaml"), "seed: 1\ntransforms:\n  - {transform: vflip}\n");
        Path out = dir.resolve("s.png");
        Fixtures.Run r = Fixtures.aug("preview", "--spec", spec.toString(), "--image",
                Fixtures.REPO_IMAGES.resolve("coffee.png").toString(), "-n", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.size(out) > 1000);
    }

    @Test
    void previewWritesTheFormatItsExtensionNames() throws IOException {
        Path out = dir.resolve("sheet.jpg");
        Fixtures.Run r = Fixtures.aug("preview", "--spec", "vflip", "--image",
                Fixtures.REPO_IMAGES.resolve("coffee.png").toString(), "-n", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        byte[] head = Arrays.copyOf(Files.readAllBytes(out), 2);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8}, head, "JPEG bytes in a .jpg file");

        Path gif = dir.resolve("sheet.gif");
        Fixtures.Run bad = Fixtures.aug("preview", "--spec", "vflip", "--image",
                Fixtures.REPO_IMAGES.resolve("coffee.png").toString(), "--out", gif.toString());
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("unknown image format '.gif'"), bad.err());
        assertFalse(Files.exists(gif));
    }

    @Test
    void emptySpecFile() throws IOException {
        Path spec = Files.writeString(dir.resolve("empty.yaml"), "");
        Fixtures.Run r = preview(spec.toString(), Fixtures.REPO_IMAGES.resolve("coffee.png"));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("aug: " + spec) && r.err().contains("empty"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void missingSpecFile() {
        Fixtures.Run r = preview(dir.resolve("nope.yaml").toString(), Fixtures.REPO_IMAGES.resolve("coffee.png"));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("does not exist"), r.err());
    }

    @Test
    void unknownTransformInASpecFileNamesTheLine() throws IOException {
        Path spec = Files.writeString(dir.resolve("bad.yaml"), "transforms:\n  - transform: hflip\n  - transform: rotato\n");
        Fixtures.Run r = preview(spec.toString(), Fixtures.REPO_IMAGES.resolve("coffee.png"));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("bad.yaml:3:") && r.err().contains("unknown transform 'rotato'"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void outOfRangeParameter() {
        Fixtures.Run r = preview("rotate(limit=400)", Fixtures.REPO_IMAGES.resolve("coffee.png"));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("'limit'") && r.err().contains("[-360, 360]"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void inlineSpecErrorShowsTheColumnWithACaret() {
        Fixtures.Run r = preview("hflip | one_of(vflip, rotaet(limit=15))", Fixtures.REPO_IMAGES.resolve("coffee.png"));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("aug: inline spec, column 23: unknown transform 'rotaet'; did you mean rotate?"),
                r.err());
        assertTrue(r.err().contains("\n  hflip | one_of(vflip, rotaet(limit=15))\n                        ^"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void previewTakesAnInlineSpecWithGroups() {
        Fixtures.Run r = preview("pipeline(one_of(hflip, vflip, weights=[2, 1]) | some_of(1, invert, rotate(limit=10)),"
                + " seed=3)", Fixtures.REPO_IMAGES.resolve("coffee.png"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.exists(dir.resolve("sheet.png")));
    }

    @Test
    void corruptImageExitsWith1NamingTheFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("text.png"), "not a picture");
        Fixtures.Run r = preview("hflip", bad);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("aug: " + bad + ": not an image"), r.err());
        assertNoStackTrace(r);
        assertFalse(Files.exists(dir.resolve("sheet.png")), "nothing written");
    }

    @Test
    void imageOverMaxPixelsIsRefusedNamingTheOption() throws IOException {
        // ImageFilesTest (augment-api) shows the limit is checked from the header before decoding
        Path big = Fixtures.png(dir.resolve("big.png"), Fixtures.rgb(100, 50));
        Fixtures.Run r = Fixtures.aug("preview", "--spec", "hflip", "--image", big.toString(), "--max-pixels", "4999",
                "--out", dir.resolve("sheet.png").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("aug: " + big + ": the image is 100x50 = 5,000 pixels, over the limit of 4,999;"
                + " refused before decoding (raise it with --max-pixels if the file is genuine)"), r.err());
        assertFalse(Files.exists(dir.resolve("sheet.png")), "nothing written");
    }

    @Test
    void sixteenBitImagePreviewsWithANote() throws IOException {
        Path deep = Fixtures.gray16Png(dir.resolve("deep.png"), 64, 32);
        Fixtures.Run r = preview("hflip", deep);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("note") && r.err().contains("16-bit"), r.err());
    }

    @Test
    void unwritableOutputFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Fixtures.Run r = Fixtures.aug("preview", "--spec", "hflip", "--image",
                Fixtures.REPO_IMAGES.resolve("coffee.png").toString(), "--out", file.resolve("sheet.png").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("cannot create output folder"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void verboseShowsTheStackTrace() throws IOException {
        Path bad = Files.writeString(dir.resolve("text.png"), "not a picture");
        Fixtures.Run r = Fixtures.aug("preview", "--verbose", "--spec", "hflip", "--image", bad.toString(),
                "--out", dir.resolve("s.png").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    private Fixtures.Run preview(String spec, Path image) {
        return Fixtures.aug("preview", "--spec", spec, "--image", image.toString(), "-n", "2",
                "--out", dir.resolve("sheet.png").toString());
    }
}
