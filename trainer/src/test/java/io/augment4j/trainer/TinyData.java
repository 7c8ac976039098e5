package io.augment4j.trainer;

import io.augment4j.trainer.data.ArrayImageSet;
import io.augment4j.trainer.loader.ExampleAugmenter;
import java.util.SplittableRandom;

/** Small synthetic datasets the tests train on: each class lights a different band. */
public final class TinyData {

    private TinyData() {}

    /**
     * @param n examples
     * @param classes number of classes (at most size/2)
     * @param size image side
     * @param channels channels
     * @param noise noise std in pixel units
     * @param seed seed
     * @return uint8 dataset, labels cycling 0..classes-1
     */
    public static ArrayImageSet bands(int n, int classes, int size, int channels, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] px = new byte[n * size * size * channels];
        int[] labels = new int[n];
        int band = size / classes;
        for (int i = 0; i < n; i++) {
            int k = i % classes;
            labels[i] = k;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    for (int c = 0; c < channels; c++) {
                        double v = (y / band == k ? 200 : 40) + r.nextGaussian() * noise;
                        px[((i * size + y) * size + x) * channels + c] = (byte) Math.max(0, Math.min(255, v));
                    }
                }
            }
        }
        return ArrayImageSet.ofBytes(px, labels, size, size, channels, null);
    }

    /** @return a horizontal flip, applied when the seed's low bit is set (pure Java, seeded) */
    public static ExampleAugmenter randomFlip() {
        return (img, h, w, c, seed) -> {
            if ((new SplittableRandom(seed).nextInt(2)) == 0) {
                return img;
            }
            float[] out = new float[img.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int k = 0; k < c; k++) {
                        out[(y * w + x) * c + k] = img[(y * w + (w - 1 - x)) * c + k];
                    }
                }
            }
            return out;
        };
    }
}
