package io.augment4j.opencv;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Image;
import io.augment4j.api.ImageFormatException;
import io.augment4j.api.PixelType;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * An {@link Image} held in a native OpenCV {@link Mat}, passed from transform to transform inside a pipeline
 * without copies. The MatImage owns its Mat: {@link #close()} hands it back to the {@link MatPool} (or releases it),
 * after which the image must not be used. Channel order is the same as {@link ArrayImage}'s: RGB(A), not OpenCV's
 * usual BGR.
 */
public final class MatImage implements Image {
    private Mat mat;
    private final int channels;
    private final PixelType type;

    private MatImage(Mat mat) {
        this.mat = mat;
        this.channels = mat.channels();
        this.type = pixelTypeOf(mat.type());
        if (!Image.isSupportedChannelCount(channels)) {
            throw new ImageFormatException("images must have 1, 3 or 4 channels, got a Mat with " + channels);
        }
    }

    /** Takes ownership of {@code mat} (CV_8UC1/3/4 or CV_32FC1/3/4). */
    public static MatImage own(Mat mat) {
        return new MatImage(mat);
    }

    /** A native copy of any image (a pooled buffer). */
    public static MatImage copyOf(Image image) {
        if (image instanceof MatImage m) {
            Mat copy = MatPool.acquire(m.height(), m.width(), m.mat().type());
            m.mat().copyTo(copy);
            return new MatImage(copy);
        }
        ArrayImage a = image.toArrayImage();
        OpenCvRuntime.ensureLoaded();
        Mat mat = MatPool.acquire(a.height(), a.width(), cvType(a.pixelType(), a.channels()));
        if (a.pixelType() == PixelType.UINT8) {
            mat.put(0, 0, a.rawBytes());
        } else {
            mat.put(0, 0, a.rawFloats());
        }
        return new MatImage(mat);
    }

    /** The OpenCV type code for a pixel type and channel count. */
    public static int cvType(PixelType type, int channels) {
        return type == PixelType.UINT8 ? CvType.CV_8UC(channels) : CvType.CV_32FC(channels);
    }

    static PixelType pixelTypeOf(int cvType) {
        int depth = CvType.depth(cvType);
        if (depth == CvType.CV_8U) {
            return PixelType.UINT8;
        }
        if (depth == CvType.CV_32F) {
            return PixelType.FLOAT32;
        }
        throw new ImageFormatException("unsupported Mat depth " + CvType.typeToString(cvType) + "; only 8U and 32F");
    }

    /** The Mat itself; owned by this image. Do not release it or keep it past {@link #close()}. */
    public Mat mat() {
        if (mat == null) {
            throw new IllegalStateException("MatImage used after close()");
        }
        return mat;
    }

    @Override
    public int height() {
        return mat().rows();
    }

    @Override
    public int width() {
        return mat().cols();
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public PixelType pixelType() {
        return type;
    }

    /** One copy straight from the native buffer into {@code dst}; see {@link Image#copyTo(byte[])}. */
    @Override
    public void copyTo(byte[] dst) {
        Image.requireCopyTarget(this, PixelType.UINT8, dst.length);
        Mat m = mat();
        if (direct(m, dst.length)) {
            m.get(0, 0, dst);
        } else {
            Image.super.copyTo(dst);
        }
    }

    /** One copy straight from the native buffer into {@code dst}; see {@link Image#copyTo(float[])}. */
    @Override
    public void copyTo(float[] dst) {
        Image.requireCopyTarget(this, PixelType.FLOAT32, dst.length);
        Mat m = mat();
        if (direct(m, dst.length)) {
            m.get(0, 0, dst);
        } else {
            Image.super.copyTo(dst);
        }
    }

    /**
     * Whether {@code Mat.get} can fill a {@code length}-value array in one call: it copies up to the end of a
     * continuous Mat, so a longer array keeps its tail, but it refuses lengths that are not whole pixels.
     */
    private boolean direct(Mat m, int length) {
        return m.isContinuous() && length % channels == 0;
    }

    @Override
    public ArrayImage toArrayImage() {
        Mat m = mat();
        Mat src = m.isContinuous() ? m : m.clone();
        try {
            int n = (int) (src.total() * channels);
            if (type == PixelType.UINT8) {
                byte[] b = new byte[n];
                src.get(0, 0, b);
                return ArrayImage.wrapBytes(src.rows(), src.cols(), channels, b);
            }
            float[] f = new float[n];
            src.get(0, 0, f);
            return ArrayImage.wrapFloats(src.rows(), src.cols(), channels, f);
        } finally {
            if (src != m) {
                src.release();
            }
        }
    }

    @Override
    public void close() {
        if (mat != null) {
            MatPool.recycle(mat);
            mat = null;
        }
    }

    @Override
    public String toString() {
        return "MatImage[" + (mat == null ? "closed" : describe()) + "]";
    }
}
