package com.example.augment;

import io.augment4j.api.spi.TransformProvider;
import io.augment4j.plugins.tck.TransformProviderContract;

/** Runs augment4j's plugin test kit over this plugin: schema, determinism, size, masks, threads, replay, errors. */
class ExampleContractTest extends TransformProviderContract {
    @Override
    protected TransformProvider provider() {
        return new ExampleProvider();
    }
}
