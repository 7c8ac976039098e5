package io.augment4j.opencv.crop;

import io.augment4j.api.spi.TransformDescriptor;

import java.util.ArrayList;
import java.util.List;

/** The registry entries of the crop family. */
public final class CropTransforms {
    private CropTransforms() {
    }

    /** Every descriptor of this family. */
    public static List<TransformDescriptor> descriptors() {
        List<TransformDescriptor> all = new ArrayList<>();
        all.add(RandomCrop.descriptor());
        all.add(CenterCrop.descriptor());
        all.add(RandomResizedCrop.descriptor());
        all.add(PadIfNeeded.descriptor());
        all.add(Resize.descriptor());
        return all;
    }
}
