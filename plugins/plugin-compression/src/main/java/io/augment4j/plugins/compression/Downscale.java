package io.augment4j.plugins.compression;

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
 * Downscale then upscale: an area-average shrink to {@code round(side * scale)} (at least 1 pixel), then a bilinear
 * enlargement back to the original size with OpenCV's {@code INTER_LINEAR} pixel-centre convention.
 */
final class Downscale implements Transform<Downscale.Scale> {
    /** The sampled scale factor. */
    record Scale(double value) {
    }

    private final Range scale;

    Downscale(Range scale) {
        this.scale = scale;
    }

    @Override
    public Scale sample(Sample input, Rng rng) {
        return new Scale(scale.sample(rng));
    }

    @Override
    public Sample apply(Sample input, Scale s) {
        ArrayImage img = input.image().toArrayImage();
        int h = img.height();
        int w = img.width();
        int c = img.channels();
        int sh = Math.max(1, (int) Math.round(h * s.value()));
        int sw = Math.max(1, (int) Math.round(w * s.value()));
        float[] src = img.toFloatArray();
        float[] small = shrink(src, h, w, c, sh, sw);
        float[] big = enlarge(small, sh, sw, c, h, w);
        if (img.pixelType() == PixelType.FLOAT32) {
            return input.withImage(ArrayImage.wrapFloats(h, w, c, big));
        }
        return input.withImage(ArrayImage.wrapFloats(h, w, c, big).toUint8());
    }

    /** Area average: each small pixel is the mean of the source pixels its footprint covers (fractionally). */
    static float[] shrink(float[] src, int h, int w, int c, int sh, int sw) {
        float[] out = new float[sh * sw * c];
        double fy = (double) h / sh;
        double fx = (double) w / sw;
        for (int y = 0; y < sh; y++) {
            double y0 = y * fy;
            double y1 = y0 + fy;
            for (int x = 0; x < sw; x++) {
                double x0 = x * fx;
                double x1 = x0 + fx;
                for (int k = 0; k < c; k++) {
                    double sum = 0;
                    for (int yy = (int) y0; yy < Math.min(h, Math.ceil(y1)); yy++) {
                        double wy = Math.min(yy + 1, y1) - Math.max(yy, y0);
                        for (int xx = (int) x0; xx < Math.min(w, Math.ceil(x1)); xx++) {
                            double wx = Math.min(xx + 1, x1) - Math.max(xx, x0);
                            sum += wy * wx * src[(yy * w + xx) * c + k];
                        }
                    }
                    out[(y * sw + x) * c + k] = (float) (sum / (fy * fx));
                }
            }
        }
        return out;
    }

    /** Bilinear enlargement, source coordinate {@code (dst + 0.5) * (srcSize / dstSize) - 0.5}, edges clamped. */
    static float[] enlarge(float[] src, int sh, int sw, int c, int h, int w) {
        float[] out = new float[h * w * c];
        for (int y = 0; y < h; y++) {
            double sy = Math.max(0, Math.min(sh - 1, (y + 0.5) * sh / h - 0.5));
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(sh - 1, y0 + 1);
            double ty = sy - y0;
            for (int x = 0; x < w; x++) {
                double sx = Math.max(0, Math.min(sw - 1, (x + 0.5) * sw / w - 0.5));
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(sw - 1, x0 + 1);
                double tx = sx - x0;
                for (int k = 0; k < c; k++) {
                    double top = src[(y0 * sw + x0) * c + k] * (1 - tx) + src[(y0 * sw + x1) * c + k] * tx;
                    double bottom = src[(y1 * sw + x0) * c + k] * (1 - tx) + src[(y1 * sw + x1) * c + k] * tx;
                    out[(y * w + x) * c + k] = (float) (top * (1 - ty) + bottom * ty);
                }
            }
        }
        return out;
    }

    @Override
    public Class<Scale> paramsType() {
        return Scale.class;
    }

    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }
}
