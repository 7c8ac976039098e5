package io.augment4j.examples;

import io.augment4j.api.spi.TransformProvider;
import io.augment4j.plugins.tck.TransformProviderContract;

/** The plugin test kit over the example's provider: schema, determinism, size, masks, threads, replay, ranges. */
class CustomTransformContractTest extends TransformProviderContract {
    @Override
    protected TransformProvider provider() {
        return new CustomTransform.Provider();
    }
}
