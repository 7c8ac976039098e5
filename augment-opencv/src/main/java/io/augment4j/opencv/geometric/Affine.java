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
 * Rotation, scale, translation and horizontal shear in one {@code warpAffine}, as the Python baseline's
 * {@code affine}: {@code A = s [[cos, sin], [-sin, cos]] · [[1, tan(shear)], [0, 1]]} (rotation as
 * {@code getRotationMatrix2D}, positive = counter-clockwise) and {@code M = [A, c + (tx W, ty H) - A c]} with
 * {@code c = ((W-1)/2, (H-1)/2)}. Values are drawn in this order: angle, scale, tx, ty, shear.
 */
public final class Affine extends ProjectiveWarp<Affine.Params> {
    /**
     * The sampled affine map.
     *
     * @param angle rotation in degrees, positive = counter-clockwise
     * @param scale zoom factor (1 = none)
     * @param translateX horizontal shift as a fraction of the width
     * @param translateY vertical shift as a fraction of the height
     * @param shear horizontal shear angle in degrees
     * @param inputWidth width of the image it was drawn for (also the output width)
     * @param inputHeight height of the image it was drawn for
     */
    public record Params(double angle, double scale, double translateX, double translateY, double shear,
                         int inputWidth, int inputHeight) implements ProjectiveWarp.Sized {
        @Override
        public double[] matrix() {
            double rad = Math.toRadians(angle);
            double a = scale * Math.cos(rad);
            double b = scale * Math.sin(rad);
            double sh = Math.tan(Math.toRadians(shear));
            double l00 = a;
            double l01 = a * sh + b;
            double l10 = -b;
            double l11 = -b * sh + a;
            double cx = (inputWidth - 1) * 0.5;
            double cy = (inputHeight - 1) * 0.5;
            double ox = cx + translateX * inputWidth - (l00 * cx + l01 * cy);
            double oy = cy + translateY * inputHeight - (l10 * cx + l11 * cy);
            return Matrices.affine(l00, l01, ox, l10, l11, oy);
        }
    }

    private final Range rotate;
    private final Range scale;
    private final Range translate;
    private final Range shear;

    public Affine(String name, Range rotate, Range scale, Range translate, Range shear, WarpOptions options) {
        this(name, rotate, scale, translate, shear, options, BoxMethod.CORNERS);
    }

    public Affine(String name, Range rotate, Range scale, Range translate, Range shear, WarpOptions options,
                  BoxMethod boxMethod) {
        super(name, options, boxMethod);
        this.rotate = rotate;
        this.scale = scale;
        this.translate = translate;
        this.shear = shear;
    }

    /** The {@code affine} descriptor. */
    public static TransformDescriptor descriptor() {
        List<ParamSpec> ps = new ArrayList<>();
        ps.add(ParamSpec.ofRange("rotate", Range.symmetric(15), -360, 360,
                "rotation angle in degrees, positive = counter-clockwise; v means [-v, v]"));
        ps.add(ParamSpec.ofRange("scale", new Range(0.9, 1.1), 0.01, 100, 1,
                "zoom factor drawn uniformly; v means [1 - v, 1 + v]"));
        ps.add(ParamSpec.ofRange("translate", Range.symmetric(0.1), -1, 1,
                "shift as a fraction of the width (x) and of the height (y), drawn independently; v means [-v, v]"));
        ps.add(ParamSpec.ofRange("shear", Range.symmetric(10), -80, 80,
                "horizontal shear angle in degrees; v means [-v, v]"));
        ps.addAll(WarpOptions.specs());
        ps.add(boxMethodSpec());
        return TransformDescriptor.of("affine",
                "Random rotation, zoom, shift and shear about the centre in one warp (cv2.warpAffine).", ps,
                p -> new Affine("affine", p.getRange("rotate"), p.getRange("scale"), p.getRange("translate"),
                        p.getRange("shear"), WarpOptions.from(p), boxMethodOf(p)));
    }

    @Override
    public Params sample(Sample input, Rng rng) {
        double angle = rotate.sample(rng);
        double s = scale.sample(rng);
        double tx = translate.sample(rng);
        double ty = translate.sample(rng);
        double sh = shear.sample(rng);
        return new Params(angle, s, tx, ty, sh, input.image().width(), input.image().height());
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
