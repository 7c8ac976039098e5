package io.augment4j.plugins.pixel;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.ImageFormatException;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.Transform;
import io.augment4j.api.spi.Range;

import java.util.EnumSet;
import java.util.Set;

/**
 * A per-value effect applied to colour channels (alpha untouched): invert, posterize or solarize. The sampled
 * parameter is one number (bits or threshold); the maths is a lookup table for UINT8 images.
 */
final class PointEffect implements Transform<PointEffect.Level> {
    enum Kind { INVERT, POSTERIZE, SOLARIZE }

    /** The sampled level: bits kept (posterize) or threshold (solarize); unused by invert. */
    record Level(double value) {
    }

    private final Kind kind;
    private final Range range;
    private final double maxValue;

    PointEffect(Kind kind, Range range, double maxValue) {
        this.kind = kind;
        this.range = range;
        this.maxValue = maxValue;
    }

    @Override
    public Level sample(Sample input, Rng rng) {
        return switch (kind) {
            case INVERT -> new Level(0);
            case POSTERIZE -> new Level(rng.nextInt((int) Math.round(range.lo()), (int) Math.round(range.hi())));
            case SOLARIZE -> new Level(range.sample(rng));
        };
    }

    @Override
    public Sample apply(Sample input, Level level) {
        ArrayImage img = input.image().toArrayImage();
        int c = img.channels();
        int colour = c == 4 ? 3 : c;
        if (img.pixelType() == PixelType.UINT8) {
            byte[] lut = new byte[256];
            for (int v = 0; v < 256; v++) {
                lut[v] = (byte) Math.max(0, Math.min(255, Math.round(map(v, level.value()))));
            }
            byte[] src = img.rawBytes();
            byte[] out = src.clone();
            for (int i = 0; i < out.length; i++) {
                if (i % c < colour) {
                    out[i] = lut[src[i] & 0xFF];
                }
            }
            return input.withImage(ArrayImage.wrapBytes(img.height(), img.width(), c, out));
        }
        if (kind == Kind.POSTERIZE) {
            throw new ImageFormatException("transform 'posterize' works on UINT8 images only, got " + img.describe());
        }
        float[] src = img.rawFloats();
        float[] out = src.clone();
        for (int i = 0; i < out.length; i++) {
            if (i % c < colour) {
                out[i] = (float) map(src[i], level.value());
            }
        }
        return input.withImage(ArrayImage.wrapFloats(img.height(), img.width(), c, out));
    }

    private double map(double v, double level) {
        return switch (kind) {
            case INVERT -> maxValue - v;
            case POSTERIZE -> ((int) v) & (0xFF << (8 - (int) level)) & 0xFF;
            case SOLARIZE -> v >= level ? maxValue - v : v;
        };
    }

    @Override
    public Class<Level> paramsType() {
        return Level.class;
    }

    /** Colour effects leave masks, boxes and keypoints where they are. */
    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }
}
