package io.augment4j.opencv.noise;

import io.augment4j.opencv.MatPool;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.spi.Range;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.EnumSet;
import java.util.Set;

/**
 * OpenCV {@code GaussianBlur} with a fixed odd {@code ksize x ksize} kernel and a random sigma (the same in x and
 * y), border {@code BORDER_REFLECT_101}, as the baseline.
 */
public final class GaussianBlur extends OpenCvTransform<GaussianBlur.Blur> {
    /** The sampled standard deviation in pixels (0: OpenCV derives it from the kernel size). */
    public record Blur(double sigma) {
    }

    private final int ksize;
    private final Range sigma;

    public GaussianBlur(String name, int ksize, Range sigma) {
        super(name);
        this.ksize = ksize;
        this.sigma = sigma;
    }

    @Override
    public Blur sample(Sample input, Rng rng) {
        return new Blur(sigma.sample(rng));
    }

    @Override
    protected Mat process(Mat src, Blur p) {
        return MatPool.produce(src.rows(), src.cols(), src.type(), dst -> {
            if (ksize == 1) {
                src.copyTo(dst);
            } else {
                Imgproc.GaussianBlur(src, dst, new Size(ksize, ksize), p.sigma(), p.sigma(), Core.BORDER_REFLECT_101);
            }
        });
    }

    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }

    @Override
    public Class<Blur> paramsType() {
        return Blur.class;
    }
}
