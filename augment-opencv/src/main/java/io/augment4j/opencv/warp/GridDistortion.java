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
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

/**
 * Grid distortion as the Python baseline's {@code grid_distortion}: a {@code num_steps x num_steps} grid of node
 * displacements, {@code dx = U(distort_limit) W} and {@code dy = U(distort_limit) H} (float32), is resized to the
 * image with {@code INTER_CUBIC} (IPP off for that call: IPP's cubic resize of tiny grids is several times slower),
 * added to the identity map and applied with one {@code remap}. Zero displacement is the identity.
 */
public final class GridDistortion extends RemapTransform<GridDistortion.Params> {
    /**
     * The sampled node displacements, independent of the image size.
     *
     * @param steps nodes per side
     * @param offsets {@code steps * steps * 2} values, nodes row by row, each {@code (dx, dy)} as fractions of the
     *                width and the height
     */
    public record Params(int steps, double[] offsets) implements MapParams {
        @Override
        public RemapMaps maps(int height, int width) {
            Mat nodes = Nodes.get(steps);
            float[] v = new float[offsets.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (offsets[i] * (i % 2 == 0 ? width : height));
            }
            nodes.put(0, 0, v);
            Mat map = MatPool.acquire(height, width, CvType.CV_32FC2);
            boolean ipp = Core.useIPP();
            Core.setUseIPP(false);
            try {
                Imgproc.resize(nodes, map, new Size(width, height), 0, 0, Imgproc.INTER_CUBIC);
            } catch (RuntimeException e) {
                MatPool.recycle(map);
                throw e;
            } finally {
                Core.setUseIPP(ipp);
            }
            Core.add(map, IdentityGrid.of(height, width), map);
            return new RemapMaps(map, null);
        }

        /**
         * The inverse of the same map evaluated from the nodes ({@link GridBackwardMap}): no copy of the per-pixel
         * map. The displacement is a cubic between nodes {@code W / steps} apart, so outlines are sampled every half
         * of that (22 px on the default 5 nodes at 224): each sample carries its Jacobian, and the cubic Hermite curve
         * through two samples that far apart stays within 0.01 px of the moved edge (measured against an outline
         * moved every 0.05 px; at 32 px one edge in 960 missed by 0.07 px).
         */
        @Override
        public PointMap pointMap(RemapMaps maps) {
            int height = maps.map1().rows();
            int width = maps.map1().cols();
            return new BackwardMapInverse(new GridBackwardMap(steps, offsets, height, width),
                    Math.max(1, Math.min(width, height) / (2.0 * steps)));
        }
    }

    /** Per-thread node grid of the last step count. */
    private static final class Nodes {
        private static final ThreadLocal<Mat[]> SCRATCH = ThreadLocal.withInitial(() -> new Mat[1]);

        static Mat get(int steps) {
            Mat[] s = SCRATCH.get();
            if (s[0] == null || s[0].rows() != steps) {
                if (s[0] != null) {
                    s[0].release();
                }
                s[0] = new Mat(steps, steps, CvType.CV_32FC2);
            }
            return s[0];
        }
    }

    private final int steps;
    private final Range limit;

    public GridDistortion(String name, int steps, Range limit, WarpOptions options) {
        super(name, options);
        this.steps = steps;
        this.limit = limit;
    }

    /** The {@code grid_distortion} descriptor. */
    public static TransformDescriptor descriptor() {
        List<ParamSpec> ps = new ArrayList<>();
        ps.add(ParamSpec.ofInt("num_steps", 5, 2, 100, "grid nodes per side"));
        ps.add(ParamSpec.ofRange("distort_limit", Range.symmetric(0.05), -1, 1,
                "node displacement as a fraction of the width (x) and height (y), drawn per node and axis"));
        ps.addAll(WarpOptions.specs());
        return TransformDescriptor.of("grid_distortion",
                "Moves the nodes of a coarse grid at random and warps the image smoothly along (cubic grid, remap).",
                ps, p -> new GridDistortion("grid_distortion", p.getInt("num_steps"), p.getRange("distort_limit"),
                        WarpOptions.from(p)));
    }

    @Override
    public Params sample(Sample input, Rng rng) {
        double[] o = new double[steps * steps * 2];
        for (int i = 0; i < o.length; i++) {
            o[i] = limit.sample(rng);
        }
        return new Params(steps, o);
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
