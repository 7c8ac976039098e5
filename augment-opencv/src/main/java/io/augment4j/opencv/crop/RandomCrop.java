package io.augment4j.opencv.crop;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.spi.OutputSize;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.opencv.geometric.WarpOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Crops a box of a fixed size at a random integer offset (top row drawn first, then left column, each uniform over
 * every position that keeps the box inside). A crop larger than the image is refused (put {@code pad_if_needed}
 * first). With {@code resize_back: true} the crop is resized to the input's size, which with
 * {@code fraction: 0.8} is exactly the Python baseline's {@code crop_resize}.
 */
public final class RandomCrop extends CropTransform {
    private final Sizing sizing;
    private final boolean resizeBack;

    public RandomCrop(String name, Sizing sizing, boolean resizeBack, int interpolation) {
        super(name, interpolation);
        this.sizing = sizing;
        this.resizeBack = resizeBack;
    }

    /** The {@code random_crop} descriptor. */
    public static TransformDescriptor descriptor() {
        List<ParamSpec> ps = new ArrayList<>(sizeSpecs("crop"));
        ps.add(ParamSpec.ofBoolean("resize_back", false, "resize the crop back to the input's size"));
        ps.add(WarpOptions.interpolationSpec());
        return TransformDescriptor.of("random_crop",
                "Crops a box of a given size (pixels or a fraction of each side) at a random position.", ps,
                p -> new RandomCrop("random_crop", Sizing.from(p), p.getBoolean("resize_back"), interpolationOf(p)))
                .withOutputSize(OutputSize.MAY_CHANGE);
    }

    @Override
    public CropParams sample(Sample input, Rng rng) {
        int h = input.image().height();
        int w = input.image().width();
        int ch = sizing.heightFor(h);
        int cw = sizing.widthFor(w);
        checkFits(ch, cw, h, w);
        int y = rng.nextInt(0, h - ch);
        int x = rng.nextInt(0, w - cw);
        return resizeBack ? new CropParams(x, y, cw, ch, w, h) : new CropParams(x, y, cw, ch, cw, ch);
    }
}
