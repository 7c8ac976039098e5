package io.augment4j.opencv;

import io.augment4j.api.spi.TransformProvider;
import io.augment4j.plugins.tck.TransformProviderContract;

/** Every built-in transform passes the plugin test kit, like any third-party plugin must. */
class BuiltInTransformsContractTest extends TransformProviderContract {
    @Override
    protected TransformProvider provider() {
        return new OpenCvTransformProvider();
    }

    @Override
    protected int seeds() {
        return 4;
    }
}
