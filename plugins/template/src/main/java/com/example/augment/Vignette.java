package com.example.augment;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.Transform;
import io.augment4j.api.spi.Range;

import java.util.EnumSet;
import java.util.Set;

/**
 * A vignette: the two halves of a transform are (1) {@link #sample}, which draws the random parameters, and
 * (2) {@link #apply}, a pure function of the input and those parameters. Keep instances immutable.
 */
public final class Vignette implements Transform<Vignette.Strength> {
    /** The sampled parameters: a record, so replay files can store it as JSON. */
    public record Strength(double value) {
    }

    private final Range strength;

    public Vignette(Range strength) {
        this.strength = strength;
    }

    @Override
    public Strength sample(Sample input, Rng rng) {
        return new Strength(strength.sample(rng)); // all randomness comes from rng
    }

    @Override
    public Sample apply(Sample input, Strength s) {
        ArrayImage img = input.image().toArrayImage();
        int h = img.height();
        int w = img.width();
        int c = img.channels();
        int colour = c == 4 ? 3 : c; // leave alpha alone
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        double r2 = cx * cx + cy * cy;
        if (img.pixelType() == PixelType.UINT8) {
            byte[] src = img.rawBytes();
            byte[] out = src.clone(); // never write into the input
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double f = factor(x, y, cx, cy, r2, s.value());
                    for (int k = 0; k < colour; k++) {
                        int i = (y * w + x) * c + k;
                        out[i] = (byte) Math.round((src[i] & 0xFF) * f);
                    }
                }
            }
            return input.withImage(ArrayImage.wrapBytes(h, w, c, out));
        }
        float[] src = img.rawFloats();
        float[] out = src.clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double f = factor(x, y, cx, cy, r2, s.value());
                for (int k = 0; k < colour; k++) {
                    int i = (y * w + x) * c + k;
                    out[i] = (float) (src[i] * f);
                }
            }
        }
        return input.withImage(ArrayImage.wrapFloats(h, w, c, out));
    }

    private static double factor(int x, int y, double cx, double cy, double r2, double strength) {
        double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (r2 == 0 ? 1 : r2);
        return 1 - strength * d2;
    }

    @Override
    public Class<Strength> paramsType() {
        return Strength.class;
    }

    /** Only pixel values change, so masks, boxes and keypoints stay valid. */
    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }
}
