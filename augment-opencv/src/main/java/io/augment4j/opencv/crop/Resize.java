package io.augment4j.opencv.crop;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.geometry.ProjectiveParams;
import io.augment4j.api.spi.OutputSize;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.opencv.MatPool;
import io.augment4j.opencv.geometric.GeometricTransform;
import io.augment4j.opencv.geometric.WarpOptions;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

/**
 * Resizes to a fixed size ({@code cv2.resize}). A side given as 0 becomes {@code floor(scale x side)} (at least 1),
 * so {@code scale: 0.5} is the Python baseline's {@code resize} ({@code (W // 2, H // 2)}).
 */
public final class Resize extends GeometricTransform<Resize.Params> {
    /**
     * The resize, fixed by the input size.
     *
     * @param inputWidth input width
     * @param inputHeight input height
     * @param outputWidth output width
     * @param outputHeight output height
     */
    public record Params(int inputWidth, int inputHeight, int outputWidth, int outputHeight)
            implements ProjectiveParams {
        @Override
        public double[] matrix() {
            double sx = (double) outputWidth / inputWidth;
            double sy = (double) outputHeight / inputHeight;
            return new double[] {sx, 0, 0.5 * sx - 0.5, 0, sy, 0.5 * sy - 0.5, 0, 0, 1};
        }
    }

    private final int height;
    private final int width;
    private final double scale;
    private final int interpolation;

    public Resize(String name, int height, int width, double scale, int interpolation) {
        super(name);
        this.height = height;
        this.width = width;
        this.scale = scale;
        this.interpolation = interpolation;
    }

    /** The {@code resize} descriptor. */
    public static TransformDescriptor descriptor() {
        List<ParamSpec> ps = new ArrayList<>();
        ps.add(ParamSpec.ofInt("height", 0, 0, 1 << 20, "output height in pixels; 0 = floor(scale x input height)"));
        ps.add(ParamSpec.ofInt("width", 0, 0, 1 << 20, "output width in pixels; 0 = floor(scale x input width)"));
        ps.add(ParamSpec.ofDouble("scale", 1.0, 1e-6, 1e4, "size factor for a side not given in pixels"));
        ps.add(WarpOptions.interpolationSpec());
        return TransformDescriptor.of("resize", "Resizes the image to a fixed size or by a factor (cv2.resize).", ps,
                p -> new Resize("resize", p.getInt("height"), p.getInt("width"), p.getDouble("scale"),
                        WarpOptions.interpolationCode(p.getString("interpolation"))))
                .withOutputSize(OutputSize.MAY_CHANGE);
    }

    @Override
    public Params sample(Sample input, Rng rng) {
        int h = input.image().height();
        int w = input.image().width();
        int oh = height > 0 ? height : Math.max(1, (int) Math.floor(h * scale));
        int ow = width > 0 ? width : Math.max(1, (int) Math.floor(w * scale));
        return new Params(w, h, ow, oh);
    }

    @Override
    protected Mat map(Mat src, Params p, boolean mask) {
        return resize(src, p, mask ? Imgproc.INTER_NEAREST : interpolation);
    }

    /** Fused: this interpolation, edges as reflect-101. */
    @Override
    protected WarpOptions fusedSettings() {
        return new WarpOptions(interpolation, Core.BORDER_REFLECT_101, new double[] {0});
    }

    private static Mat resize(Mat src, Params p, int interpolation) {
        Mat dst = MatPool.acquire(p.outputHeight(), p.outputWidth(), src.type());
        try {
            Imgproc.resize(src, dst, new Size(p.outputWidth(), p.outputHeight()), 0, 0, interpolation);
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        }
        return dst;
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

}
