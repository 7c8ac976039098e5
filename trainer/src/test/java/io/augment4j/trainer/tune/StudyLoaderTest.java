package io.augment4j.trainer.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.config.ConfigException;
import io.augment4j.trainer.config.ConfigLoader;
import io.augment4j.trainer.config.TrainConfig;
import io.augment4j.trainer.data.IdxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Study files: every field read, defaults, and errors that name the file, line and field. */
class StudyLoaderTest {

    private static final TransformRegistry REGISTRY = TransformRegistry.discover();
    private static final StudyLoader LOADER = new StudyLoader(REGISTRY);

    @TempDir Path dir;
    private Path study;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("configs"));
        Files.createDirectories(dir.resolve("studies"));
        IdxFiles.write(new byte[4 * 4 * 4], new int[] {0, 1, 0, 1}, 4, 4, dir.resolve("configs/img.idx"),
                dir.resolve("configs/lab.idx"), false);
        Files.writeString(dir.resolve("configs/base.yaml"), """
                data:
                  type: idx
                  train_images: img.idx
                  train_labels: lab.idx
                model:
                  dense:
                    - {units: 64, dropout: 0.1}
                epochs: 3
                early_stopping:
                  monitor: val_accuracy
                """);
        study = dir.resolve("studies/study.yaml");
    }

    private StudySpec parse(String text) {
        return LOADER.parse(text, study);
    }

    private ConfigException error(String text) {
        return assertThrows(ConfigException.class, () -> parse(text));
    }

    private static void assertLocated(ConfigException e, int line, String path, String... words) {
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(path, e.path(), e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' not in: " + e.getMessage());
        }
    }

    private static final String HEAD = "base: ../configs/base.yaml\n";

    @Test
    void theIssuesExampleReadsEveryField() {
        StudySpec s = parse("""
                name: tune-quick
                base: ../configs/base.yaml
                overrides: {epochs: 6}
                search:
                  optimizer.learning_rate: {log_uniform: [1.0e-4, 1.0e-1]}
                  regularization.l2: {log_uniform: [1.0e-4, 1.0]}
                  model.dense[0].dropout: {uniform: [0.0, 0.5]}
                  model.dense[0].units: {int_log: [32, 512]}
                  optimizer.type: {choice: [adam, sgd]}
                  optimizer.beta1: {one_minus_log: [0.8, 0.999]}
                sampler: {type: coarse_to_fine, rounds: 3, top_k: 3}
                pruner: {type: asha, min_epochs: 1, reduction_factor: 3}
                trials: 20
                seed: 7
                """);
        assertEquals("tune-quick", s.name());
        assertEquals(study, s.source());
        assertEquals(dir.resolve("configs"), s.baseDir());
        assertEquals(6, s.base().get("epochs").asInt(), "overrides applied");
        assertEquals("img.idx", s.base().at("/data/train_images").asText(), "paths stay relative to baseDir");
        assertEquals(20, s.trials());
        assertEquals(7, s.seed());
        assertEquals("val_accuracy", s.monitor());
        assertEquals(Direction.MAXIMIZE, s.direction());
        CoarseToFineSampler c = assertInstanceOf(CoarseToFineSampler.class, s.sampler());
        assertEquals(3, c.rounds());
        assertEquals(7, c.roundSize(), "ceil(20 / 3)");
        AshaPruner a = assertInstanceOf(AshaPruner.class, s.pruner());
        assertEquals(1, a.minEpochs());
        assertEquals(3, a.reductionFactor());
        SearchSpace space = Studies.space(s);
        assertEquals(List.of("optimizer.learning_rate", "regularization.l2", "model.dense[0].dropout",
                "model.dense[0].units", "optimizer.type", "optimizer.beta1"), List.copyOf(space.entries().keySet()));
        assertEquals(new Distribution.LogUniform(1e-4, 1e-1), space.get("optimizer.learning_rate"));
        assertEquals(new Distribution.IntLog(32, 512), space.get("model.dense[0].units"));
        assertEquals(new Distribution.Choice(List.of("adam", "sgd")), space.get("optimizer.type"));
        assertEquals(new Distribution.OneMinusLog(0.8, 0.999), space.get("optimizer.beta1"));
    }

    @Test
    void aSampledTrialConfigParsesAsATrainingConfig() {
        StudySpec s = parse(HEAD + """
                search:
                  optimizer.learning_rate: {log_uniform: [1.0e-4, 1.0e-1]}
                  model.dense[0].units: {int_log: [32, 512]}
                  optimizer.type: {choice: [adam, sgd]}
                """);
        Map<String, Object> p = s.sampler().sample(3, List.of());
        TrainConfig c = new ConfigLoader(REGISTRY).parse(ConfigPaths.apply(s.base(), p).toString(), "trial",
                s.baseDir(), "trial");
        assertEquals(p.get("optimizer.learning_rate"), c.optimizer().learningRate());
        assertEquals(p.get("model.dense[0].units"), c.model().dense().get(0).units());
        assertEquals(p.get("optimizer.type"), c.optimizer().type().name().toLowerCase());
        assertEquals(0.1, c.model().dense().get(0).dropout(), "the rest is the base's");
    }

    @Test
    void defaultsForAnInlineConfig() {
        StudySpec s = parse("""
                config:
                  data: {type: idx, train_images: ../configs/img.idx, train_labels: ../configs/lab.idx}
                  model: {dense: [{units: 8}]}
                search:
                  optimizer.learning_rate: {log_uniform: [1.0e-4, 1.0e-1]}
                """);
        assertEquals("study", s.name());
        assertEquals(dir.resolve("studies"), s.baseDir());
        assertInstanceOf(RandomSampler.class, s.sampler());
        assertNull(s.pruner());
        assertEquals(Studies.DEFAULT_TRIALS, s.trials());
        assertEquals(Studies.DEFAULT_SEED, s.seed());
        assertEquals("val_loss", s.monitor());
        assertEquals(Direction.MINIMIZE, s.direction());
        MedianPruner m = assertInstanceOf(MedianPruner.class, parse(HEAD + """
                search: {optimizer.learning_rate: {log_uniform: [1.0e-4, 1.0e-1]}}
                pruner: median
                """).pruner());
        assertEquals(5, m.startupTrials());
        assertEquals(0, m.warmupEpochs());
    }

    @Test
    void aGridStudyRunsItsWholeGridByDefault() {
        StudySpec s = parse(HEAD + """
                search:
                  optimizer.type: {grid: [adam, sgd]}
                  model.dense[0].units: {grid: [16, 32, 64]}
                sampler: {type: grid}
                """);
        assertEquals(6, s.trials());
        assertEquals(6, s.sampler().maxTrials());
        assertLocated(error(HEAD + """
                search:
                  optimizer.type: {grid: [adam, sgd]}
                sampler: grid
                trials: 3
                """), 5, "trials", "the grid has only 2 points");
        assertLocated(error(HEAD + """
                search:
                  optimizer.type: {grid: [adam, sgd]}
                  optimizer.learning_rate: {log_uniform: [1.0e-4, 1.0e-1]}
                sampler: {type: grid}
                """), 4, "search.optimizer.learning_rate", "grid sampler needs explicit values");
        assertLocated(error(HEAD + """
                search:
                  optimizer.type: {grid: [adam, sgd]}
                """), 3, "search.optimizer.type", "use choice");
    }

    @Test
    void searchErrorsNameTheLineAndTheField() {
        assertLocated(error(HEAD + """
                search:
                  optimizer.learning_rat: {log_uniform: [1.0e-4, 1.0e-1]}
                """), 3, "search.optimizer.learning_rat", "not a field of the training config",
                "did you mean 'learning_rate'?");
        assertLocated(error(HEAD + """
                search:
                  optimizer.learning_rate: {log_uniform: [1.0e-4, 1.0e-1]}
                  model.dense[0].units: {uniform: [32.0, 512.0]}
                """), 4, "search.model.dense[0].units", "32.0", "expected a whole number",
                "use int or int_log");
        assertLocated(error(HEAD + """
                search:
                  optimizer.beta1: {uniform: [0.5, 1.0]}
                """), 3, "search.optimizer.beta1", "the value 1.0", "must be in [0, 1)");
        assertLocated(error(HEAD + """
                search:
                  model.dense[1].units: {int: [8, 16]}
                """), 3, "search.model.dense[1].units", "has 1 item(s)");
        assertLocated(error(HEAD + """
                search:
                  model.dense[0].dropout: {uniform: [0.3, 0.3]}
                """), 3, "search.model.dense[0].dropout.uniform", "empty range");
        assertLocated(error(HEAD + """
                search:
                  optimizer.learning_rate: {log_uniform: [0.1, 0.001]}
                """), 3, "search.optimizer.learning_rate.log_uniform", "inverted range");
        assertLocated(error(HEAD + """
                search:
                  regularization.l2: {log_uniform: [0.0, 1.0]}
                """), 3, "search.regularization.l2.log_uniform", "positive");
        assertLocated(error(HEAD + """
                search:
                  optimizer.beta1: {one_minus_log: [0.9, 1.0]}
                """), 3, "search.optimizer.beta1.one_minus_log", "0 < lo < hi < 1");
        assertLocated(error(HEAD + """
                search:
                  optimizer.learning_rate: {log_uniformm: [1.0e-4, 1.0e-1]}
                """), 3, "search.optimizer.learning_rate.log_uniformm", "did you mean 'log_uniform'?");
        assertLocated(error(HEAD + """
                search:
                  model.dense[0].units: {int_log: [32, 51.5]}
                """), 3, "search.model.dense[0].units.int_log[1]", "expected a whole number");
        assertLocated(error(HEAD + """
                search:
                  optimizer.type: {choice: []}
                """), 3, "search.optimizer.type.choice", "at least one value");
        assertLocated(error(HEAD + """
                search:
                  optimizer.type: {choice: [adam, sgdd]}
                """), 3, "search.optimizer.type", "'sgdd'");
        assertLocated(error(HEAD + "search: {}\n"), 2, "search", "no parameter");
    }

    @Test
    void studyFieldErrorsNameTheLineAndTheField() {
        String search = "search: {optimizer.learning_rate: {log_uniform: [1.0e-4, 1.0e-1]}}\n";
        assertLocated(error(HEAD + search + "sampeler: random\n"), 3, "sampeler", "did you mean 'sampler'?");
        assertLocated(error(HEAD + search + "sampler: {type: randm}\n"), 3, "sampler.type", "did you mean 'random'?");
        assertLocated(error(HEAD + search + "sampler: {type: random, rounds: 2}\n"), 3, "sampler.rounds",
                "only the coarse_to_fine");
        assertLocated(error(HEAD + search + "pruner: {type: ashaa}\n"), 3, "pruner.type", "did you mean 'asha'?");
        assertLocated(error(HEAD + search + "pruner: {type: asha, reduction_factor: 1}\n"), 3,
                "pruner.reduction_factor", "must be at least 2, got 1");
        assertLocated(error(HEAD + search + "pruner: {type: median, min_epochs: 1}\n"), 3, "pruner.min_epochs",
                "unknown field");
        assertLocated(error(HEAD + search + "trials: 0\n"), 3, "trials", "at least 1");
        assertLocated(error(HEAD + search + "trials: 2.5\n"), 3, "trials", "whole number");
        assertLocated(error(HEAD + search + "trials: 2\nsampler: {type: coarse_to_fine, rounds: 3}\n"), 4,
                "sampler.rounds", "between 1 and the number of trials");
        assertLocated(error("base: ../configs/nope.yaml\n" + search), 1, "base", "does not exist");
        assertLocated(error(HEAD + "config: {epochs: 3}\n" + search), 2, "config", "not both");
        assertLocated(error(search), -1, null, "needs a training config");
        assertLocated(error(HEAD + "overrides:\n  epochs: 0\n" + search), 3, "overrides.epochs", "must be positive");
        assertLocated(error(HEAD + "overrides:\n  early_stopping: {monitor: accuracy}\n" + search), 3,
                "overrides.early_stopping.monitor", "validation metric");
        assertLocated(error(HEAD + "search:\n  optimizer.learning_rate: {log_uniform: [low, 1.0e-1]}\n"), 3,
                "search.optimizer.learning_rate.log_uniform[0]", "expected a number, got 'low' (text)");
        assertEquals(new Distribution.LogUniform(1e-4, 0.1), Studies.space(parse(HEAD
                + "search: {optimizer.learning_rate: {log_uniform: [1e-4, 1e-1]}}\n")).get("optimizer.learning_rate"),
                "1e-4 is a number");
        assertLocated(error(HEAD + search + "trials: [3\n"), 3, null, "not valid YAML");
        assertLocated(error(HEAD + "overrides:\n  split: {merge_val: true}\n" + search), 3,
                "overrides.split.merge_val", "ranks its trials on the validation split");
    }

    @Test
    void anErrorInTheBaseFileIsLocatedThere() throws IOException {
        Files.writeString(dir.resolve("configs/bad.yaml"), """
                data: {type: idx, train_images: img.idx, train_labels: lab.idx}
                model: {}
                epochs: -1
                """);
        ConfigException e = error("base: ../configs/bad.yaml\nsearch: {seed: {int: [1, 3]}}\n");
        assertTrue(e.getMessage().startsWith(dir.resolve("configs/bad.yaml").toString() + ":3"), e.getMessage());
        assertEquals("epochs", e.path());
    }

    @Test
    void loadReadsAFileAndNamesTheStudyAfterIt() throws IOException {
        Files.writeString(study, HEAD + "search: {seed: {int: [1, 3]}}\n");
        StudySpec s = LOADER.load(study);
        assertEquals("study", s.name());
        assertEquals(new Distribution.IntUniform(1, 3), Studies.space(s).get("seed"));
        assertTrue(assertThrows(ConfigException.class, () -> LOADER.load(dir.resolve("none.yaml"))).getMessage()
                .contains("does not exist"));
    }
}
