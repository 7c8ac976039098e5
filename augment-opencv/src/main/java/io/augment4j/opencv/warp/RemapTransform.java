package io.augment4j.opencv.warp;

import io.augment4j.api.Image;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.targets.TargetMover;
import io.augment4j.opencv.MatImage;
import io.augment4j.opencv.MatPool;
import io.augment4j.opencv.MatSource;
import io.augment4j.opencv.OpenCvTransform;
import io.augment4j.opencv.geometric.MaskRider;
import io.augment4j.opencv.geometric.WarpOptions;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import java.util.EnumSet;
import java.util.Set;

/**
 * Base of the local warps: builds the sampled parameters' backward maps (pooled) and runs one {@code remap} into a
 * pooled output. A mask follows by the same map; keypoints and box outlines move through the map's numerical inverse
 * ({@link MapParams#pointMap}), each box rebuilt as the box enclosing its moved outline. Only samples that carry
 * boxes or keypoints build that inverse (elastic distortion copies its map into Java for it, a per-thread buffer,
 * once per call; grid and optical distortion evaluate their maps from their parameters).
 *
 * @param <P> sampled parameter record
 */
public abstract class RemapTransform<P extends MapParams> extends OpenCvTransform<P> {
    private static final ThreadLocal<Mat> EMPTY = ThreadLocal.withInitial(Mat::new);

    protected final WarpOptions options;

    protected RemapTransform(String name, WarpOptions options) {
        super(name);
        this.options = options;
    }

    @Override
    protected Mat process(Mat src, P params) {
        try (RemapMaps maps = params.maps(src.rows(), src.cols())) {
            return remap(src, maps, options);
        }
    }

    /**
     * Builds the maps once for the image and whatever rides along: the mask by the same map (nearest-neighbour, the
     * same border with label 0), boxes and keypoints through the inverse of the map.
     */
    @Override
    public Sample apply(Sample input, P params) {
        if (input.mask() == null && input.boxes().isEmpty() && input.keypoints().isEmpty()) {
            return super.apply(input, params);
        }
        Image img = input.image();
        checkInput(img);
        try (RemapMaps maps = params.maps(img.height(), img.width())) {
            Mat out;
            try (MatSource src = MatSource.of(img)) {
                out = remap(src.mat(), maps, options);
            }
            Sample base = input.mask() == null ? input : input.withMask(null);
            Sample output = MaskRider.follow(input, base.withImage(MatImage.own(out)),
                    m -> remap(m, maps, MaskRider.maskOptions(options)));
            if (input.boxes().isEmpty() && input.keypoints().isEmpty()) {
                return output;
            }
            try {
                return TargetMover.follow(input, output, params.pointMap(maps));
            } catch (RuntimeException e) {
                output.close();
                throw e;
            }
        }
    }

    /** Image, mask, boxes and keypoints. */
    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }

    private Mat remap(Mat src, RemapMaps maps, WarpOptions options) {
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        try {
            Imgproc.remap(src, dst, maps.map1(), maps.map2() == null ? EMPTY.get() : maps.map2(),
                    options.warpInterpolation(), options.border(), options.fillScalar(name(), src.channels()));
            return dst;
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        }
    }
}
