package io.augment4j.trainer.run;

import io.augment4j.trainer.data.IdxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Small IDX datasets written to a temp folder, and configs pointing at them. */
final class RunData {

    private RunData() {}

    /**
     * XOR images, 4x4: the top-left 2x2 block is bright when bit a is set, the bottom-right one
     * when bit b is set; the label is a XOR b. No linear model (logistic regression) gets more
     * than 3 of the 4 (a, b) cases right, so its error stays at 25 % or more: high bias, by
     * construction.
     */
    static void xor(Path dir, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] px = new byte[n * 16];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int a = r.nextInt(2);
            int b = r.nextInt(2);
            labels[i] = a ^ b;
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    boolean bright = (y < 2 && x < 2 && a == 1) || (y >= 2 && x >= 2 && b == 1);
                    double v = (bright ? 200 : 50) + 20 * r.nextGaussian();
                    px[i * 16 + y * 4 + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
        IdxFiles.write(px, labels, 4, 4, dir.resolve("xor-images.idx"), dir.resolve("xor-labels.idx"), false);
    }

    /**
     * Three classes of 8x8 horizontal bands with pixel noise, and a share of the labels replaced
     * by random ones (in every split): learnable in part, but a big network also memorizes the
     * noise of a small train split.
     */
    static void noisyBands(Path dir, int n, double labelNoise, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] px = new byte[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            labels[i] = r.nextDouble() < labelNoise ? r.nextInt(3) : k;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    double v = (y * 3 / 8 == k ? 170 : 70) + 40 * r.nextGaussian();
                    px[i * 64 + y * 8 + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
        IdxFiles.write(px, labels, 8, 8, dir.resolve("bands-images.idx"), dir.resolve("bands-labels.idx"), false);
    }

    static Path config(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, text);
        return f;
    }
}
