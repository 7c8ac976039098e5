package io.augment4j.trainer.tune;

import static io.augment4j.trainer.tune.TuneFixtures.LOADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped study files load: their search paths and ranges fit their base configs. Fashion-MNIST
 * need not be installed: the files are read with the dataset's paths pointing at stand-in files.
 */
class SampleStudiesTest {

    private static final String FASHION = "/usr/share/datasets/fashion-mnist/";

    @TempDir Path dir;

    private static Path configs() {
        Path p = Path.of("..", "configs");
        return Files.isDirectory(p) ? p : Path.of("configs");
    }

    /** Copies a config with the dataset's files replaced by small stand-ins in {@code dir}. */
    private Path copy(String name) throws IOException {
        for (String f : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            Files.writeString(dir.resolve(f), "stand-in");
        }
        String text = Files.readString(configs().resolve(name)).replace(FASHION, dir + "/");
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void tuneQuickLoads() throws IOException {
        StudySpec s = new StudyLoader(LOADER.registry()).load(copy("tune-quick.yaml"));
        assertEquals("tune-quick", s.name());
        assertEquals("val_loss", s.monitor());
        assertNotNull(s.pruner());
        assertEquals(6000, s.base().path("data").path("limit").asInt());
        assertTrue(s.base().path("data").has("test_images"), "--final needs the test files in best.yaml");
    }

    @Test
    void tuneFashionMnistLoadsOverTheRecipe() throws IOException {
        copy("fashion-mnist.yaml");
        StudySpec s = new StudyLoader(LOADER.registry()).load(copy("tune-fashion-mnist.yaml"));
        ObjectNode base = s.base();
        assertEquals(25000, base.path("data").path("limit").asInt());
        assertEquals("cosine", base.path("schedule").path("type").asText(), "the recipe's own fields stay");
        assertTrue(s.trials() >= 20);
        assertNotNull(s.pruner());
    }
}
