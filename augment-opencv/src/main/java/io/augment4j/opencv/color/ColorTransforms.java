package io.augment4j.opencv.color;

import io.augment4j.api.spi.TransformDescriptor;

import java.util.ArrayList;
import java.util.List;

/** The registry entries of the color family. */
public final class ColorTransforms {
    private ColorTransforms() {
    }

    /** Every descriptor of this family. */
    public static List<TransformDescriptor> descriptors() {
        List<TransformDescriptor> all = new ArrayList<>();
        return all;
    }
}
