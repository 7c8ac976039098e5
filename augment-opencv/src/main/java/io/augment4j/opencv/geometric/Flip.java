package io.augment4j.opencv.geometric;

import io.augment4j.api.geometry.FusableWarp;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.geometry.ProjectiveParams;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.opencv.MatPool;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.Core;
import org.opencv.core.Mat;

import java.util.List;
import java.util.Set;

/**
 * Mirrors the image horizontally, vertically or both (OpenCV {@code flip}). Nothing is random but {@code p}; the
 * parameter record only carries the image size so that it can state its matrix. A mask is flipped the same way.
 */
public final class Flip extends OpenCvTransform<Flip.Params> implements FusableWarp<Flip.Params> {
    /**
     * The flip of one image.
     *
     * @param axis which way
     * @param inputWidth image width
     * @param inputHeight image height
     */
    public record Params(Axis axis, int inputWidth, int inputHeight) implements ProjectiveParams {
        @Override
        public double[] matrix() {
            return flipMatrix(axis, inputWidth, inputHeight);
        }

        @Override
        public int outputWidth() {
            return inputWidth;
        }

        @Override
        public int outputHeight() {
            return inputHeight;
        }
    }

    /** Which way to mirror. */
    public enum Axis {
        HORIZONTAL(1), VERTICAL(0), BOTH(-1);

        final int code;

        Axis(int code) {
            this.code = code;
        }
    }

    private final Axis axis;

    public Flip(String name, Axis axis) {
        super(name);
        this.axis = axis;
    }

    /** Registry entries: {@code hflip}, {@code vflip}, and {@code flip} with a {@code direction} parameter. */
    public static List<TransformDescriptor> descriptors() {
        return List.of(
                TransformDescriptor.of("hflip", "Mirrors the image left-right.", List.of(),
                        p -> new Flip("hflip", Axis.HORIZONTAL)),
                TransformDescriptor.of("vflip", "Mirrors the image top-bottom.", List.of(),
                        p -> new Flip("vflip", Axis.VERTICAL)),
                TransformDescriptor.of("flip", "Mirrors the image horizontally, vertically or both.",
                        List.of(ParamSpec.ofChoice("direction", "horizontal", List.of("horizontal", "vertical", "both"),
                                "which way to mirror")),
                        p -> new Flip("flip", Axis.valueOf(p.getString("direction").toUpperCase()))));
    }

    @Override
    public Params sample(Sample input, Rng rng) {
        return new Params(axis, input.image().width(), input.image().height());
    }

    @Override
    protected Mat process(Mat src, Params params) {
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        Core.flip(src, dst, params.axis().code);
        return dst;
    }

    @Override
    protected Sample applyToRiders(Sample input, Sample output, Params params) {
        return MaskRider.follow(input, output, m -> process(m, params));
    }

    @Override
    public Set<Target> targets() {
        return MaskRider.TARGETS;
    }

    private static double[] flipMatrix(Axis axis, int width, int height) {
        double sx = axis != Axis.VERTICAL ? -1 : 1;
        double sy = axis != Axis.HORIZONTAL ? -1 : 1;
        return new double[] {sx, 0, sx < 0 ? width - 1 : 0, 0, sy, sy < 0 ? height - 1 : 0, 0, 0, 1};
    }

    /** The flip as a matrix on pixel-centre coordinates of a {@code width x height} image. */
    public ProjectiveParams geometry(int width, int height) {
        return new Params(axis, width, height);
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    /** Part of a fused warp: the combined matrix, with this transform's resampling settings. */
    @Override
    public Sample warp(Sample input, double[] matrix, int outWidth, int outHeight) {
        checkInput(input.image());
        return FusedWarp.apply(name(), input, matrix, outWidth, outHeight, WarpOptions.DEFAULT);
    }

    @Override
    public Object warpSettings() {
        return null;
    }
}
