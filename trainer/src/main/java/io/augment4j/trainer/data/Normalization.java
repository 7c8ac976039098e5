package io.augment4j.trainer.data;

import io.augment4j.trainer.Json;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Per-channel input normalization {@code (x - mean[c]) / std[c]}.
 *
 * <p>Statistics come from the train split only ({@link #fit}); the same object is then applied
 * to val, test and inference and is saved next to the model weights, so a served model never
 * sees differently scaled inputs than it was trained on.
 *
 * @param mean per-channel mean
 * @param std per-channel standard deviation (never zero: see {@link #fit})
 */
public record Normalization(float[] mean, float[] std) {

    /** Smallest std used, so a constant channel does not divide by zero. */
    static final float MIN_STD = 1e-6f;

    /** Validates matching lengths. */
    public Normalization {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std differ in length");
        }
    }

    /**
     * Computes per-channel mean and std over the given examples (the train split).
     *
     * @param data the dataset
     * @param trainIndices the examples to use: pass the train split, never val or test
     * @return the statistics
     */
    public static Normalization fit(ImageSet data, int[] trainIndices) {
        int c = data.channels();
        // Sums in double: 60 000 x 784 pixels overflow float precision long before the end.
        double[] sum = new double[c];
        double[] sumSq = new double[c];
        float[] buf = new float[data.pixelCount()];
        for (int idx : trainIndices) {
            data.image(idx, buf);
            for (int i = 0; i < buf.length; i++) {
                double v = buf[i];
                sum[i % c] += v;
                sumSq[i % c] += v * v;
            }
        }
        double perChannel = (double) trainIndices.length * data.height() * data.width();
        float[] mean = new float[c];
        float[] std = new float[c];
        for (int k = 0; k < c; k++) {
            double m = sum[k] / perChannel;
            double var = Math.max(0, sumSq[k] / perChannel - m * m);
            mean[k] = (float) m;
            std[k] = (float) Math.max(MIN_STD, Math.sqrt(var));
        }
        return new Normalization(mean, std);
    }

    /** @return the identity normalization for {@code channels} channels */
    public static Normalization identity(int channels) {
        float[] m = new float[channels];
        float[] s = new float[channels];
        java.util.Arrays.fill(s, 1f);
        return new Normalization(m, s);
    }

    /** @return the number of channels */
    public int channels() {
        return mean.length;
    }

    /**
     * Normalizes one HWC image and writes it in CHW order (the layout DJL's conv layers take).
     *
     * @param hwc source pixels, h*w*c
     * @param dst destination array
     * @param offset where the CHW image starts in {@code dst}
     */
    public void toChw(float[] hwc, float[] dst, int offset) {
        int c = mean.length;
        int plane = hwc.length / c;
        for (int k = 0; k < c; k++) {
            float m = mean[k];
            float inv = 1f / std[k];
            int out = offset + k * plane;
            for (int p = 0, i = k; p < plane; p++, i += c) {
                dst[out + p] = (hwc[i] - m) * inv;
            }
        }
    }

    /** Saves as JSON. @param file destination @throws IOException on write failure */
    public void save(Path file) throws IOException {
        Json.writeAtomically(file, this);
    }

    /** Loads from JSON. @param file source @return the statistics @throws IOException on read failure */
    public static Normalization load(Path file) throws IOException {
        return Json.MAPPER.readValue(file.toFile(), Normalization.class);
    }
}
