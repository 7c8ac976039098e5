package io.augment4j.opencv.color;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.spi.Range;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.Mat;

import java.util.EnumSet;
import java.util.Set;

/**
 * One colour adjustment driven by a single number drawn from a range: {@code brightness}, {@code contrast},
 * {@code saturation} (factors, 1 = unchanged), {@code hue} (a shift in turns, 0 = unchanged) or {@code gamma}
 * (exponent, 1 = unchanged). The maths is in {@link ColorOps}; it follows torchvision's {@code adjust_*} functions
 * and the Python cv2 baseline ({@code benchmarks/python/bench_cv2.py}).
 */
public final class Adjust extends OpenCvTransform<Adjust.Factor> {
    /** The sampled value: a factor, a hue shift in turns or a gamma exponent. */
    public record Factor(double value) {
    }

    /** Which adjustment. */
    public enum Kind {
        BRIGHTNESS(1), CONTRAST(1), SATURATION(1), HUE(0), GAMMA(1);

        /** The value that leaves the image unchanged. */
        final double neutral;

        Kind(double neutral) {
            this.neutral = neutral;
        }
    }

    private final Kind kind;
    private final Range range;

    public Adjust(String name, Kind kind, Range range) {
        super(name);
        this.kind = kind;
        this.range = range;
    }

    public Kind kind() {
        return kind;
    }

    public Range range() {
        return range;
    }

    @Override
    public Factor sample(Sample input, Rng rng) {
        return new Factor(range.sample(rng));
    }

    @Override
    protected Mat process(Mat src, Factor params) {
        double v = params.value();
        if (v == kind.neutral) {
            return ColorOps.copy(src);
        }
        return switch (kind) {
            case BRIGHTNESS -> ColorOps.brightness(src, v);
            case CONTRAST -> ColorOps.contrast(src, v);
            case SATURATION -> ColorOps.saturation(src, v);
            case HUE -> ColorOps.hue(src, v);
            case GAMMA -> ColorOps.gamma(src, v);
        };
    }

    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }

    @Override
    public Class<Factor> paramsType() {
        return Factor.class;
    }
}
