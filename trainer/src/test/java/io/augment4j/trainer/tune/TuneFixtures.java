package io.augment4j.trainer.tune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.config.ConfigLoader;
import io.augment4j.trainer.data.IdxFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A tiny dataset, a tiny base config and simple real samplers and pruners for the study tests. */
final class TuneFixtures {

    static final ConfigLoader LOADER = new ConfigLoader(TransformRegistry.discover());

    /** A 3-epoch MLP of 8 units with dropout on 8x8 bands; its test files do not exist. */
    static final String BASE = """
            data:
              type: idx
              train_images: bands-images.idx
              train_labels: bands-labels.idx
              test_images: test-images.idx
              test_labels: test-labels.idx
            split: {val: 0.25}
            model:
              dense:
                - {units: 8, dropout: 0.1}
            optimizer: {type: adam, learning_rate: 0.01}
            early_stopping: {monitor: val_loss, patience: 5}
            epochs: 3
            batch_size: 32
            workers: 0
            progress: false
            """;

    private TuneFixtures() {}

    /** Three classes of 8x8 horizontal bands with pixel noise. */
    static void bands(Path dir, String prefix, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] px = new byte[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            labels[i] = k;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    double v = (y * 3 / 8 == k ? 160 : 80) + 50 * r.nextGaussian();
                    px[i * 64 + y * 8 + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
        IdxFiles.write(px, labels, 8, 8, dir.resolve(prefix + "-images.idx"), dir.resolve(prefix + "-labels.idx"),
                false);
    }

    static ObjectNode base() throws IOException {
        return (ObjectNode) new YAMLMapper().readTree(BASE);
    }

    static StudySpec spec(Path dataDir, List<Map<String, Object>> values, Pruner pruner) throws IOException {
        return new StudySpec("s", null, dataDir, base(), new ListSampler(values), pruner, values.size(), 7,
                "val_loss", Direction.MINIMIZE);
    }

    /** Trial n gets the n-th values of a list: a grid given in full. */
    record ListSampler(List<Map<String, Object>> values) implements Sampler {
        @Override
        public int maxTrials() {
            return values.size();
        }

        @Override
        public Map<String, Object> sample(int number, List<TrialRecord> trials) {
            return values.get(number);
        }
    }

    /** Stops a trial whose value after {@code epoch} is above {@code limit}, whatever the others did. */
    record ThresholdPruner(int epoch, double limit) implements Pruner {
        @Override
        public String prune(TrialRecord trial, int epoch, List<TrialRecord> others, Direction direction) {
            double v = trial.curve().get(epoch);
            return epoch == this.epoch && v > limit ? "val_loss " + v + " above " + limit + " at epoch " + (epoch + 1)
                    : null;
        }
    }
}
