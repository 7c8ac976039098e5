package io.augment4j.opencv.crop;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.spi.OutputSize;
import io.augment4j.api.spi.TransformDescriptor;

/**
 * Crops the central box of a fixed size (a copy), offset {@code ((H - h) / 2, (W - w) / 2)} rounded down, as the
 * Python baseline's {@code center_crop}. A crop larger than the image is refused (put {@code pad_if_needed} first).
 */
public final class CenterCrop extends CropTransform {
    private final Sizing sizing;

    public CenterCrop(String name, Sizing sizing) {
        super(name, org.opencv.imgproc.Imgproc.INTER_LINEAR);
        this.sizing = sizing;
    }

    /** The {@code center_crop} descriptor. */
    public static TransformDescriptor descriptor() {
        return TransformDescriptor.of("center_crop",
                "Crops the central box of a given size (pixels or a fraction of each side).", sizeSpecs("crop"),
                p -> new CenterCrop("center_crop", Sizing.from(p))).withOutputSize(OutputSize.MAY_CHANGE);
    }

    @Override
    public CropParams sample(Sample input, Rng rng) {
        int h = input.image().height();
        int w = input.image().width();
        int ch = sizing.heightFor(h);
        int cw = sizing.widthFor(w);
        checkFits(ch, cw, h, w);
        return new CropParams((w - cw) / 2, (h - ch) / 2, cw, ch, cw, ch);
    }
}
