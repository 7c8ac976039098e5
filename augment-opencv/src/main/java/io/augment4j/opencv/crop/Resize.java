package io.augment4j.opencv.crop;

import io.augment4j.opencv.geometric.FusedWarp;
import io.augment4j.api.geometry.FusableWarp;
import io.augment4j.api.Rng;
import io.augment4j.api.Target;
import io.augment4j.api.Sample;
import io.augment4j.api.geometry.ProjectiveParams;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.opencv.MatPool;
import io.augment4j.opencv.OpenCvTransform;
import io.augment4j.opencv.geometric.MaskRider;
import io.augment4j.opencv.geometric.WarpOptions;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resizes to a fixed size ({@code cv2.resize}). A side given as 0 becomes {@code floor(scale x side)} (at least 1),
 * so {@code scale: 0.5} is the Python baseline's {@code resize} ({@code (W // 2, H // 2)}).
 */
public final class Resize extends OpenCvTransform<Resize.Params> implements FusableWarp<Resize.Params> {
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
                        WarpOptions.interpolationCode(p.getString("interpolation"))));
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
    protected Mat process(Mat src, Params p) {
        return resize(src, p, interpolation);
    }

    /**
     * Image first (without the mask, whose old size the new image would not match), then the mask by the same
     * geometry, nearest-neighbour (label 0 for a constant border).
     */
    @Override
    public Sample apply(Sample input, Params params) {
        Sample out = super.apply(input.mask() == null ? input : input.withMask(null), params);
        return MaskRider.follow(input, out, m -> resize(m, params, Imgproc.INTER_NEAREST));
    }

    @Override
    public Set<Target> targets() {
        return MaskRider.TARGETS;
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

    /** Part of a fused warp: the combined matrix, with this transform's resampling settings. */
    @Override
    public Sample warp(Sample input, double[] matrix, int outWidth, int outHeight) {
        checkInput(input.image());
        return FusedWarp.apply(name(), input, matrix, outWidth, outHeight, settings());
    }

    @Override
    public Object warpSettings() {
        return settings();
    }

    /** Resampling settings when fused with other warps: this interpolation; edges as reflect-101. */
    private WarpOptions settings() {
        return new WarpOptions(interpolation, org.opencv.core.Core.BORDER_REFLECT_101, new double[] {0});
    }
}
