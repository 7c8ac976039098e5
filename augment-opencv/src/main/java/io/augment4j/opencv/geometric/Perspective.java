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
 * A random perspective tilt, as the Python baseline's {@code perspective}: {@code s} is drawn from {@code scale};
 * each corner TL (0,0), TR (W-1,0), BR (W-1,H-1), BL (0,H-1) moves inward by {@code (U(0,s) W, U(0,s) H)} (drawn in
 * that order, x then y); the homography that takes this quadrilateral onto the four corners
 * ({@code getPerspectiveTransform}, points rounded to float as cv2 does) drives one {@code warpPerspective}, so the
 * quadrilateral is zoomed up to fill the output.
 */
public final class Perspective extends ProjectiveWarp<Perspective.Params> {
    /**
     * The sampled quadrilateral.
     *
     * @param quad the jittered corners TL, TR, BR, BL as {@code x0, y0, ..., x3, y3} (input pixel coordinates)
     * @param inputWidth width of the image it was drawn for (also the output width)
     * @param inputHeight height of the image it was drawn for
     */
    public record Params(double[] quad, int inputWidth, int inputHeight) implements ProjectiveWarp.Sized {
        @Override
        public double[] matrix() {
            double w = inputWidth - 1;
            double h = inputHeight - 1;
            return Matrices.perspective(quad, new double[] {0, 0, w, 0, w, h, 0, h});
        }
    }

    private static final int[] INWARD = {1, 1, -1, 1, -1, -1, 1, -1};

    private final Range scale;

    public Perspective(String name, Range scale, WarpOptions options) {
        this(name, scale, options, BoxMethod.CORNERS);
    }

    public Perspective(String name, Range scale, WarpOptions options, BoxMethod boxMethod) {
        super(name, options, boxMethod);
        this.scale = scale;
    }

    /** The {@code perspective} descriptor. */
    public static TransformDescriptor descriptor() {
        List<ParamSpec> ps = new ArrayList<>();
        ps.add(ParamSpec.ofRange("scale", new Range(0.05, 0.1), 0, 0.49,
                "largest inward corner shift as a fraction of the size, drawn uniformly per image"));
        ps.addAll(WarpOptions.specs());
        ps.add(boxMethodSpec());
        return TransformDescriptor.of("perspective",
                "Random perspective tilt: corners pulled inward, then zoomed back to the full size.", ps,
                p -> new Perspective("perspective", p.getRange("scale"), WarpOptions.from(p), boxMethodOf(p)));
    }

    @Override
    public Params sample(Sample input, Rng rng) {
        int w = input.image().width();
        int h = input.image().height();
        double s = scale.sample(rng);
        double[] corners = {0, 0, w - 1, 0, w - 1, h - 1, 0, h - 1};
        double[] quad = new double[8];
        for (int i = 0; i < 8; i++) {
            double j = rng.uniform(0, s) * (i % 2 == 0 ? w : h);
            quad[i] = (float) (corners[i] + INWARD[i] * j);
        }
        return new Params(quad, w, h);
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
