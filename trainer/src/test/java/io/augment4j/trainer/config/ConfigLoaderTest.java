package io.augment4j.trainer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.api.AugmentException;
import io.augment4j.trainer.data.IdxFiles;
import io.augment4j.trainer.model.L2Form;
import io.augment4j.trainer.optim.OptimizerConfig;
import io.augment4j.trainer.optim.ScheduleConfig;
import io.augment4j.api.registry.TransformRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final ConfigLoader LOADER = new ConfigLoader(TransformRegistry.discover());

    @TempDir Path dir;

    @BeforeEach
    void data() throws IOException {
        IdxFiles.write(new byte[4 * 4 * 4], new int[] {0, 1, 0, 1}, 4, 4, dir.resolve("img.idx"),
                dir.resolve("lab.idx"), false);
    }

    private static final String DATA = """
            data:
              type: idx
              train_images: img.idx
              train_labels: lab.idx
            """;

    private TrainConfig parse(String text) {
        return LOADER.parse(text, "train.yaml", dir, "train");
    }

    private ConfigException error(String text) {
        return assertThrows(ConfigException.class, () -> parse(text));
    }

    @Test
    void minimalConfigGetsEveryDefault() {
        TrainConfig c = parse(DATA + "model: {}\n");
        assertEquals("train", c.name());
        assertEquals(dir.resolve("img.idx").toString(), c.data().trainImages());
        assertEquals(10, c.epochs());
        assertEquals(64, c.batchSize());
        assertEquals(42L, c.seed());
        assertEquals(OptimizerConfig.Type.ADAM, c.optimizer().type());
        assertEquals(0.001, c.optimizer().learningRate());
        assertEquals(ScheduleConfig.Type.CONSTANT, c.schedule().type());
        assertEquals(0.2, c.split().val());
        assertNull(c.earlyStopping());
        assertNull(c.augmentation());
        assertEquals(0.0, c.diagnosis().baseError());
        assertEquals(0.05, c.diagnosis().biasThreshold());
        assertTrue(c.model().conv().isEmpty() && c.model().dense().isEmpty());
        assertEquals(0, c.torchThreads());
    }

    @Test
    void torchThreadsIsReadAndANegativeCountIsRefusedWithItsPath() {
        assertEquals(1, parse(DATA + "model: {}\ntorch_threads: 1\n").torchThreads());
        ConfigException e = error(DATA + "model: {}\ntorch_threads: -1\n");
        assertEquals("torch_threads", e.path());
        assertTrue(e.getMessage().contains(">= 0"), e.getMessage());
    }

    @Test
    void fullConfigReadsEverySection() {
        TrainConfig c = parse(DATA + """
                split: {val: 0.25, test: 0.25, seed: 3}
                augmentation:
                  transforms:
                    - transform: hflip
                      p: 0.5
                model:
                  conv:
                    - {filters: 8, batch_norm: true}
                  dense:
                    - {units: 16, dropout: 0.5}
                  activation: tanh
                regularization: {l2: 0.01, form: weight_decay}
                optimizer: {type: sgd_momentum, learning_rate: 0.1, beta1: 0.8}
                schedule: {type: cosine, warmup: 5, min_factor: 0.1}
                early_stopping: {monitor: val_accuracy, patience: 2}
                diagnosis: {base_error: 0.02, bias_threshold: 0.03}
                epochs: 3
                batch_size: 8
                """);
        assertEquals(0.25, c.split().test());
        assertEquals(8, c.model().conv().get(0).filters());
        assertTrue(c.model().conv().get(0).batchNorm());
        assertEquals(3, c.model().conv().get(0).kernel());
        assertEquals(0.5, c.model().dense().get(0).dropout());
        assertEquals(L2Form.WEIGHT_DECAY, c.regularization().form());
        assertEquals(OptimizerConfig.Type.SGD_MOMENTUM, c.optimizer().type());
        assertEquals("val_accuracy", c.earlyStopping().monitor());
        assertTrue(c.earlyStopping().restoreBestWeights());
        assertEquals(0.03, c.diagnosis().biasThreshold());
        assertNotNull(LOADER.augmentationSpec(c));
        // the saved form reads back to the same config
        assertEquals(c, LOADER.parse(ConfigLoader.toYaml(c), "config.yaml", dir, "x"));
        assertEquals(c, LOADER.parse(ConfigLoader.toJson(c), "config.json", dir, "x"));
    }

    @Test
    void unknownFieldNamesItsPathAndLineAndSuggests() {
        ConfigException e = error(DATA + "model: {}\noptimizer:\n  type: adam\n  learning_rat: 0.1\n");
        assertEquals("optimizer.learning_rat", e.path());
        assertEquals(8, e.line());
        assertTrue(e.getMessage().startsWith("train.yaml:8:3 (optimizer.learning_rat): unknown field 'learning_rat'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'learning_rate'?"), e.getMessage());
    }

    @Test
    void unknownTopLevelField() {
        ConfigException e = error(DATA + "model: {}\nepochz: 3\n");
        assertEquals("epochz", e.path());
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("did you mean 'epochs'"), e.getMessage());
    }

    @Test
    void invalidValueInAListNamesTheElement() {
        ConfigException e = error(DATA + """
                model:
                  dense:
                    - units: 8
                    - units: 8
                      dropout: 1.5
                """);
        assertEquals("model.dense[1].dropout", e.path());
        assertEquals(9, e.line());
        assertTrue(e.reason().contains("must be in [0, 1), got 1.5"), e.getMessage());
    }

    @Test
    void missingRequiredFieldNamesIt() {
        ConfigException e = error(DATA + "model:\n  conv:\n    - {kernel: 3}\n");
        assertEquals("model.conv[0].filters", e.path());
        assertEquals(7, e.line());
        assertTrue(e.reason().contains("is required"), e.getMessage());
        ConfigException noModel = error(DATA);
        assertEquals("model", noModel.path());
    }

    @Test
    void wrongTypesAreNamed() {
        ConfigException e = error(DATA + "model: {}\nepochs: ten\n");
        assertEquals("epochs", e.path());
        assertTrue(e.reason().contains("whole number"), e.getMessage());
        ConfigException f = error(DATA + "model: {}\nbatch_size: 1.5\n");
        assertEquals("batch_size", f.path());
        ConfigException g = error(DATA + "model: {}\noptimizer: {type: adamw}\n");
        assertEquals("optimizer.type", g.path());
        assertTrue(g.reason().contains("expected one of adam, rmsprop, sgd, sgd_momentum"), g.getMessage());
        ConfigException h = error(DATA + "model: {}\nsplit: 0.2\n");
        assertEquals("split", h.path());
        assertTrue(h.reason().contains("expected a section"), h.getMessage());
    }

    @Test
    void rangeChecksNameTheField() {
        assertEquals("optimizer.learning_rate", error(DATA + "model: {}\noptimizer: {learning_rate: 0}\n").path());
        assertEquals("early_stopping.monitor", error(DATA + "model: {}\nearly_stopping: {monitor: val_f1}\n").path());
        assertEquals("split.val", error(DATA + "model: {}\nsplit: {val: 0}\n").path());
        assertEquals("diagnosis.base_error", error(DATA + "model: {}\ndiagnosis: {base_error: 5}\n").path());
    }

    @Test
    void augmentationErrorsPointIntoTheConfig() {
        ConfigException e = error(DATA + """
                model: {}
                augmentation:
                  transforms:
                    - transform: hflip
                    - transform: rotatee
                """);
        assertTrue(e.path().startsWith("augmentation.transforms[1]"), e.getMessage());
        assertEquals(9, e.line(), e.getMessage());
        assertTrue(e.reason().contains("rotatee"), e.getMessage());
        ConfigException bad = error(DATA + "model: {}\naugmentation:\n  transforms:\n    - transform: rotate\n"
                + "      limitt: 5\n");
        assertTrue(bad.path().startsWith("augmentation.transforms[0]"), bad.getMessage());
        assertTrue(bad.getMessage().contains("limitt"), bad.getMessage());
    }

    @Test
    void augmentationFromASpecFile() throws IOException {
        Files.writeString(dir.resolve("aug.yaml"), "transforms:\n  - transform: hflip\n    p: 0.5\n");
        TrainConfig c = parse(DATA + "model: {}\naugmentation: aug.yaml\n");
        assertTrue(c.augmentation().isObject(), "inlined: " + c.augmentation());
        assertNotNull(LOADER.augmentationSpec(c));
        Files.writeString(dir.resolve("bad.yaml"), "transforms:\n  - transform: nope\n");
        ConfigException e = error(DATA + "model: {}\naugmentation: bad.yaml\n");
        assertEquals("augmentation", e.path());
        assertTrue(e.getMessage().contains("bad.yaml:2"), e.getMessage());
    }

    @Test
    void aSpecSeedIsRefusedBecauseTheRunSeedDrivesAugmentation() throws IOException {
        ConfigException inline = error(DATA + "model: {}\naugmentation:\n  seed: 7\n  transforms:\n"
                + "    - {transform: hflip}\n");
        assertEquals("augmentation.seed", inline.path());
        assertEquals(7, inline.line());
        assertTrue(inline.getMessage().startsWith("train.yaml:7:3 (augmentation.seed): the spec sets seed: 7, but in"
                + " training each example's augmentation is drawn from the run's seed, the epoch and the example"),
                inline.getMessage());
        Files.writeString(dir.resolve("seeded.yaml"), "seed: 3\ntransforms:\n  - transform: hflip\n");
        ConfigException file = error(DATA + "model: {}\naugmentation: seeded.yaml\n");
        assertEquals("augmentation", file.path());
        assertTrue(file.getMessage().contains("the spec file " + dir.resolve("seeded.yaml") + " sets seed: 3"),
                file.getMessage());
    }

    @Test
    void missingFilesAreNamed() {
        ConfigException e = error("data:\n  type: idx\n  train_images: nope.idx\n  train_labels: lab.idx\nmodel: {}\n");
        assertEquals("data.train_images", e.path());
        assertEquals(3, e.line());
        assertTrue(e.reason().contains("does not exist"), e.getMessage());
        ConfigException f = error("data:\n  type: folder\n  root: nowhere\nmodel: {}\n");
        assertEquals("data.root", f.path());
        ConfigException g = error("data:\n  type: idx\n  train_images: /usr/share/datasets/none/x.gz\n"
                + "  train_labels: lab.idx\nmodel: {}\n");
        assertTrue(g.getMessage().contains("apt-get install"), g.getMessage());
    }

    @Test
    void ownTestSetForbidsATestSplit() {
        ConfigException e = error("""
                data:
                  type: idx
                  train_images: img.idx
                  train_labels: lab.idx
                  test_images: img.idx
                  test_labels: lab.idx
                split: {test: 0.1}
                model: {}
                """);
        assertEquals("split.test", e.path());
        assertEquals(7, e.line());
    }

    @Test
    void syntaxErrorsAndEmptyFiles() {
        ConfigException e = error("data: [\n");
        assertTrue(e.getMessage().startsWith("train.yaml:"), e.getMessage());
        assertTrue(e.reason().startsWith("not valid YAML"), e.getMessage());
        assertTrue(error("").reason().contains("empty"));
        ConfigException json = assertThrows(ConfigException.class,
                () -> LOADER.parse("{\"data\": {\"type\": \"idx\"}, \"model\": {}}", "t.json", dir, "t"));
        assertEquals("data.train_images", json.path());
        ConfigException dup = error(DATA + "model: {}\nepochs: 3\nepochs: 4\n");
        assertTrue(dup.getMessage().contains("epochs"), dup.getMessage());
    }

    @Test
    void errorsAreAugmentExceptions() {
        AugmentException e = assertThrows(AugmentException.class,
                () -> LOADER.load(dir.resolve("missing.yaml")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
