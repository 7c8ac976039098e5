package io.augment4j.opencv.warp;

import io.augment4j.api.spi.TransformDescriptor;

import java.util.ArrayList;
import java.util.List;

/** The registry entries of the warp family. */
public final class WarpTransforms {
    private WarpTransforms() {
    }

    /** Every descriptor of this family. */
    public static List<TransformDescriptor> descriptors() {
        List<TransformDescriptor> all = new ArrayList<>();
        all.add(GridDistortion.descriptor());
        all.add(Elastic.descriptor());
        all.add(OpticalDistortion.descriptor());
        return all;
    }
}
