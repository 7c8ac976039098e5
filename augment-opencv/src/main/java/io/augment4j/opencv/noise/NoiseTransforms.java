package io.augment4j.opencv.noise;

import io.augment4j.api.registry.ParameterException;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Params;
import io.augment4j.api.spi.Range;
import io.augment4j.api.spi.RangeScalar;
import io.augment4j.api.spi.TransformDescriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry entries of the noise family: noise, blur and erasing. UINT8 results are rounded and saturated;
 * FLOAT32 images are not clipped and keep their units (salt is 255, i.e. the 0..255 scale).
 */
public final class NoiseTransforms {
    private static final double INF = Double.POSITIVE_INFINITY;

    private NoiseTransforms() {
    }

    /** Every descriptor of this family. */
    public static List<TransformDescriptor> descriptors() {
        List<TransformDescriptor> all = new ArrayList<>();
        all.add(TransformDescriptor.of("gaussian_noise",
                "Adds Gaussian noise N(mean, sigma) to every value (saturating for UINT8).",
                List.of(ParamSpec.ofRange("sigma", new Range(5, 15), 0, INF, 0,
                                "noise standard deviation in pixel-value units, drawn uniformly per image; one number: a fixed sigma")
                                .withScalar(RangeScalar.EXACT),
                        ParamSpec.ofDouble("mean", 0.0, -INF, INF, "noise mean in pixel-value units"),
                        ParamSpec.ofBoolean("per_channel", true,
                                "true: independent noise per channel (colour noise); false: one draw per pixel "
                                        + "shared by its channels (gray noise)")),
                p -> new GaussianNoise("gaussian_noise", p.getRange("sigma"), p.getDouble("mean"),
                        p.getBoolean("per_channel"))));
        all.add(TransformDescriptor.of("salt_pepper",
                "Sets a random fraction of pixels to white (salt) or black (pepper).",
                List.of(ParamSpec.ofRange("amount", new Range(0.01, 0.06), 0, 1, 0,
                                "fraction of pixels hit (drawn with replacement), drawn uniformly per image; one number: a fixed fraction")
                                .withScalar(RangeScalar.EXACT),
                        ParamSpec.ofDouble("salt_vs_pepper", 0.5, 0, 1,
                                "share of the hit pixels that become white (255); the rest become black (0)")),
                p -> new SaltPepper("salt_pepper", p.getRange("amount"), p.getDouble("salt_vs_pepper"))));
        all.add(TransformDescriptor.of("speckle",
                "Multiplies every value by 1 + n with n ~ N(0, sigma) (multiplicative noise).",
                List.of(ParamSpec.ofRange("sigma", new Range(0.05, 0.15), 0, INF, 0,
                        "relative noise standard deviation, drawn uniformly per image; one number: a fixed sigma")
                        .withScalar(RangeScalar.EXACT)),
                p -> new Speckle("speckle", p.getRange("sigma"))));
        all.add(TransformDescriptor.of("gaussian_blur",
                "Blurs with a ksize x ksize Gaussian kernel of random sigma (border reflect_101).",
                List.of(ParamSpec.ofInt("ksize", 5, 1, 255, "kernel side in pixels, odd"),
                        ParamSpec.ofRange("sigma", new Range(0.1, 2.0), 0, INF, 0,
                                "Gaussian standard deviation in pixels, drawn uniformly; one number: a fixed sigma (0: derived from ksize)")
                                .withScalar(RangeScalar.EXACT)),
                p -> new GaussianBlur("gaussian_blur", oddKsize(p), p.getRange("sigma"))));
        all.add(TransformDescriptor.of("motion_blur",
                "Blurs along a line of ksize pixels through each pixel, at a random angle.",
                List.of(ParamSpec.ofInt("ksize", 7, 3, 255, "kernel side in pixels (the streak length), odd"),
                        ParamSpec.ofRange("angle", new Range(0, 180), -360, 360, 0,
                                "direction of the streak in degrees, drawn uniformly")),
                p -> new MotionBlur("motion_blur", oddKsize(p), p.getRange("angle"))));
        all.add(TransformDescriptor.of("cutout",
                "Fills num_holes square-ish holes (a fraction size of each side) at random positions.",
                List.of(ParamSpec.ofInt("num_holes", 8, 0, 10_000, "number of holes (they may overlap)"),
                        ParamSpec.ofDouble("size", 0.1, 0, 1,
                                "hole height and width as a fraction of the image height and width"),
                        ParamSpec.ofDoubles("fill", List.of(0.0), -INF, INF,
                                "fill value in pixel-value units: one for every channel, or one per channel")),
                p -> new Cutout("cutout", p.getInt("num_holes"), p.getDouble("size"), fill(p, "fill"))));
        all.add(TransformDescriptor.of("random_erasing",
                "Erases one random rectangle of random area and aspect ratio (torchvision RandomErasing).",
                List.of(ParamSpec.ofRange("scale", new Range(0.02, 0.33), 0, 1, 0,
                                "erased area as a fraction of the image area, drawn uniformly"),
                        ParamSpec.ofRange("ratio", new Range(0.3, 3.3), 0, INF, 0,
                                "aspect ratio h / w of the erased rectangle, drawn log-uniformly; above 0"),
                        ParamSpec.ofDoubles("value", List.of(0.0), -INF, INF,
                                "fill value in pixel-value units: one for every channel, or one per channel")),
                p -> {
                    Range ratio = p.getRange("ratio");
                    if (ratio.lo() <= 0) {
                        throw new ParameterException(p.transform(), "ratio", "= " + ratio + " must be above 0");
                    }
                    return new RandomErasing("random_erasing", p.getRange("scale"), ratio, fill(p, "value"));
                }));
        return all;
    }

    /** A fill colour: one value, or one per channel (so 3 or 4). */
    private static double[] fill(Params p, String name) {
        double[] v = p.getDoubleArray(name);
        if (v.length != 1 && v.length != 3 && v.length != 4) {
            throw new ParameterException(p.transform(), name, "has " + v.length
                    + " values; give one value for every channel, or one per channel (3 or 4)");
        }
        return v;
    }

    private static int oddKsize(Params p) {
        int k = p.getInt("ksize");
        if (k % 2 == 0) {
            throw new ParameterException(p.transform(), "ksize", "= " + k + " must be odd (e.g. " + (k + 1) + ")");
        }
        return k;
    }
}
