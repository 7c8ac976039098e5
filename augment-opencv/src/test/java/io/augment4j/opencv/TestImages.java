package io.augment4j.opencv;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Rng;

/** Deterministic test images. */
public final class TestImages {
    private TestImages() {
    }

    /** Random UINT8 values. */
    public static ArrayImage randomBytes(int h, int w, int c, long seed) {
        Rng rng = new Rng(seed);
        byte[] b = new byte[h * w * c];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) rng.nextInt(256);
        }
        return ArrayImage.wrapBytes(h, w, c, b);
    }

    /** Random FLOAT32 values in [0, 1). */
    public static ArrayImage randomFloats(int h, int w, int c, long seed) {
        Rng rng = new Rng(seed);
        float[] f = new float[h * w * c];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) rng.nextDouble();
        }
        return ArrayImage.wrapFloats(h, w, c, f);
    }

    /** A smooth, photo-like RGB image: gradients plus a few blocks. */
    public static ArrayImage photo(int h, int w, long seed) {
        Rng rng = new Rng(seed);
        byte[] b = new byte[h * w * 3];
        int bx = rng.nextInt(w / 2);
        int by = rng.nextInt(h / 2);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                boolean block = x >= bx && x < bx + w / 3 && y >= by && y < by + h / 3;
                b[i] = (byte) (block ? 220 : 255 * x / w);
                b[i + 1] = (byte) (block ? 40 : 255 * y / h);
                b[i + 2] = (byte) ((x + y + rng.nextInt(8)) & 0xFF);
            }
        }
        return ArrayImage.wrapBytes(h, w, 3, b);
    }
}
