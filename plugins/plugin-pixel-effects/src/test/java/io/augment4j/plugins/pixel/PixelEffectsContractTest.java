package io.augment4j.plugins.pixel;

import io.augment4j.api.spi.TransformProvider;
import io.augment4j.plugins.tck.TransformProviderContract;

/** The plugin test kit run over this plugin, as any plugin author would. */
class PixelEffectsContractTest extends TransformProviderContract {
    @Override
    protected TransformProvider provider() {
        return new PixelEffectsProvider();
    }
}
