package com.example.augment;

import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Range;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;

import java.util.List;

/** Lists this plugin's transforms. Registered in META-INF/services/io.augment4j.api.spi.TransformProvider. */
public final class ExampleProvider implements TransformProvider {
    @Override
    public int spiVersion() {
        return SPI_VERSION; // the compiler copies the constant: it records the API version you built against
    }

    @Override
    public List<TransformDescriptor> transforms() {
        return List.of(TransformDescriptor.of("example.vignette",
                "Darkens the corners: each value is scaled by 1 - strength * (distance from centre / half-diagonal)^2.",
                List.of(ParamSpec.ofRange("strength", new Range(0.2, 0.6), 0, 1, "how dark the corners get")),
                params -> new Vignette(params.getRange("strength"))));
    }
}
