package io.augment4j.opencv.geometric;

import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.geometry.FusableWarp;
import io.augment4j.api.geometry.ProjectiveParams;
import io.augment4j.api.targets.TargetMover;
import io.augment4j.opencv.OpenCvTransform;
import org.opencv.core.Mat;

import java.util.EnumSet;
import java.util.Set;

/**
 * Base of the transforms whose effect is one projective map of the plane (flips, rotations, shears, affine and
 * perspective warps, crops, resizes, padding). A subclass says how to map a Mat by its sampled parameters
 * ({@link #map}); this class applies it to the image, moves the mask the same way (nearest-neighbour, label 0 at a
 * constant border), moves boxes and keypoints through the parameters' matrix ({@link TargetMover}, with
 * {@link #boxMethod()}), and takes part in warp fusion: in a run of such steps the pipeline multiplies their matrices
 * and calls {@link #warp} once.
 *
 * @param <P> sampled parameters, which give the 3x3 matrix
 */
public abstract class GeometricTransform<P extends ProjectiveParams> extends OpenCvTransform<P>
        implements FusableWarp<P> {

    protected GeometricTransform(String name) {
        super(name);
    }

    /**
     * Maps {@code src} by {@code params} into a new pooled Mat: the image with this transform's interpolation and
     * border, or, when {@code mask} is true, a label mask (nearest-neighbour, label 0 for a constant border).
     */
    protected abstract Mat map(Mat src, P params, boolean mask);

    /**
     * The interpolation, border and fill a fused warp containing this step uses; {@code null} when the step is a
     * whole-pixel map that is exact under any settings (a flip), so it adopts its neighbours'.
     */
    protected abstract WarpOptions fusedSettings();

    @Override
    protected final Mat process(Mat src, P params) {
        return map(src, params, false);
    }

    @Override
    protected final Sample applyToRiders(Sample input, Sample output, P params) {
        Sample moved = MaskRider.follow(input, output, m -> map(m, params, true));
        return TargetMover.follow(input, moved, params.matrix(), boxMethod());
    }

    /** Image, mask, boxes and keypoints. */
    @Override
    public Set<Target> targets() {
        return EnumSet.allOf(Target.class);
    }

    /**
     * Part of a fused warp: the combined matrix, with this step's resampling settings. Boxes and keypoints are left
     * to the pipeline, which moves them step by step.
     */
    @Override
    public final Sample warp(Sample input, double[] matrix, int outWidth, int outHeight) {
        checkInput(input.image());
        WarpOptions settings = fusedSettings();
        return FusedWarp.apply(name(), input, matrix, outWidth, outHeight,
                settings == null ? WarpOptions.DEFAULT : settings);
    }

    @Override
    public final Object warpSettings() {
        return fusedSettings();
    }
}
