package io.augment4j.opencv.crop;

import io.augment4j.api.ImageFormatException;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.geometry.ProjectiveParams;
import io.augment4j.api.spi.OutputSize;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.opencv.MatPool;
import io.augment4j.opencv.geometric.GeometricTransform;
import io.augment4j.opencv.geometric.MaskRider;
import io.augment4j.opencv.geometric.WarpOptions;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import java.util.List;

/**
 * Pads an image smaller than {@code min_height x min_width} up to that size, keeping it centred (the odd pixel goes
 * to the bottom / right, as Albumentations' {@code PadIfNeeded}), with {@code copyMakeBorder}. Larger sides are left
 * as they are; an image that needs no padding is copied unchanged.
 */
public final class PadIfNeeded extends GeometricTransform<PadIfNeeded.Params> {
    /**
     * The padding, in pixels per side.
     *
     * @param top rows added above
     * @param bottom rows added below
     * @param left columns added on the left
     * @param right columns added on the right
     * @param inputWidth input width
     * @param inputHeight input height
     */
    public record Params(int top, int bottom, int left, int right, int inputWidth, int inputHeight)
            implements ProjectiveParams {
        @Override
        public double[] matrix() {
            return new double[] {1, 0, left, 0, 1, top, 0, 0, 1};
        }

        @Override
        public int outputWidth() {
            return inputWidth + left + right;
        }

        @Override
        public int outputHeight() {
            return inputHeight + top + bottom;
        }
    }

    private final int minHeight;
    private final int minWidth;
    private final WarpOptions options;

    public PadIfNeeded(String name, int minHeight, int minWidth, WarpOptions options) {
        super(name);
        this.minHeight = minHeight;
        this.minWidth = minWidth;
        this.options = options;
    }

    /** The {@code pad_if_needed} descriptor. */
    public static TransformDescriptor descriptor() {
        return TransformDescriptor.of("pad_if_needed",
                "Pads the image, centred, up to a minimum height and width (copyMakeBorder).",
                List.of(ParamSpec.ofInt("min_height", 0, 0, 1 << 20, "smallest output height in pixels; 0 = any"),
                        ParamSpec.ofInt("min_width", 0, 0, 1 << 20, "smallest output width in pixels; 0 = any"),
                        WarpOptions.borderSpec(), WarpOptions.fillSpec()),
                p -> new PadIfNeeded("pad_if_needed", p.getInt("min_height"), p.getInt("min_width"),
                        new WarpOptions(Imgproc.INTER_NEAREST, WarpOptions.borderCode(p.getString("border")),
                                p.getDoubleArray("fill")))).withOutputSize(OutputSize.MAY_CHANGE);
    }

    @Override
    public Params sample(Sample input, Rng rng) {
        int h = input.image().height();
        int w = input.image().width();
        int padH = Math.max(0, minHeight - h);
        int padW = Math.max(0, minWidth - w);
        return new Params(padH / 2, padH - padH / 2, padW / 2, padW - padW / 2, w, h);
    }

    @Override
    protected Mat map(Mat src, Params p, boolean mask) {
        return pad(src, p, mask ? MaskRider.maskOptions(options) : options);
    }

    /** Padding is a whole-pixel shift, exact under linear interpolation: only the border and fill matter. */
    @Override
    protected WarpOptions fusedSettings() {
        return new WarpOptions(Imgproc.INTER_LINEAR, options.border(), options.fill());
    }

    private Mat pad(Mat src, Params p, WarpOptions options) {
        if (src.cols() != p.inputWidth() || src.rows() != p.inputHeight()) {
            throw new ImageFormatException("transform '" + name() + "': parameters were drawn for a "
                    + p.inputHeight() + "x" + p.inputWidth() + " image but the image is " + src.rows() + "x"
                    + src.cols());
        }
        Mat dst = MatPool.acquire(p.outputHeight(), p.outputWidth(), src.type());
        try {
            Core.copyMakeBorder(src, dst, p.top(), p.bottom(), p.left(), p.right(), options.border(),
                    options.fillScalar(name(), src.channels()));
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
