package io.augment4j.plugins.pixel;

import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Range;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;

import java.util.List;

/**
 * Pixel effects in pure Java, shipped as a plugin jar that depends on augment-api only, exactly as a third party
 * would ship transforms. Registered in {@code META-INF/services/io.augment4j.api.spi.TransformProvider}.
 */
public final class PixelEffectsProvider implements TransformProvider {
    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String displayName() {
        return "augment4j pixel effects plugin";
    }

    @Override
    public List<TransformDescriptor> transforms() {
        return List.of(
                TransformDescriptor.of("invert", "Inverts every colour value (x becomes max_value - x); alpha is kept.",
                        List.of(ParamSpec.ofDouble("max_value", 255.0, 0, Double.MAX_VALUE,
                                "the value range's top; 255 for photos, 1 for float images scaled to [0, 1]")),
                        p -> new PointEffect(PointEffect.Kind.INVERT, new Range(0, 0), p.getDouble("max_value"))),
                TransformDescriptor.of("posterize", "Keeps only the top `bits` bits of each UINT8 colour value.",
                        List.of(ParamSpec.ofRange("bits", new Range(4, 8), 1, 8, "bits to keep, drawn as a whole number")),
                        p -> new PointEffect(PointEffect.Kind.POSTERIZE, p.getRange("bits"), 255)),
                TransformDescriptor.of("solarize", "Inverts colour values at or above a random threshold.",
                        List.of(ParamSpec.ofRange("threshold", new Range(128, 128), 0, 255,
                                        "values >= threshold are inverted"),
                                ParamSpec.ofDouble("max_value", 255.0, 0, Double.MAX_VALUE, "the value range's top")),
                        p -> new PointEffect(PointEffect.Kind.SOLARIZE, p.getRange("threshold"), p.getDouble("max_value"))));
    }
}
