package io.augment4j.opencv.geometric;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.geometry.Matrices;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Range;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.targets.BoxMethod;

import java.util.ArrayList;
import java.util.List;

/**
 * Rotates the image about its centre {@code ((W-1)/2, (H-1)/2)} by an angle drawn uniformly from {@code limit},
 * keeping the size: the matrix of {@code cv2.getRotationMatrix2D(centre, angle, 1)} (positive angle =
 * counter-clockwise on screen) and one {@code warpAffine}, as the Python baseline's {@code rotate}.
 *
 * <p>With that pixel-centre convention a square image rotated by exactly 90 degrees maps pixel centres onto pixel
 * centres, so the result equals {@code transpose} + vertical flip bit for bit (with any interpolation).
 */
public final class Rotate extends ProjectiveWarp<Rotate.Params> {
    /**
     * The sampled rotation.
     *
     * @param angle degrees, positive = counter-clockwise
     * @param inputWidth width of the image it was drawn for (also the output width)
     * @param inputHeight height of the image it was drawn for
     */
    public record Params(double angle, int inputWidth, int inputHeight) implements ProjectiveWarp.Sized {
        @Override
        public double[] matrix() {
            return Matrices.rotation((inputWidth - 1) * 0.5, (inputHeight - 1) * 0.5, angle, 1);
        }
    }

    private final Range limit;

    public Rotate(String name, Range limit, WarpOptions options) {
        this(name, limit, options, BoxMethod.CORNERS);
    }

    public Rotate(String name, Range limit, WarpOptions options, BoxMethod boxMethod) {
        super(name, options, boxMethod);
        this.limit = limit;
    }

    /** The {@code rotate} descriptor. */
    public static TransformDescriptor descriptor() {
        List<ParamSpec> ps = new ArrayList<>();
        ps.add(ParamSpec.ofRange("limit", Range.symmetric(15), -360, 360,
                "rotation angle in degrees, drawn uniformly; positive = counter-clockwise; v means [-v, v]"));
        ps.addAll(WarpOptions.specs());
        ps.add(boxMethodSpec());
        return TransformDescriptor.of("rotate",
                "Rotates the image about its centre by a random angle, keeping its size (cv2.warpAffine).", ps,
                p -> new Rotate("rotate", p.getRange("limit"), WarpOptions.from(p), boxMethodOf(p)));
    }

    @Override
    public Params sample(Sample input, Rng rng) {
        return new Params(limit.sample(rng), input.image().width(), input.image().height());
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
