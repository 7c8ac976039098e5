package io.augment4j.opencv.crop;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.spi.OutputSize;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Range;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.opencv.geometric.WarpOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * torchvision's {@code RandomResizedCrop}: up to 10 tries of an area fraction drawn from {@code scale} and an aspect
 * ratio (width / height) drawn log-uniformly from {@code ratio}; the first box that fits is placed at a random
 * offset (row, then column); otherwise the central crop clamped to the ratio range. The box is resized to
 * {@code height x width} (0 = the input's size along that side), as the Python baseline's
 * {@code random_resized_crop}.
 */
public final class RandomResizedCrop extends CropTransform {
    private final int height;
    private final int width;
    private final Range scale;
    private final Range ratio;

    public RandomResizedCrop(String name, int height, int width, Range scale, Range ratio, int interpolation) {
        super(name, interpolation);
        this.height = height;
        this.width = width;
        this.scale = scale;
        this.ratio = ratio;
    }

    /** The {@code random_resized_crop} descriptor. */
    public static TransformDescriptor descriptor() {
        List<ParamSpec> ps = new ArrayList<>();
        ps.add(ParamSpec.ofInt("height", 0, 0, 1 << 20, "output height in pixels; 0 = the input's height"));
        ps.add(ParamSpec.ofInt("width", 0, 0, 1 << 20, "output width in pixels; 0 = the input's width"));
        ps.add(ParamSpec.ofRange("scale", new Range(0.08, 1.0), 0, 1,
                "crop area as a fraction of the image area, drawn uniformly"));
        ps.add(ParamSpec.ofRange("ratio", new Range(3.0 / 4.0, 4.0 / 3.0), 0.01, 100, 1,
                "crop aspect ratio (width / height), drawn log-uniformly"));
        ps.add(WarpOptions.interpolationSpec());
        return TransformDescriptor.of("random_resized_crop",
                "Crops a random area and aspect ratio and resizes it (torchvision RandomResizedCrop).", ps,
                p -> new RandomResizedCrop("random_resized_crop", p.getInt("height"), p.getInt("width"),
                        p.getRange("scale"), p.getRange("ratio"), interpolationOf(p)))
                .withOutputSize(OutputSize.MAY_CHANGE);
    }

    @Override
    public CropParams sample(Sample input, Rng rng) {
        int h = input.image().height();
        int w = input.image().width();
        int oh = height > 0 ? height : h;
        int ow = width > 0 ? width : w;
        double area = (double) h * w;
        double logLo = Math.log(ratio.lo());
        double logHi = Math.log(ratio.hi());
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * rng.uniform(scale.lo(), scale.hi());
            double ar = Math.exp(rng.uniform(logLo, logHi));
            int cw = (int) Math.rint(Math.sqrt(target * ar));
            int ch = (int) Math.rint(Math.sqrt(target / ar));
            if (cw > 0 && cw <= w && ch > 0 && ch <= h) {
                int y = rng.nextInt(0, h - ch);
                int x = rng.nextInt(0, w - cw);
                return new CropParams(x, y, cw, ch, ow, oh);
            }
        }
        double inRatio = (double) w / h;
        int cw;
        int ch;
        if (inRatio < ratio.lo()) {
            cw = w;
            ch = Math.max(1, (int) Math.rint(w / ratio.lo()));
        } else if (inRatio > ratio.hi()) {
            ch = h;
            cw = Math.max(1, (int) Math.rint(h * ratio.hi()));
        } else {
            cw = w;
            ch = h;
        }
        return new CropParams((w - cw) / 2, (h - ch) / 2, cw, ch, ow, oh);
    }
}
