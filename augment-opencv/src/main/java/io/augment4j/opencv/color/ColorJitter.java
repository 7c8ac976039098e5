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
 * <p>Each step runs once, in one pass where OpenCV allows: brightness and contrast are one {@code convertTo} each
 * (on UINT8, {@code saturate(round(a * v + b))}, as torchvision's and the Python baseline's steps), saturation is
 * one colour-matrix pass, hue the HSV round trip with a LUT on the H plane only. Steps whose value is neutral
 * (factor 1, hue shift 0) are skipped exactly. Two point steps in a row are not merged into one lookup table: in
 * this OpenCV build a {@code LUT} pass costs twice two {@code convertTo} passes (62 against 31 us at 224x224,
 * measured in one process).
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
        boolean u8 = ColorOps.isU8(src);
        Mat cur = src;
        try {
            for (int step : p.order()) {
                Mat next = switch (step) {
                    case BRIGHTNESS -> p.brightness() == 1 ? null : ColorOps.brightness(cur, p.brightness());
                    case CONTRAST -> p.contrast() == 1 ? null : ColorOps.contrast(cur, p.contrast());
                    case SATURATION -> p.saturation() == 1 || cur.channels() == 1 ? null
                            : ColorOps.saturation(cur, p.saturation());
                    case HUE -> cur.channels() == 1 || ColorOps.hueIsIdentity(p.hue(), u8) ? null
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

    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
