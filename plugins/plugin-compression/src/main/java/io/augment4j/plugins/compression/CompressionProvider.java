package io.augment4j.plugins.compression;

import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Range;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;

import java.util.List;

/** Compression artefacts: what images look like after lossy storage or a low-resolution camera. */
public final class CompressionProvider implements TransformProvider {
    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String displayName() {
        return "augment4j compression artefacts plugin";
    }

    @Override
    public List<TransformDescriptor> transforms() {
        return List.of(
                TransformDescriptor.of("jpeg_compression",
                        "Encodes the image as JPEG at a random quality and decodes it again (UINT8 images).",
                        List.of(ParamSpec.ofRange("quality", new Range(50, 95), 1, 100,
                                "JPEG quality, drawn as a whole number; lower means stronger artefacts")),
                        p -> new JpegCompression(p.getRange("quality"))),
                TransformDescriptor.of("downscale",
                        "Shrinks the image by a random factor (area average) and scales it back up (bilinear).",
                        List.of(ParamSpec.ofRange("scale", new Range(0.25, 0.5), 0.01, 1,
                                "size of the small copy as a fraction of each side")),
                        p -> new Downscale(p.getRange("scale"))));
    }
}
