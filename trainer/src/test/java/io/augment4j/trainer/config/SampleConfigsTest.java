package io.augment4j.trainer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.api.registry.TransformRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample configs in {@code configs/} are valid: with Debian's Fashion-MNIST installed they
 * load completely (augmentation checked against the registry); without it, the error names the
 * data file and says how to install the package.
 */
class SampleConfigsTest {
    private static final ConfigLoader LOADER = new ConfigLoader(TransformRegistry.discover());

    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");

    private static Path configs() {
        Path p = Path.of("..", "configs");
        return Files.isDirectory(p) ? p : Path.of("configs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fashion-mnist.yaml", "underfit.yaml", "overfit.yaml"})
    void sampleConfigLoads(String name) {
        Path file = configs().resolve(name);
        assertTrue(Files.isRegularFile(file), file + " missing");
        if (!Files.exists(FASHION)) {
            ConfigException e = assertThrows(ConfigException.class, () -> LOADER.load(file));
            assertEquals("data.train_images", e.path());
            assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
            return;
        }
        TrainConfig c = LOADER.load(file);
        assertTrue(c.data().hasTestSet());
        switch (name) {
            case "fashion-mnist.yaml" -> {
                assertNotNull(LOADER.augmentationSpec(c));
                assertNotNull(c.earlyStopping());
                assertTrue(c.regularization().l2() > 0);
                assertTrue(c.model().dense().get(0).dropout() > 0);
                assertTrue(c.model().conv().get(0).batchNorm());
            }
            case "overfit.yaml" -> {
                assertNull(c.augmentation());
                assertNull(c.earlyStopping());
                assertEquals(0.0, c.regularization().l2());
                assertTrue(c.data().limit() > 0);
            }
            default -> assertTrue(c.model().dense().get(0).units() <= 4, "a deliberately tiny network");
        }
    }
}
