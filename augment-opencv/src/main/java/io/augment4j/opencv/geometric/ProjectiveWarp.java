package io.augment4j.opencv.geometric;

import io.augment4j.api.ImageFormatException;
import io.augment4j.api.geometry.Matrices;
import io.augment4j.api.geometry.ProjectiveParams;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Params;
import io.augment4j.api.targets.BoxMethod;
import io.augment4j.opencv.MatPool;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.Arrays;

/**
 * Base of the transforms that are one matrix warp of the whole image (rotate, shear, affine, perspective): the
 * sampled record gives the 3x3 matrix and the output size; an affine matrix runs {@code warpAffine}, anything else
 * {@code warpPerspective}. The output buffer comes from the {@link MatPool}; the small matrix lives in a per-thread
 * scratch Mat, so a call allocates no native memory in steady state.
 *
 * @param <P> the sampled parameter record
 */
public abstract class ProjectiveWarp<P extends ProjectiveWarp.Sized> extends GeometricTransform<P> {
    /** A projective record that also says which input size it was sampled for. */
    public interface Sized extends ProjectiveParams {
        /** Width of the input the parameters were drawn for. */
        int inputWidth();

        /** Height of the input the parameters were drawn for. */
        int inputHeight();

        /** These warps keep the image size. */
        @Override
        default int outputWidth() {
            return inputWidth();
        }

        @Override
        default int outputHeight() {
            return inputHeight();
        }
    }

    /** {@link #mirrorCode}: the matrix is not a flip of the image onto itself. */
    static final int NOT_A_MIRROR = Integer.MIN_VALUE;
    /** {@link #mirrorCode}: the matrix is the identity. */
    static final int IDENTITY = Integer.MAX_VALUE;
    /** How far (in pixels, or in matrix units) an entry may be from an exact flip's and still count as one. */
    private static final double MIRROR_TOLERANCE = 1e-9;

    private static final ThreadLocal<Mat> AFFINE = ThreadLocal.withInitial(() -> new Mat(2, 3, CvType.CV_64F));
    private static final ThreadLocal<Mat> HOMOGRAPHY = ThreadLocal.withInitial(() -> new Mat(3, 3, CvType.CV_64F));

    protected final WarpOptions options;
    private final BoxMethod boxMethod;

    protected ProjectiveWarp(String name, WarpOptions options) {
        this(name, options, BoxMethod.CORNERS);
    }

    protected ProjectiveWarp(String name, WarpOptions options, BoxMethod boxMethod) {
        super(name);
        this.options = options;
        this.boxMethod = boxMethod;
    }

    /** {@code bbox_method} parameter declaration. */
    public static ParamSpec boxMethodSpec() {
        return ParamSpec.ofChoice("bbox_method", "corners",
                Arrays.stream(BoxMethod.values()).map(BoxMethod::id).toList(),
                "how a turned box is rebuilt: corners (encloses the moved corners) or ellipse (encloses the moved "
                        + "inscribed ellipse, as Albumentations' rotate_method='ellipse')");
    }

    /** Reads {@code bbox_method}. */
    public static BoxMethod boxMethodOf(Params p) {
        return BoxMethod.of(p.getString("bbox_method"));
    }

    @Override
    public BoxMethod boxMethod() {
        return boxMethod;
    }

    /** The resampling settings. */
    public WarpOptions options() {
        return options;
    }

    @Override
    protected Mat map(Mat src, P params, boolean mask) {
        checkSize(name(), src, params.inputWidth(), params.inputHeight());
        return warp(name(), src, params.matrix(), params.outputWidth(), params.outputHeight(),
                mask ? MaskRider.maskOptions(options) : options);
    }

    @Override
    protected WarpOptions fusedSettings() {
        return options;
    }

    /** Refuses parameters drawn for another image size. */
    static void checkSize(String name, Mat src, int width, int height) {
        if (src.cols() != width || src.rows() != height) {
            throw new ImageFormatException("transform '" + name + "': parameters were drawn for a " + height + "x"
                    + width + " image but the image is " + src.rows() + "x" + src.cols());
        }
    }

    /**
     * Warps {@code src} by the 3x3 {@code m} into a new pooled Mat of {@code width x height}. A matrix that only
     * mirrors the image onto itself (a horizontal flip, a vertical flip, both, or the identity: every output pixel
     * centre lands on an input pixel centre) is done by {@code Core.flip} or a copy, which give the very pixels the
     * warp would (interpolation at whole pixels returns them as they are) at a fraction of its cost; a fused run
     * whose rotation and crop did not fire ends up here.
     */
    public static Mat warp(String name, Mat src, double[] m, int width, int height, WarpOptions options) {
        Mat dst = MatPool.acquire(height, width, src.type());
        try {
            int mirror = width == src.cols() && height == src.rows() ? mirrorCode(m, width, height) : NOT_A_MIRROR;
            if (mirror == IDENTITY) {
                src.copyTo(dst);
                return dst;
            }
            if (mirror != NOT_A_MIRROR) {
                Core.flip(src, dst, mirror);
                return dst;
            }
            Size size = new Size(width, height);
            int flags = options.warpInterpolation();
            if (Matrices.isAffine(m)) {
                Mat a = AFFINE.get();
                a.put(0, 0, m[0], m[1], m[2], m[3], m[4], m[5]);
                Imgproc.warpAffine(src, dst, a, size, flags, options.border(),
                        options.fillScalar(name, src.channels()));
            } else {
                Mat h = HOMOGRAPHY.get();
                h.put(0, 0, m);
                Imgproc.warpPerspective(src, dst, h, size, flags, options.border(),
                        options.fillScalar(name, src.channels()));
            }
            return dst;
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        }
    }


    /**
     * {@code Core.flip}'s code for a pixel-centre matrix that mirrors a {@code width x height} image onto itself (1:
     * horizontal, {@code x -> W - 1 - x}; 0: vertical; -1: both), {@link #IDENTITY} for the identity, and
     * {@link #NOT_A_MIRROR} otherwise. Entries may be off by rounding (a fused product of several steps).
     */
    static int mirrorCode(double[] m, int width, int height) {
        if (!Matrices.isAffine(m) || !near(m[1], 0) || !near(m[3], 0)) {
            return NOT_A_MIRROR;
        }
        boolean flipX = near(m[0], -1) && near(m[2], width - 1);
        boolean keepX = near(m[0], 1) && near(m[2], 0);
        boolean flipY = near(m[4], -1) && near(m[5], height - 1);
        boolean keepY = near(m[4], 1) && near(m[5], 0);
        if (!(flipX || keepX) || !(flipY || keepY)) {
            return NOT_A_MIRROR;
        }
        return flipX ? (flipY ? -1 : 1) : (flipY ? 0 : IDENTITY);
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= MIRROR_TOLERANCE * Math.max(1, Math.abs(b));
    }
}
