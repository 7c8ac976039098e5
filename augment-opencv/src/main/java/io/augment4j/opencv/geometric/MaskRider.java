package io.augment4j.opencv.geometric;

import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.opencv.MatImage;
import io.augment4j.opencv.MatSource;
import org.opencv.core.Mat;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Moves a sample's mask with its image: the same geometry with nearest-neighbour sampling (labels are never
 * blended) and, for a constant border, label 0. Boxes and keypoints move separately
 * ({@link io.augment4j.api.targets.TargetMover}).
 */
public final class MaskRider {
    /** Image and mask: what a transform carries that moves masks but not boxes or keypoints. */
    public static final Set<Target> TARGETS = Set.copyOf(EnumSet.of(Target.IMAGE, Target.MASK));

    private MaskRider() {
    }

    /**
     * {@code output} with {@code input}'s mask mapped by {@code geometry} (which returns a new pooled Mat), or
     * {@code output} unchanged when there is no mask. On failure the output image is closed before rethrowing.
     */
    public static Sample follow(Sample input, Sample output, UnaryOperator<Mat> geometry) {
        if (input.mask() == null) {
            return output;
        }
        try (MatSource src = MatSource.of(input.mask())) {
            return output.withMask(MatImage.own(geometry.apply(src.mat())));
        } catch (RuntimeException e) {
            if (output.image() != input.image()) {
                output.image().close();
            }
            throw e;
        }
    }

    /** The warp settings for a mask: nearest, the image's border, fill 0. */
    public static WarpOptions maskOptions(WarpOptions image) {
        return new WarpOptions(org.opencv.imgproc.Imgproc.INTER_NEAREST, image.border(), new double[] {0});
    }
}
