package io.augment4j.trainer.run;

import io.augment4j.trainer.config.SplitConfig;
import io.augment4j.trainer.config.TrainConfig;
import io.augment4j.trainer.data.ImageSet;
import io.augment4j.trainer.split.Split;
import io.augment4j.trainer.split.SplitAdvisor;
import io.augment4j.trainer.split.SplitSpec;
import io.augment4j.trainer.split.StratifiedSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** The split a run trains on: its saved one, a configured split file, or a new one from the config. */
final class RunSplits {

    private RunSplits() {}

    /**
     * The run's saved split when resuming (runDir given), else the configured split file, else a new
     * split; with {@code split.merge_val}, its validation part moved into train.
     */
    static Split split(TrainConfig cfg, Datasets.Loaded data, Path runDir) {
        Split s = configured(cfg, data, runDir);
        return cfg.split().mergeVal() ? s.withValInTrain(SplitAdvisor.testWarnings(data.all().labels(),
                data.all().numClasses(), s.test())) : s;
    }

    private static Split configured(TrainConfig cfg, Datasets.Loaded data, Path runDir) {
        Path saved = runDir == null ? null : runDir.resolve(RunFolder.SPLIT_FILE);
        SplitConfig s = cfg.split();
        Path reuse = saved != null && Files.isRegularFile(saved) ? saved : s.file() != null ? Path.of(s.file()) : null;
        if (reuse == null) {
            return makeSplit(data, s, cfg.seed());
        }
        try {
            return Split.load(reuse, data.all().size());
        } catch (IOException e) {
            throw new RunException("cannot reuse the split " + reuse + ": " + e.getMessage(), e);
        }
    }

    /**
     * The train and validation parts of the split {@code aug train} would make for this config,
     * from the train data alone (a tuning trial's split): the same examples as that run's train and
     * validation splits, and an empty test split. The saved split in {@code runDir} wins, as for a
     * resumed run.
     *
     * @param cfg the config, without its test files
     * @param trainOnly its train data (no test set loaded)
     * @param ownTestSet whether the full config names a test set of its own (data.test_*): then the
     *     train data splits in two; else {@code aug train} carves a test split out of the train
     *     data, which this split leaves out too
     * @param runDir the folder that may hold a saved split, or null
     * @return the split, its test part empty
     */
    static Split trainVal(TrainConfig cfg, Datasets.Loaded trainOnly, boolean ownTestSet, Path runDir) {
        Path saved = runDir == null ? null : runDir.resolve(RunFolder.SPLIT_FILE);
        if (saved != null && Files.isRegularFile(saved)) {
            return split(cfg, trainOnly, runDir);
        }
        Split s = makeSplit(trainOnly, cfg.split(), cfg.seed(), ownTestSet);
        return new Split(s.datasetSize(), s.spec(), s.train(), s.val(), new int[0], s.warnings());
    }

    /** The split the config asks for: the data's own test set if it has one, else a stratified three-way split. */
    static Split makeSplit(Datasets.Loaded data, SplitConfig s, long runSeed) {
        return makeSplit(data, s, runSeed, data.testCount() > 0);
    }

    private static Split makeSplit(Datasets.Loaded data, SplitConfig s, long runSeed, boolean ownTestSet) {
        long seed = s.seed() != null ? s.seed() : runSeed;
        ImageSet all = data.all();
        int[] labels = all.labels();
        int n = data.trainCount();
        try {
            if (ownTestSet) {
                SplitSpec spec = s.valSize() != null ? SplitSpec.sizes(s.valSize(), 0, seed)
                        : SplitSpec.ratios(1 - s.val(), s.val(), 0, seed);
                Split inner = StratifiedSplitter.split(Arrays.copyOf(labels, n), spec);
                int[] test = IntStream.range(n, all.size()).toArray();
                List<String> warnings = SplitAdvisor.warnings(labels, all.numClasses(), inner.val(), test);
                return new Split(all.size(), spec, inner.train(), inner.val(), test, warnings);
            }
            double testRatio = s.test() == null ? 0.1 : s.test();
            SplitSpec spec = s.valSize() != null || s.testSize() != null
                    ? SplitSpec.sizes(s.valSize() != null ? s.valSize() : (int) Math.round(n * s.val()),
                            s.testSize() != null ? s.testSize() : (int) Math.round(n * testRatio), seed)
                    : SplitSpec.ratios(1 - s.val() - testRatio, s.val(), testRatio, seed);
            return StratifiedSplitter.split(labels, spec);
        } catch (IllegalArgumentException e) {
            throw new RunException("cannot split " + n + " examples as configured (split): " + e.getMessage(), e);
        }
    }
}
