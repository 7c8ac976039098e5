package io.augment4j.opencv.noise;

import io.augment4j.api.spi.TransformDescriptor;

import java.util.ArrayList;
import java.util.List;

/** The registry entries of the noise family. */
public final class NoiseTransforms {
    private NoiseTransforms() {
    }

    /** Every descriptor of this family. */
    public static List<TransformDescriptor> descriptors() {
        List<TransformDescriptor> all = new ArrayList<>();
        return all;
    }
}
