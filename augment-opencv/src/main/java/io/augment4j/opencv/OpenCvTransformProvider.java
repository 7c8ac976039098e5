package io.augment4j.opencv;

import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;
import io.augment4j.opencv.color.ColorTransforms;
import io.augment4j.opencv.crop.CropTransforms;
import io.augment4j.opencv.geometric.GeometricTransforms;
import io.augment4j.opencv.noise.NoiseTransforms;
import io.augment4j.opencv.warp.WarpTransforms;

import java.util.ArrayList;
import java.util.List;

/** The built-in transforms on OpenCV, registered through {@code META-INF/services}. */
public final class OpenCvTransformProvider implements TransformProvider {
    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    /** Named without loading the native library, so listing transforms stays fast. */
    @Override
    public String displayName() {
        return "augment4j built-in transforms (OpenCV 4.9.0)";
    }

    @Override
    public List<TransformDescriptor> transforms() {
        List<TransformDescriptor> all = new ArrayList<>();
        all.addAll(GeometricTransforms.descriptors());
        all.addAll(CropTransforms.descriptors());
        all.addAll(WarpTransforms.descriptors());
        all.addAll(ColorTransforms.descriptors());
        all.addAll(NoiseTransforms.descriptors());
        return all;
    }
}
