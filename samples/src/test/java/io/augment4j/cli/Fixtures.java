package io.augment4j.cli;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Test images, good and bad, made on the fly; and a way to run the CLI in-process. */
final class Fixtures {
    static final Path REPO_IMAGES = findImages();

    private Fixtures() {
    }

    private static Path findImages() {
        Path p = Path.of("images");
        if (Files.isDirectory(p)) {
            return p.toAbsolutePath();
        }
        return Path.of("samples", "images").toAbsolutePath();
    }

    /** A small RGB gradient with a diagonal, so flips and rotations change it. */
    static BufferedImage rgb(int w, int h) {
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = x * 255 / Math.max(1, w - 1);
                int g = y * 255 / Math.max(1, h - 1);
                int b = Math.abs(x - y) < 3 ? 255 : 40;
                bi.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return bi;
    }

    static Path png(Path file, BufferedImage bi) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(bi, "png", file.toFile());
        return file;
    }

    static Path jpeg(Path file, BufferedImage bi) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(bi, "jpeg", file.toFile());
        return file;
    }

    /** A 16-bit gray PNG. */
    static Path gray16Png(Path file, int w, int h) throws IOException {
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = bi.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.setSample(x, y, 0, (x * 257 * 16 + y) & 0xFFFF);
            }
        }
        return png(file, bi);
    }

    static Path rgbaPng(Path file, int w, int h) throws IOException {
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bi.setRGB(x, y, (x * 20) << 24 | 0x00FF8000 | y);
            }
        }
        return png(file, bi);
    }

    /** The first {@code fraction} of a file's bytes. */
    static Path truncated(Path source, Path file, double fraction) throws IOException {
        byte[] b = Files.readAllBytes(source);
        Files.write(file, Arrays.copyOf(b, (int) (b.length * fraction)));
        return file;
    }

    /** The result of running the CLI in-process. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run aug(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Aug.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
