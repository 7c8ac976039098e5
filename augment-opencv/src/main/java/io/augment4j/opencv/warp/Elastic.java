package io.augment4j.opencv.warp;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.SizeBoundParams;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.targets.PointMap;
import io.augment4j.opencv.MatPool;
import io.augment4j.opencv.geometric.WarpOptions;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

/**
 * Elastic deformation as the Python baseline's {@code elastic}: a displacement field {@code (dx, dy)} of uniform
 * noise in [-1, 1) from OpenCV's RNG seeded with the sampled seed ({@code randu} on the interleaved field), blurred
 * with a Gaussian of {@code sigma} (kernel {@code 2 ceil(2 sigma) + 1}: 17x17 for the default 4, reflect-101), then
 * {@code map = identity + alpha * field} and one {@code remap}. The same seed gives the same field on any thread
 * (OpenCV's RNG is per thread; this reseeds the calling thread's RNG). With the same seed the field, and so the
 * output, is bit for bit the baseline's after {@code cv2.setRNGSeed(seed)}.
 */
public final class Elastic extends RemapTransform<Elastic.Params> {
    /**
     * The sampled field: a seed plus the transform's strength, so the record alone rebuilds the map. The noise is
     * drawn per pixel, so another image size gives another field: size-bound.
     *
     * @param seed OpenCV RNG seed of the noise field
     * @param alpha displacement scale in pixels
     * @param sigma Gaussian smoothing of the field, in pixels
     */
    public record Params(int seed, double alpha, double sigma) implements MapParams, SizeBoundParams {
        @Override
        public RemapMaps maps(int height, int width) {
            Mat noise = Field.of(height, width);
            Core.setRNGSeed(seed);
            Core.randu(Field.flatView(), -1.0, 1.0);
            Mat map = MatPool.acquire(height, width, CvType.CV_32FC2);
            try {
                int k = kernelSize(sigma);
                if (sigma > 0) {
                    Imgproc.GaussianBlur(noise, map, new Size(k, k), sigma, sigma, Core.BORDER_REFLECT_101);
                } else {
                    noise.copyTo(map);
                }
                Core.scaleAdd(map, alpha, IdentityGrid.of(height, width), map);
            } catch (RuntimeException e) {
                MatPool.recycle(map);
                throw e;
            }
            return new RemapMaps(map, null);
        }

        /**
         * The inverse of a Java copy of the maps. Boxes are found by scanning their moved edges through that copy
         * ({@link io.augment4j.api.targets.PointMap#enclose}); an edge too short for that (about a pixel) is walked
         * instead, and Gaussian-blurred noise varies over a few sigma, so such outlines are sampled every
         * {@code 2 sigma} pixels, at least every pixel and at most every 8 (the default sigma 4's: a stronger alpha
         * bends the field more over the same distance).
         */
        @Override
        public PointMap pointMap(RemapMaps maps) {
            return maps.inverse().withOutlineSpacing(Math.max(1, Math.min(8, 2 * sigma)));
        }
    }

    /** {@code 2 ceil(2 sigma) + 1}: 17 for sigma 4, as the baseline. */
    static int kernelSize(double sigma) {
        return 2 * (int) Math.ceil(2 * sigma) + 1;
    }

    /** Per-thread noise field of the last size, with a one-channel view of it for {@code randu}. */
    private static final class Field {
        private static final ThreadLocal<Mat[]> SCRATCH = ThreadLocal.withInitial(() -> new Mat[2]);

        static Mat of(int height, int width) {
            Mat[] s = SCRATCH.get();
            if (s[0] == null || s[0].rows() != height || s[0].cols() != width) {
                if (s[0] != null) {
                    s[1].release();
                    s[0].release();
                }
                s[0] = new Mat(height, width, CvType.CV_32FC2);
                // (H, 2W) single-channel view: randu with a scalar range on a 2-channel Mat fills channel 0 only.
                s[1] = s[0].reshape(1, height);
            }
            return s[0];
        }

        static Mat flatView() {
            return SCRATCH.get()[1];
        }
    }

    private final double alpha;
    private final double sigma;

    public Elastic(String name, double alpha, double sigma, WarpOptions options) {
        super(name, options);
        this.alpha = alpha;
        this.sigma = sigma;
    }

    /** The {@code elastic} descriptor. */
    public static TransformDescriptor descriptor() {
        List<ParamSpec> ps = new ArrayList<>();
        ps.add(ParamSpec.ofDouble("alpha", 34.0, 0, 10000,
                "displacement scale in pixels: map = identity + alpha * blurred U(-1, 1) noise; 0 = identity"));
        ps.add(ParamSpec.ofDouble("sigma", 4.0, 0, 100,
                "Gaussian smoothing of the noise in pixels (kernel 2*ceil(2*sigma)+1); larger = smoother"));
        ps.addAll(WarpOptions.specs());
        return TransformDescriptor.of("elastic",
                "Elastic deformation: a smoothed random displacement field applied with remap.", ps,
                p -> new Elastic("elastic", p.getDouble("alpha"), p.getDouble("sigma"), WarpOptions.from(p)));
    }

    @Override
    public Params sample(Sample input, Rng rng) {
        return new Params(rng.nextInt(), alpha, sigma);
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
