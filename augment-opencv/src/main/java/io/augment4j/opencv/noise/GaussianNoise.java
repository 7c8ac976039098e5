package io.augment4j.opencv.noise;

import io.augment4j.opencv.MatPool;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.spi.Range;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.util.EnumSet;
import java.util.Set;

/**
 * Adds Gaussian noise {@code N(mean, sigma)}: UINT8 {@code saturate(round(x + n))} (the baseline's saturating signed
 * add, with every channel noisy), FLOAT32 {@code x + n} unclipped, in the image's units. With {@code perChannel}
 * every value gets its own draw; otherwise a pixel's channels share one (gray noise). UINT8 noise is rounded to
 * whole levels first ({@code round(x + n) = x + round(n)} for whole x), so the per-value case is generated in bulk
 * as int16 levels and added by OpenCV's saturating SIMD arithmetic. The noise comes from the sampled seed through
 * {@link NoiseSource}, so the same parameters give the same pixels on every thread.
 */
public final class GaussianNoise extends OpenCvTransform<GaussianNoise.Noise> {
    /** The sampled standard deviation (pixel-value units) and noise seed. */
    public record Noise(double sigma, long seed) {
    }

    private final Range sigma;
    private final double mean;
    private final boolean perChannel;

    public GaussianNoise(String name, Range sigma, double mean, boolean perChannel) {
        super(name);
        this.sigma = sigma;
        this.mean = mean;
        this.perChannel = perChannel;
    }

    @Override
    public Noise sample(Sample input, Rng rng) {
        return new Noise(sigma.sample(rng), rng.nextLong());
    }

    @Override
    protected Mat process(Mat src, Noise p) {
        return MatPool.produce(src.rows(), src.cols(), src.type(), dst -> {
            if (p.sigma() == 0 && mean == 0) {
                src.copyTo(dst);
                return;
            }
            int group = perChannel ? 1 : src.channels();
            if (group == 1 && src.depth() == CvType.CV_8U && NoiseSource.Levels.fitsInt16(mean, p.sigma())) {
                NoiseSource.addGaussianU8(src, dst, p.seed(), mean, p.sigma());
                return;
            }
            NoiseSource.rewrite(src, dst,
                    (b, n) -> NoiseSource.addLevels(b, n, p.seed(), mean, p.sigma(), group),
                    (f, n) -> NoiseSource.addGaussian(f, n, p.seed(), (float) mean, (float) p.sigma(), group));
        });
    }

    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }

    @Override
    public Class<Noise> paramsType() {
        return Noise.class;
    }
}
