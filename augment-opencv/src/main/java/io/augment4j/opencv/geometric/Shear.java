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
 * Shears the image about its centre, keeping its size: with {@code tx = tan(x)} and {@code ty = tan(y)} (angles
 * drawn from the {@code x} and {@code y} ranges), {@code x' = x + tx (y - cy)} and {@code y' = y + ty (x - cx)}, one
 * {@code warpAffine}. With {@code y = 0} (the default) this is exactly the Python baseline's {@code shear}:
 * {@code M = [[1, t, -t cy], [0, 1, 0]]}.
 */
public final class Shear extends ProjectiveWarp<Shear.Params> {
    /**
     * The sampled shear.
     *
     * @param x horizontal shear angle in degrees (rows slide sideways)
     * @param y vertical shear angle in degrees (columns slide up or down)
     * @param inputWidth width of the image it was drawn for (also the output width)
     * @param inputHeight height of the image it was drawn for
     */
    public record Params(double x, double y, int inputWidth, int inputHeight) implements ProjectiveWarp.Sized {
        @Override
        public double[] matrix() {
            double tx = Math.tan(Math.toRadians(x));
            double ty = Math.tan(Math.toRadians(y));
            double cx = (inputWidth - 1) * 0.5;
            double cy = (inputHeight - 1) * 0.5;
            return Matrices.affine(1, tx, -tx * cy, ty, 1, -ty * cx);
        }
    }

    private final Range x;
    private final Range y;

    public Shear(String name, Range x, Range y, WarpOptions options) {
        this(name, x, y, options, BoxMethod.CORNERS);
    }

    public Shear(String name, Range x, Range y, WarpOptions options, BoxMethod boxMethod) {
        super(name, options, boxMethod);
        this.x = x;
        this.y = y;
    }

    /** The {@code shear} descriptor. */
    public static TransformDescriptor descriptor() {
        List<ParamSpec> ps = new ArrayList<>();
        ps.add(ParamSpec.ofRange("x", Range.symmetric(10), -80, 80,
                "horizontal shear angle in degrees, drawn uniformly (x' = x + tan(a)(y - cy)); 0 for none"));
        ps.add(ParamSpec.ofRange("y", Range.symmetric(0), -80, 80,
                "vertical shear angle in degrees, drawn uniformly (y' = y + tan(a)(x - cx)); default none"));
        ps.addAll(WarpOptions.specs());
        ps.add(boxMethodSpec());
        return TransformDescriptor.of("shear",
                "Shears the image about its centre by random angles, keeping its size (cv2.warpAffine).", ps,
                p -> new Shear("shear", p.getRange("x"), p.getRange("y"), WarpOptions.from(p), boxMethodOf(p)));
    }

    @Override
    public Params sample(Sample input, Rng rng) {
        double sx = x.sample(rng);
        double sy = y.sample(rng);
        return new Params(sx, sy, input.image().width(), input.image().height());
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
