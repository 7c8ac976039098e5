package io.augment4j.trainer;

import io.augment4j.trainer.data.ArrayImageSet;
import io.augment4j.trainer.loop.LoopConfig;
import io.augment4j.trainer.split.Split;
import io.augment4j.trainer.split.SplitSpec;
import io.augment4j.trainer.split.StratifiedSplitter;
import java.util.Map;

/** Shared tiny training setup: 3 classes of 8x8 grey bands, 300 examples, 70/20/10. */
public final class TrainingFixture {

    /** The data. */
    public static final ArrayImageSet DATA = TinyData.bands(300, 3, 8, 1, 40, 11);
    /** The split. */
    public static final Split SPLIT = StratifiedSplitter.split(DATA.labels(), SplitSpec.defaults(3));

    private TrainingFixture() {}

    /** @return a quiet, single-threaded-loader config for tests */
    public static LoopConfig.Builder config() {
        return LoopConfig.builder().epochs(3).batchSize(32).progressBar(false).workers(1).seed(5);
    }

    /** @return the largest absolute difference between two snapshots */
    public static double maxDiff(Map<String, HostTensor> a, Map<String, HostTensor> b) {
        double d = 0;
        for (String k : a.keySet()) {
            float[] x = a.get(k).data();
            float[] y = b.get(k).data();
            for (int i = 0; i < x.length; i++) {
                d = Math.max(d, Math.abs(x[i] - y[i]));
            }
        }
        return d;
    }
}
