package io.augment4j.opencv.geometric;

import io.augment4j.api.spi.TransformDescriptor;

import java.util.ArrayList;
import java.util.List;

/** The registry entries of the geometric family. */
public final class GeometricTransforms {
    private GeometricTransforms() {
    }

    /** Every descriptor of this family. */
    public static List<TransformDescriptor> descriptors() {
        List<TransformDescriptor> all = new ArrayList<>(Flip.descriptors());
        all.add(Rotate.descriptor());
        all.add(Shear.descriptor());
        all.add(Affine.descriptor());
        all.add(Perspective.descriptor());
        return all;
    }
}
