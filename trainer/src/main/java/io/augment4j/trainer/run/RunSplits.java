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

    /** The run's saved split when resuming (runDir given), else the configured split file, else a new split. */
    static Split split(TrainConfig cfg, Datasets.Loaded data, Path runDir) {
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

    /** The split the config asks for: the data's own test set if it has one, else a stratified three-way split. */
    static Split makeSplit(Datasets.Loaded data, SplitConfig s, long runSeed) {
        long seed = s.seed() != null ? s.seed() : runSeed;
        ImageSet all = data.all();
        int[] labels = all.labels();
        int n = data.trainCount();
        try {
            if (data.testCount() > 0) {
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
