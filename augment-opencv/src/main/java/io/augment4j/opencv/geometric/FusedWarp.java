package io.augment4j.opencv.geometric;

import io.augment4j.api.Sample;
import io.augment4j.opencv.MatImage;
import io.augment4j.opencv.MatSource;
import org.opencv.core.Mat;

/**
 * Executes a fused warp for any {@link io.augment4j.api.geometry.FusableWarp} of this module: the image by the
 * combined matrix with the given settings, and the mask (if any) by the same matrix, nearest-neighbour.
 */
public final class FusedWarp {
    private FusedWarp() {
    }

    /** Warps {@code input}'s image and mask by {@code m} into {@code width x height}. */
    public static Sample apply(String name, Sample input, double[] m, int width, int height, WarpOptions options) {
        Mat out;
        try (MatSource src = MatSource.of(input.image())) {
            out = ProjectiveWarp.warp(name, src.mat(), m, width, height, options);
        }
        Sample base = input.mask() == null ? input : input.withMask(null);
        Sample output = base.withImage(MatImage.own(out));
        return MaskRider.follow(input, output,
                mask -> ProjectiveWarp.warp(name, mask, m, width, height, MaskRider.maskOptions(options)));
    }
}
