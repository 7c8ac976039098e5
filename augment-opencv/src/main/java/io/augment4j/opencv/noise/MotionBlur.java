package io.augment4j.opencv.noise;

import io.augment4j.opencv.MatPool;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.spi.Range;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import java.util.EnumSet;
import java.util.Set;

/**
 * Motion blur along a random direction, as the baseline: a {@code ksize x ksize} kernel holding a one-pixel
 * {@code LINE_8} segment through the centre at the sampled angle (end points rounded half up), normalised to sum
 * 1, applied with {@code filter2D} and {@code BORDER_REFLECT_101}.
 */
public final class MotionBlur extends OpenCvTransform<MotionBlur.Motion> {
    /** The sampled direction in degrees (0 = horizontal, counter-clockwise in image coordinates' y-down sense). */
    public record Motion(double angle) {
    }

    private final int ksize;
    private final Range angle;

    public MotionBlur(String name, int ksize, Range angle) {
        super(name);
        this.ksize = ksize;
        this.angle = angle;
    }

    @Override
    public Motion sample(Sample input, Rng rng) {
        return new Motion(angle.sample(rng));
    }

    /** Draws the normalised line kernel for {@code angleDeg} into {@code ker} ({@code k x k}, CV_32F). */
    static void kernel(Mat ker, int k, double angleDeg) {
        int r = k / 2;
        double dx = r * Math.cos(Math.toRadians(angleDeg));
        double dy = r * Math.sin(Math.toRadians(angleDeg));
        Point p1 = new Point(Math.floor(r + dx + 0.5), Math.floor(r + dy + 0.5));
        Point p2 = new Point(Math.floor(r - dx + 0.5), Math.floor(r - dy + 0.5));
        ker.setTo(Scalar.all(0));
        Imgproc.line(ker, p1, p2, new Scalar(1.0), 1, Imgproc.LINE_8);
        double sum = Core.sumElems(ker).val[0];
        ker.convertTo(ker, -1, 1.0 / sum);
    }

    @Override
    protected Mat process(Mat src, Motion p) {
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        Mat ker = MatPool.acquire(ksize, ksize, CvType.CV_32F);
        try {
            kernel(ker, ksize, p.angle());
            Imgproc.filter2D(src, dst, -1, ker, new Point(-1, -1), 0, Core.BORDER_REFLECT_101);
            return dst;
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        } finally {
            MatPool.recycle(ker);
        }
    }

    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }

    @Override
    public Class<Motion> paramsType() {
        return Motion.class;
    }
}
