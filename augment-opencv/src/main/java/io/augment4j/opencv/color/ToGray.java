package io.augment4j.opencv.color;

import io.augment4j.opencv.MatPool;

import io.augment4j.api.NoParams;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import java.util.EnumSet;
import java.util.Set;

/**
 * Converts to gray with the ITU-R 601 weights of OpenCV's {@code COLOR_RGB2GRAY} ({@code 0.299 R + 0.587 G + 0.114
 * B}, rounded as OpenCV does for UINT8). With {@code keepChannels} the gray value is replicated into R, G and B (alpha
 * kept), so the image keeps its shape; otherwise the result has one channel. A one-channel image is copied as is.
 */
public final class ToGray extends OpenCvTransform<NoParams> {
    private final boolean keepChannels;

    public ToGray(String name, boolean keepChannels) {
        super(name);
        this.keepChannels = keepChannels;
    }

    @Override
    public NoParams sample(Sample input, Rng rng) {
        return NoParams.INSTANCE;
    }

    @Override
    protected Mat process(Mat src, NoParams params) {
        int cn = src.channels();
        if (cn == 1) {
            return ColorOps.copy(src);
        }
        int toGray = cn == 4 ? Imgproc.COLOR_RGBA2GRAY : Imgproc.COLOR_RGB2GRAY;
        Mat gray = MatPool.acquire(src.rows(), src.cols(), CvType.makeType(src.depth(), 1));
        if (!keepChannels) {
            try {
                Imgproc.cvtColor(src, gray, toGray);
                return gray;
            } catch (RuntimeException e) {
                MatPool.recycle(gray);
                throw e;
            }
        }
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        try {
            Imgproc.cvtColor(src, gray, toGray);
            Imgproc.cvtColor(gray, dst, cn == 4 ? Imgproc.COLOR_GRAY2RGBA : Imgproc.COLOR_GRAY2RGB);
            if (cn == 4) {
                ColorOps.copyAlpha(src, dst);
            }
            return dst;
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        } finally {
            MatPool.recycle(gray);
        }
    }

    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }

    @Override
    public Class<NoParams> paramsType() {
        return NoParams.class;
    }
}
