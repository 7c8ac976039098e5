package io.augment4j.opencv.color;

import io.augment4j.opencv.MatPool;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.spi.Range;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.Mat;

import java.util.EnumSet;
import java.util.Set;

/**
 * torchvision's {@code ColorJitter}: brightness, contrast, saturation and hue adjustments applied in a random order,
 * each with a factor drawn from its range. As torchvision's {@code get_params}, the order is drawn first (a random
 * permutation), then the four values; both are the sampled parameters.
 *
 * <p>UINT8 images: brightness directly after contrast is fused with it into one lookup table (one pass instead of
 * two); every other step runs once, in one pass where OpenCV allows (saturation is one colour-matrix pass, hue is
 * the HSV round trip with a LUT on the H plane only). Steps whose value is neutral (factor 1, hue shift 0) are
 * skipped exactly. A fused pair rounds once through a table computed in double precision, so it may differ by one
 * level from the two steps run separately in OpenCV's float arithmetic, on rare values.
 */
public final class ColorJitter extends OpenCvTransform<ColorJitter.Params> {
    /** Indices used in {@link Params#order()}. */
    public static final int BRIGHTNESS = 0;
    public static final int CONTRAST = 1;
    public static final int SATURATION = 2;
    public static final int HUE = 3;

    /**
     * The sampled parameters.
     *
     * @param order      the four steps in the order applied: 0 brightness, 1 contrast, 2 saturation, 3 hue
     * @param brightness brightness factor (1 = unchanged)
     * @param contrast   contrast factor (1 = unchanged)
     * @param saturation saturation factor (1 = unchanged)
     * @param hue        hue shift in turns (0 = unchanged)
     */
    public record Params(int[] order, double brightness, double contrast, double saturation, double hue) {
    }

    private final Range brightness;
    private final Range contrast;
    private final Range saturation;
    private final Range hue;

    public ColorJitter(String name, Range brightness, Range contrast, Range saturation, Range hue) {
        super(name);
        this.brightness = brightness;
        this.contrast = contrast;
        this.saturation = saturation;
        this.hue = hue;
    }

    @Override
    public Params sample(Sample input, Rng rng) {
        int[] order = {0, 1, 2, 3};
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new Params(order, brightness.sample(rng), contrast.sample(rng), saturation.sample(rng),
                hue.sample(rng));
    }

    @Override
    protected Mat process(Mat src, Params p) {
        return ColorOps.isU8(src) ? processU8(src, p) : processFloat(src, p);
    }

    private static Mat processFloat(Mat src, Params p) {
        Mat cur = src;
        try {
            for (int step : p.order()) {
                Mat next = switch (step) {
                    case BRIGHTNESS -> p.brightness() == 1 ? null : ColorOps.brightness(cur, p.brightness());
                    case CONTRAST -> p.contrast() == 1 ? null : ColorOps.contrast(cur, p.contrast());
                    case SATURATION -> p.saturation() == 1 || cur.channels() == 1 ? null
                            : ColorOps.saturation(cur, p.saturation());
                    case HUE -> cur.channels() == 1 || ColorOps.hueIsIdentity(p.hue(), false) ? null
                            : ColorOps.hue(cur, p.hue());
                    default -> throw new IllegalArgumentException("unknown color_jitter step " + step);
                };
                if (next != null) {
                    if (cur != src) {
                        MatPool.recycle(cur);
                    }
                    cur = next;
                }
            }
            return cur == src ? ColorOps.copy(src) : cur;
        } catch (RuntimeException e) {
            if (cur != src) {
                MatPool.recycle(cur);
            }
            throw e;
        }
    }

    /**
     * UINT8: brightness and contrast are {@code saturate(round(a * v + b))} point operations. A single pending one
     * runs as one SIMD {@code convertTo}; consecutive ones (contrast then brightness) are composed into one table and
     * run as one {@code LUT}. Contrast reads the mean of the image as it is at that point, so a pending operation is
     * applied before measuring, as are saturation and hue, which are not point operations.
     */
    private static Mat processU8(Mat src, Params p) {
        U8Chain chain = new U8Chain(src);
        try {
            for (int step : p.order()) {
                switch (step) {
                    case BRIGHTNESS -> {
                        if (p.brightness() != 1) {
                            chain.pend(p.brightness(), 0);
                        }
                    }
                    case CONTRAST -> {
                        if (p.contrast() != 1) {
                            chain.flush();
                            chain.pend(p.contrast(), (1 - p.contrast()) * ColorOps.grayMean(chain.cur));
                        }
                    }
                    case SATURATION -> {
                        if (p.saturation() != 1 && src.channels() > 1) {
                            chain.flush();
                            chain.replace(ColorOps.saturation(chain.cur, p.saturation()));
                        }
                    }
                    case HUE -> {
                        if (src.channels() > 1 && !ColorOps.hueIsIdentity(p.hue(), true)) {
                            chain.flush();
                            chain.replace(ColorOps.hue(chain.cur, p.hue()));
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown color_jitter step " + step);
                }
            }
            chain.flush();
            return chain.cur == src ? ColorOps.copy(src) : chain.cur;
        } catch (RuntimeException e) {
            if (chain.cur != src) {
                MatPool.recycle(chain.cur);
            }
            throw e;
        }
    }

    /** The current image of a UINT8 chain and the point operation waiting to be applied to it. */
    private static final class U8Chain {
        private final Mat src;
        Mat cur;
        private double scale = Double.NaN;
        private double offset;
        private int[] table;

        U8Chain(Mat src) {
            this.src = src;
            this.cur = src;
        }

        void pend(double a, double b) {
            if (table == null && Double.isNaN(scale)) {
                scale = a;
                offset = b;
                return;
            }
            int[] first = table != null ? table : ColorOps.linearTable(scale, offset);
            table = ColorOps.compose(first, ColorOps.linearTable(a, b));
            scale = Double.NaN;
        }

        void flush() {
            if (!Double.isNaN(scale)) {
                replace(ColorOps.linear(cur, scale, offset));
            } else if (table != null && !ColorOps.isIdentity(table)) {
                replace(ColorOps.applyTable(cur, table));
            }
            scale = Double.NaN;
            table = null;
        }

        void replace(Mat next) {
            if (cur != src) {
                MatPool.recycle(cur);
            }
            cur = next;
        }
    }

    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
