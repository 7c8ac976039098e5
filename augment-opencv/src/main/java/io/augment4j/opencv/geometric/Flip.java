package io.augment4j.opencv.geometric;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.geometry.ProjectiveParams;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.opencv.MatPool;
import org.opencv.core.Core;
import org.opencv.core.Mat;

import java.util.List;

/**
 * Mirrors the image horizontally, vertically or both (OpenCV {@code flip}). Nothing is random but {@code p}; the
 * parameter record only carries the image size so that it can state its matrix. A mask is flipped the same way.
 */
public final class Flip extends GeometricTransform<Flip.Params> {
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

    /** Masks flip exactly like images: a flip moves whole pixels. */
    @Override
    protected Mat map(Mat src, Params params, boolean mask) {
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        Core.flip(src, dst, params.axis().code);
        return dst;
    }

    /** A flip is exact under any interpolation: fused, it adopts its neighbours' settings. */
    @Override
    protected WarpOptions fusedSettings() {
        return null;
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

}
