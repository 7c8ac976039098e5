package io.augment4j.opencv.color;

import io.augment4j.api.registry.ParameterException;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Params;
import io.augment4j.api.spi.Range;
import io.augment4j.api.spi.RangeScalar;
import io.augment4j.api.spi.TransformDescriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry entries of the colour family. Value conventions: UINT8 results are rounded and saturated to 0..255;
 * FLOAT32 images are never clipped and, except for {@code gamma} (0..255 scale), may use any value scale.
 */
public final class ColorTransforms {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final String FACTOR_NOTE = "; a single v means [max(0, 1 - v), 1 + v], as torchvision reads it";
    static final List<Double> IMAGENET_MEAN = List.of(0.485, 0.456, 0.406);
    static final List<Double> IMAGENET_STD = List.of(0.229, 0.224, 0.225);

    private ColorTransforms() {
    }

    /** Every descriptor of this family. */
    public static List<TransformDescriptor> descriptors() {
        List<TransformDescriptor> all = new ArrayList<>();
        all.add(adjust("brightness", Adjust.Kind.BRIGHTNESS,
                "Multiplies pixel values by a random factor (torchvision adjust_brightness).",
                factorSpec("factor", "brightness multiplier, drawn uniformly; 1 leaves the image unchanged")));
        all.add(adjust("contrast", Adjust.Kind.CONTRAST,
                "Blends the image with its mean gray level by a random factor (torchvision adjust_contrast).",
                factorSpec("factor", "contrast factor, drawn uniformly: 0 gives flat gray, 1 leaves the image "
                        + "unchanged")));
        all.add(adjust("saturation", Adjust.Kind.SATURATION,
                "Blends each pixel with its own gray value by a random factor (torchvision adjust_saturation).",
                factorSpec("factor", "saturation factor, drawn uniformly: 0 gives gray, 1 leaves the image "
                        + "unchanged; gray images are left unchanged")));
        all.add(adjust("hue", Adjust.Kind.HUE,
                "Rotates the hue by a random fraction of a turn, through HSV (torchvision adjust_hue).",
                hueSpec("shift", "hue shift in turns (0.5 = 180 degrees), drawn uniformly; gray images are left "
                        + "unchanged")));
        all.add(TransformDescriptor.of("gamma",
                "Applies a random gamma curve 255 * (x / 255)^gamma (FLOAT32 read on the 0..255 scale).",
                List.of(ParamSpec.ofRange("gamma", new Range(0.8, 1.2), 0, INF, 1,
                        "gamma exponent, drawn uniformly, > 0: below 1 brightens, above 1 darkens")),
                p -> {
                    Range g = p.getRange("gamma");
                    if (g.lo() <= 0) {
                        throw new ParameterException(p.transform(), "gamma", "= " + g + " must be above 0");
                    }
                    return new Adjust("gamma", Adjust.Kind.GAMMA, g);
                }));
        all.add(TransformDescriptor.of("rgb_shift",
                "Adds a random offset to each of R, G and B (saturating for UINT8; alpha kept; needs 3/4 channels).",
                List.of(shiftSpec("r_shift", "red"), shiftSpec("g_shift", "green"), shiftSpec("b_shift", "blue")),
                p -> new RgbShift("rgb_shift", p.getRange("r_shift"), p.getRange("g_shift"),
                        p.getRange("b_shift"))));
        all.add(TransformDescriptor.of("channel_shuffle",
                "Reorders R, G and B by a random permutation (alpha kept; gray images unchanged).", List.of(),
                p -> new ChannelShuffle("channel_shuffle")));
        all.add(TransformDescriptor.of("to_gray",
                "Converts to gray with ITU-R 601 weights (0.299 R + 0.587 G + 0.114 B, as OpenCV RGB2GRAY).",
                List.of(ParamSpec.ofBoolean("keep_channels", true,
                        "true: replicate gray into R, G and B (alpha kept) so the shape stays; false: 1 channel")),
                p -> new ToGray("to_gray", p.getBoolean("keep_channels"))));
        all.add(TransformDescriptor.of("color_jitter",
                "Brightness, contrast, saturation and hue changes in a random order (torchvision ColorJitter).",
                List.of(factorSpec("brightness", "brightness factor range"),
                        factorSpec("contrast", "contrast factor range"),
                        factorSpec("saturation", "saturation factor range"),
                        hueSpec("hue", "hue shift range in turns; a single v means [-v, v]")),
                p -> new ColorJitter("color_jitter", factor(p, "brightness"), factor(p, "contrast"),
                        factor(p, "saturation"), p.getRange("hue"))));
        all.add(TransformDescriptor.of("normalize",
                "Maps pixels to (x / max_pixel_value - mean) / std per channel, as FLOAT32 (Albumentations Normalize).",
                List.of(ParamSpec.ofDoubles("mean", IMAGENET_MEAN, -INF, INF,
                                "per-channel mean on the 0..1 scale; one value applies to every channel "
                                        + "(default: ImageNet RGB)"),
                        ParamSpec.ofDoubles("std", IMAGENET_STD, 0, INF,
                                "per-channel standard deviation, not 0; one value applies to every channel "
                                        + "(default: ImageNet RGB)"),
                        ParamSpec.ofDouble("max_pixel_value", 255.0, 0, INF,
                                "the value that maps to 1 before mean and std are applied; not 0")),
                ColorTransforms::normalize));
        return all;
    }

    private static TransformDescriptor adjust(String name, Adjust.Kind kind, String doc, ParamSpec spec) {
        return TransformDescriptor.of(name, doc, List.of(spec), p -> new Adjust(name, kind,
                kind == Adjust.Kind.HUE ? p.getRange(spec.name()) : factor(p, spec.name())));
    }

    private static ParamSpec factorSpec(String name, String doc) {
        return ParamSpec.ofRange(name, new Range(0.8, 1.2), 0, INF, 1, doc + FACTOR_NOTE)
                .withScalar(RangeScalar.AROUND_CENTER_CLAMPED);
    }

    private static ParamSpec hueSpec(String name, String doc) {
        return ParamSpec.ofRange(name, new Range(-0.05, 0.05), -0.5, 0.5, 0, doc);
    }

    private static ParamSpec shiftSpec(String name, String channel) {
        return ParamSpec.ofRange(name, new Range(-20, 20), -INF, INF, 0,
                "offset added to " + channel + ", drawn uniformly, in pixel-value units (UINT8: rounded, "
                        + "saturating); a single v means [-v, v]");
    }

    /** A factor range: the schema keeps it within [0, inf) (a single v reads as [max(0, 1 - v), 1 + v]). */
    static Range factor(Params p, String name) {
        return p.getRange(name);
    }

    private static Normalize normalize(Params p) {
        double[] mean = p.getDoubleArray("mean");
        double[] std = p.getDoubleArray("std");
        double max = p.getDouble("max_pixel_value");
        checkLength(p, "mean", mean.length);
        checkLength(p, "std", std.length);
        if (mean.length > 1 && std.length > 1 && mean.length != std.length) {
            throw new ParameterException(p.transform(), "std", "has " + std.length + " values but mean has "
                    + mean.length + "; give the same number, or one value");
        }
        for (double s : std) {
            if (s == 0) {
                throw new ParameterException(p.transform(), "std", "= " + p.getDoubles("std")
                        + " contains 0; every std must be above 0");
            }
        }
        if (max == 0) {
            throw new ParameterException(p.transform(), "max_pixel_value", "must be above 0");
        }
        return new Normalize("normalize", mean, std, max);
    }

    private static void checkLength(Params p, String name, int n) {
        if (n != 1 && n != 3 && n != 4) {
            throw new ParameterException(p.transform(), name, "has " + n
                    + " values; give one value for every channel, or one per channel (1, 3 or 4)");
        }
    }
}
