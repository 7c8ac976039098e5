package io.augment4j.opencv.geometric;

import io.augment4j.api.NoParams;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.geometry.ProjectiveParams;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.opencv.MatPool;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.Core;
import org.opencv.core.Mat;

import java.util.List;

/** Mirrors the image horizontally, vertically or both (OpenCV {@code flip}). Nothing is random but {@code p}. */
public final class Flip extends OpenCvTransform<NoParams> {
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
    public NoParams sample(Sample input, Rng rng) {
        return NoParams.INSTANCE;
    }

    @Override
    protected Mat process(Mat src, NoParams params) {
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        Core.flip(src, dst, axis.code);
        return dst;
    }

    /** The flip as a matrix on pixel-centre coordinates of a {@code width x height} image. */
    public ProjectiveParams geometry(int width, int height) {
        double sx = axis != Axis.VERTICAL ? -1 : 1;
        double sy = axis != Axis.HORIZONTAL ? -1 : 1;
        double[] m = {sx, 0, sx < 0 ? width - 1 : 0, 0, sy, sy < 0 ? height - 1 : 0, 0, 0, 1};
        return new ProjectiveParams() {
            @Override
            public double[] matrix() {
                return m.clone();
            }

            @Override
            public int outputWidth() {
                return width;
            }

            @Override
            public int outputHeight() {
                return height;
            }
        };
    }

    @Override
    public Class<NoParams> paramsType() {
        return NoParams.class;
    }
}
