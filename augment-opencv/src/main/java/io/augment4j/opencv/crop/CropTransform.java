package io.augment4j.opencv.crop;

import io.augment4j.api.ImageFormatException;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Params;
import io.augment4j.opencv.MatPool;
import io.augment4j.opencv.geometric.GeometricTransform;
import io.augment4j.opencv.geometric.WarpOptions;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.List;

/**
 * Base of the crops: applies a {@link CropParams} box by a submatrix view that is copied (or resized directly) into
 * a pooled output Mat; the view header is released at once.
 */
public abstract class CropTransform extends GeometricTransform<CropParams> {
    protected final int interpolation;

    protected CropTransform(String name, int interpolation) {
        super(name);
        this.interpolation = interpolation;
    }

    @Override
    protected Mat map(Mat src, CropParams p, boolean mask) {
        return crop(src, p, mask ? Imgproc.INTER_NEAREST : interpolation);
    }

    /** Fused: this interpolation; the crop itself never reaches a border. */
    @Override
    protected WarpOptions fusedSettings() {
        return new WarpOptions(interpolation, Core.BORDER_REFLECT_101, new double[] {0});
    }

    private Mat crop(Mat src, CropParams p, int interpolation) {
        if (p.x() < 0 || p.y() < 0 || p.width() <= 0 || p.height() <= 0 || p.x() + p.width() > src.cols()
                || p.y() + p.height() > src.rows()) {
            throw new ImageFormatException("transform '" + name() + "': crop box " + p.width() + "x" + p.height()
                    + " at (" + p.x() + ", " + p.y() + ") does not fit a " + src.rows() + "x" + src.cols() + " image");
        }
        Mat dst = MatPool.acquire(p.outputHeight(), p.outputWidth(), src.type());
        Mat view = src.submat(p.y(), p.y() + p.height(), p.x(), p.x() + p.width());
        try {
            if (p.resized()) {
                Imgproc.resize(view, dst, new Size(p.outputWidth(), p.outputHeight()), 0, 0, interpolation);
            } else {
                view.copyTo(dst);
            }
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        } finally {
            view.release();
        }
        return dst;
    }

    @Override
    public Class<CropParams> paramsType() {
        return CropParams.class;
    }

    // ---- shared sizing parameters ------------------------------------------------------------------------

    static List<ParamSpec> sizeSpecs(String what) {
        return List.of(
                ParamSpec.ofInt("height", 0, 0, 1 << 20, what + " height in pixels; 0 = round(fraction x image height)"),
                ParamSpec.ofInt("width", 0, 0, 1 << 20, what + " width in pixels; 0 = round(fraction x image width)"),
                ParamSpec.ofDouble("fraction", 1.0, 1e-6, 1.0,
                        "size as a fraction of each image side, for a side not given in pixels"));
    }

    /** The crop sides asked for: pixels, or a fraction of the image side rounded half-even (as Python's round). */
    public record Sizing(int height, int width, double fraction) {
        public static Sizing from(Params p) {
            return new Sizing(p.getInt("height"), p.getInt("width"), p.getDouble("fraction"));
        }

        public int heightFor(int imageHeight) {
            return height > 0 ? height : Math.max(1, (int) Math.rint(imageHeight * fraction));
        }

        public int widthFor(int imageWidth) {
            return width > 0 ? width : Math.max(1, (int) Math.rint(imageWidth * fraction));
        }
    }

    /** Refuses a crop larger than the image, naming the transform and both sizes. */
    void checkFits(int ch, int cw, int h, int w) {
        if (ch > h || cw > w) {
            throw new ImageFormatException("transform '" + name() + "': the crop " + ch + "x" + cw
                    + " (height x width) is larger than the " + h + "x" + w
                    + " image; put pad_if_needed before it or ask for a smaller crop");
        }
    }

    static int interpolationOf(Params p) {
        return WarpOptions.interpolationCode(p.getString("interpolation"));
    }

}
