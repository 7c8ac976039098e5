package io.augment4j.opencv;

import io.augment4j.api.spi.TransformProvider;
import io.augment4j.plugins.tck.TransformProviderContract;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The project README says how many built-ins the kit checks, and how many checks that makes: keep it true. */
    @Test
    void theReadmeCountsTheBuiltInChecksTruly() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String claim = provider().transforms().size() + " built-in transforms, " + checkNames().size() + " checks";
        assertTrue(readme.contains(claim), "README.md should say \"" + claim + "\"");
    }
}
