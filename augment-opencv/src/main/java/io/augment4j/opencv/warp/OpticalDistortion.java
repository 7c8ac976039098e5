package io.augment4j.opencv.warp;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Range;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.targets.BackwardMapInverse;
import io.augment4j.api.targets.PointMap;
import io.augment4j.opencv.MatPool;
import io.augment4j.opencv.geometric.WarpOptions;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;

import java.util.ArrayList;
import java.util.List;

/**
 * Barrel / pincushion lens distortion as the Python baseline's {@code optical_distortion}: {@code k} drawn from the
 * range (as float32), camera {@code K = [[W, 0, W/2], [0, H, H/2], [0, 0, 1]]}, distortion {@code [k, k, 0, 0, 0]},
 * maps from {@code initUndistortRectifyMap(K, dist, none, K, (W, H), CV_32FC1)}, then one {@code remap}.
 */
public final class OpticalDistortion extends RemapTransform<OpticalDistortion.Params> {
    /**
     * The sampled distortion.
     *
     * @param k radial coefficient (k1 = k2 = k); 0 is the identity
     */
    public record Params(double k) implements MapParams {
        @Override
        public RemapMaps maps(int height, int width) {
            Mat[] s = SCRATCH.get();
            Mat cam = s[0];
            cam.put(0, 0, width, 0, width * 0.5, 0, height, height * 0.5, 0, 0, 1);
            float kf = (float) k;
            s[1].put(0, 0, kf, kf, 0, 0, 0);
            Mat m1 = MatPool.acquire(height, width, CvType.CV_32FC1);
            Mat m2 = MatPool.acquire(height, width, CvType.CV_32FC1);
            try {
                Calib3d.initUndistortRectifyMap(cam, s[1], s[2], cam, new Size(width, height), CvType.CV_32FC1, m1,
                        m2);
            } catch (RuntimeException e) {
                MatPool.recycle(m1);
                MatPool.recycle(m2);
                throw e;
            }
            return new RemapMaps(m1, m2);
        }

        /**
         * The inverse of the same map evaluated from its formula ({@link RadialBackwardMap}): no copy of the per-pixel
         * maps. The radial polynomial is smooth across the whole image, so box outlines are sampled every eighth of
         * its shorter side, each sample with its Jacobian.
         */
        @Override
        public PointMap pointMap(RemapMaps maps) {
            int height = maps.map1().rows();
            int width = maps.map1().cols();
            return new BackwardMapInverse(new RadialBackwardMap((float) k, height, width),
                    Math.max(1, Math.min(width, height) / 8.0));
        }
    }

    /** Per-thread camera matrix, distortion vector and empty rectification. */
    private static final ThreadLocal<Mat[]> SCRATCH = ThreadLocal.withInitial(
            () -> new Mat[] {new Mat(3, 3, CvType.CV_64F), new Mat(1, 5, CvType.CV_64F), new Mat()});

    private final Range k;

    public OpticalDistortion(String name, Range k, WarpOptions options) {
        super(name, options);
        this.k = k;
    }

    /** The {@code optical_distortion} descriptor. */
    public static TransformDescriptor descriptor() {
        List<ParamSpec> ps = new ArrayList<>();
        ps.add(ParamSpec.ofRange("k", Range.symmetric(0.05), -1, 1,
                "radial distortion coefficient, drawn uniformly; negative = barrel, positive = pincushion"));
        ps.addAll(WarpOptions.specs());
        return TransformDescriptor.of("optical_distortion",
                "Random barrel or pincushion lens distortion (initUndistortRectifyMap, remap).", ps,
                p -> new OpticalDistortion("optical_distortion", p.getRange("k"), WarpOptions.from(p)));
    }

    @Override
    public Params sample(Sample input, Rng rng) {
        return new Params(k.sample(rng));
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
