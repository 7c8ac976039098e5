package io.augment4j.opencv.noise;

import io.augment4j.opencv.MatPool;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.spi.Range;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.Mat;

import java.util.EnumSet;
import java.util.Set;

/**
 * Multiplicative (speckle) noise {@code x * (1 + n)}, {@code n ~ N(0, sigma)} drawn per value, as the baseline's
 * {@code multiply(img, randn(1, sigma))}: UINT8 rounded to nearest and saturated, FLOAT32 unclipped. Deterministic
 * for the sampled seed on every thread.
 */
public final class Speckle extends OpenCvTransform<Speckle.Noise> {
    /** The sampled relative standard deviation and noise seed. */
    public record Noise(double sigma, long seed) {
    }

    private final Range sigma;

    public Speckle(String name, Range sigma) {
        super(name);
        this.sigma = sigma;
    }

    @Override
    public Noise sample(Sample input, Rng rng) {
        return new Noise(sigma.sample(rng), rng.nextLong());
    }

    @Override
    protected Mat process(Mat src, Noise p) {
        return MatPool.produce(src.rows(), src.cols(), src.type(), dst -> {
            if (p.sigma() == 0) {
                src.copyTo(dst);
                return;
            }
            NoiseSource.multiplyGaussian(src, dst, p.seed(), (float) p.sigma());
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
