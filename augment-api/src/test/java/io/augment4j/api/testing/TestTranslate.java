package io.augment4j.api.testing;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.geometry.FusableWarp;
import io.augment4j.api.Target;
import io.augment4j.api.geometry.ProjectiveParams;
import io.augment4j.api.targets.TargetMover;

import java.util.EnumSet;
import java.util.Set;

import java.util.concurrent.atomic.AtomicInteger;

/** Integer translation as a fusable warp, with a pure-Java nearest-neighbour warp that counts its calls. */
public record TestTranslate(int limit, String settings) implements FusableWarp<TestTranslate.Shift> {
    public static final AtomicInteger WARPS = new AtomicInteger();
    public static final AtomicInteger APPLIES = new AtomicInteger();

    /** A sampled shift. */
    public record Shift(int dx, int dy, int width, int height) implements ProjectiveParams {
        @Override
        public double[] matrix() {
            return new double[] {1, 0, dx, 0, 1, dy, 0, 0, 1};
        }

        @Override
        public int outputWidth() {
            return width;
        }

        @Override
        public int outputHeight() {
            return height;
        }
    }

    @Override
    public Shift sample(Sample input, Rng rng) {
        return new Shift(rng.nextInt(-limit, limit), rng.nextInt(-limit, limit), input.image().width(),
                input.image().height());
    }

    @Override
    public Sample apply(Sample input, Shift params) {
        APPLIES.incrementAndGet();
        Sample out = input.withImage(warpImage(input.image().toArrayImage(), params.matrix(), params.width,
                params.height));
        return TargetMover.follow(input, out, params.matrix(), boxMethod());
    }

    @Override
    public Sample warp(Sample input, double[] matrix, int outWidth, int outHeight) {
        WARPS.incrementAndGet();
        return input.withImage(warpImage(input.image().toArrayImage(), matrix, outWidth, outHeight));
    }

    @Override
    public Set<Target> targets() {
        return EnumSet.of(Target.IMAGE, Target.BOXES, Target.KEYPOINTS);
    }

    @Override
    public Class<Shift> paramsType() {
        return Shift.class;
    }

    @Override
    public Object warpSettings() {
        return settings;
    }

    /** Nearest-neighbour warp of an affine matrix with a wrap-around border. */
    static ArrayImage warpImage(ArrayImage src, double[] m, int w, int h) {
        // Invert the affine part to map output pixels back to input pixels.
        double det = m[0] * m[4] - m[1] * m[3];
        double a = m[4] / det;
        double b = -m[1] / det;
        double c = -m[3] / det;
        double d = m[0] / det;
        int ch = src.channels();
        byte[] in = src.rawBytes();
        byte[] out = new byte[w * h * ch];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double tx = x - m[2];
                double ty = y - m[5];
                int sx = (int) Math.round(a * tx + b * ty);
                int sy = (int) Math.round(c * tx + d * ty);
                // Wrap-around border: shifts then compose exactly, so fused and unfused results can be compared.
                sx = Math.floorMod(sx, src.width());
                sy = Math.floorMod(sy, src.height());
                System.arraycopy(in, (sy * src.width() + sx) * ch, out, (y * w + x) * ch, ch);
            }
        }
        return ArrayImage.wrapBytes(h, w, ch, out);
    }
}
