package io.augment4j.opencv.warp;

import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.targets.BackwardMapInverse;
import io.augment4j.api.targets.TargetMover;
import io.augment4j.opencv.MatPool;
import io.augment4j.opencv.OpenCvTransform;
import io.augment4j.opencv.geometric.MaskRider;
import io.augment4j.opencv.geometric.WarpOptions;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import java.util.EnumSet;
import java.util.Set;

/**
 * Base of the local warps: builds the sampled parameters' backward maps (pooled) and runs one {@code remap} into a
 * pooled output. A mask follows by the same map; keypoints and box outlines move through its numerical inverse
 * ({@link BackwardMapInverse}), each box rebuilt as the box enclosing its moved outline.
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
        return remap(src, params, options);
    }

    /**
     * Moves a mask along (the same map, nearest-neighbour, the same border with label 0), and boxes and keypoints
     * through the inverse of the map.
     */
    @Override
    protected Sample applyToRiders(Sample input, Sample output, P params) {
        Sample moved = MaskRider.follow(input, output, m -> remap(m, params, MaskRider.maskOptions(options)));
        if (input.boxes().isEmpty() && input.keypoints().isEmpty()) {
            return moved;
        }
        int h = input.image().height();
        int w = input.image().width();
        float[] mapX = new float[h * w];
        float[] mapY = new float[h * w];
        params.sourceCoordinates(h, w, mapX, mapY);
        return TargetMover.follow(input, moved, new BackwardMapInverse(mapX, mapY, h, w));
    }

    /** Image, mask, boxes and keypoints. */
    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }

    private Mat remap(Mat src, P params, WarpOptions options) {
        Mat dst = MatPool.acquire(src.rows(), src.cols(), src.type());
        try (RemapMaps maps = params.maps(src.rows(), src.cols())) {
            Imgproc.remap(src, dst, maps.map1(), maps.map2() == null ? EMPTY.get() : maps.map2(),
                    options.warpInterpolation(), options.border(), options.fillScalar(name(), src.channels()));
            return dst;
        } catch (RuntimeException e) {
            MatPool.recycle(dst);
            throw e;
        }
    }
}
