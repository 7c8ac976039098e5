package io.augment4j.opencv.color;

import io.augment4j.opencv.MatPool;

import io.augment4j.api.Image;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.spi.Range;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

import java.util.EnumSet;
import java.util.Set;

/**
 * Adds a random offset to each of R, G and B (Albumentations {@code RGBShift}). UINT8: each offset is rounded to an
 * integer and added with saturation, exactly as the baseline ({@code add} of the positive part, {@code subtract} of
 * the negative part); FLOAT32: {@code v + shift} in the same units, not clipped. Alpha is kept. Needs 3 or 4
 * channels.
 */
public final class RgbShift extends OpenCvTransform<RgbShift.Shift> {
    /** The sampled offsets, in pixel-value units. */
    public record Shift(double r, double g, double b) {
    }

    private final Range r;
    private final Range g;
    private final Range b;

    public RgbShift(String name, Range r, Range g, Range b) {
        super(name);
        this.r = r;
        this.g = g;
        this.b = b;
    }

    @Override
    public Shift sample(Sample input, Rng rng) {
        return new Shift(r.sample(rng), g.sample(rng), b.sample(rng));
    }

    @Override
    protected void checkInput(Image img) {
        require(img, PixelType.values(), 3, 4);
    }

    @Override
    protected Mat process(Mat src, Shift s) {
        boolean u8 = ColorOps.isU8(src);
        double[] d = {s.r(), s.g(), s.b()};
        if (u8) {
            for (int c = 0; c < 3; c++) {
                d[c] = Math.rint(d[c]);
            }
        }
        if (d[0] == 0 && d[1] == 0 && d[2] == 0) {
            return ColorOps.copy(src);
        }
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        try {
            if (!u8) {
                Core.add(src, new Scalar(d[0], d[1], d[2], 0), dst);
                return dst;
            }
            // As the baseline: add the positive part, then subtract the negative part (both saturating, both on
            // OpenCV's all-uint8 fast path; a scalar with negative entries takes a ~6x slower mixed-type path).
            Scalar pos = new Scalar(Math.max(d[0], 0), Math.max(d[1], 0), Math.max(d[2], 0), 0);
            Scalar neg = new Scalar(Math.max(-d[0], 0), Math.max(-d[1], 0), Math.max(-d[2], 0), 0);
            boolean anyPos = d[0] > 0 || d[1] > 0 || d[2] > 0;
            boolean anyNeg = d[0] < 0 || d[1] < 0 || d[2] < 0;
            if (anyPos) {
                Core.add(src, pos, dst);
            } else {
                src.copyTo(dst);
            }
            if (anyNeg) {
                Core.subtract(dst, neg, dst);
            }
            return dst;
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        }
    }

    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }

    @Override
    public Class<Shift> paramsType() {
        return Shift.class;
    }
}
