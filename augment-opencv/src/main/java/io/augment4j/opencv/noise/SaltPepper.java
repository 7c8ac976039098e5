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
 * Salt-and-pepper noise as the baseline: {@code round(amount * h * w)} pixel positions are drawn uniformly (with
 * replacement); the first {@code floor(count * saltVsPepper)} become white (255, also for FLOAT32, read on the 0..255
 * scale) and the rest black (0). All colour channels of a chosen pixel change; alpha is kept.
 */
public final class SaltPepper extends OpenCvTransform<SaltPepper.Noise> {
    /** The sampled fraction of pixels hit and the seed that places them. */
    public record Noise(double amount, long seed) {
    }

    private final Range amount;
    private final double saltVsPepper;

    public SaltPepper(String name, Range amount, double saltVsPepper) {
        super(name);
        this.amount = amount;
        this.saltVsPepper = saltVsPepper;
    }

    @Override
    public Noise sample(Sample input, Rng rng) {
        return new Noise(amount.sample(rng), rng.nextLong());
    }

    @Override
    protected Mat process(Mat src, Noise p) {
        return MatPool.produce(src.rows(), src.cols(), src.type(), dst -> {
            int pixels = src.rows() * src.cols();
            int count = (int) Math.rint(p.amount() * pixels);
            if (count == 0) {
                src.copyTo(dst);
                return;
            }
            int salt = (int) Math.floor(count * saltVsPepper);
            int cn = src.channels();
            int ccn = Math.min(cn, 3);
            NoiseSource.rewrite(src, dst, (b, n) -> {
                for (int k = 0; k < count; k++) {
                    int base = NoiseSource.uniformInt(p.seed(), k, pixels) * cn;
                    byte v = k < salt ? (byte) 255 : 0;
                    for (int c = 0; c < ccn; c++) {
                        b[base + c] = v;
                    }
                }
            }, (f, n) -> {
                for (int k = 0; k < count; k++) {
                    int base = NoiseSource.uniformInt(p.seed(), k, pixels) * cn;
                    float v = k < salt ? 255f : 0f;
                    for (int c = 0; c < ccn; c++) {
                        f[base + c] = v;
                    }
                }
            });
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
