package io.augment4j.trainer.run;

import io.augment4j.api.AugmentException;
import io.augment4j.trainer.augment.PipelineAugmenter;
import io.augment4j.trainer.config.ConfigLoader;
import io.augment4j.trainer.config.TrainConfig;
import io.augment4j.trainer.loop.DivergedException;
import io.augment4j.trainer.loop.EvalMetrics;
import io.augment4j.trainer.loop.FitResult;
import io.augment4j.trainer.loop.History;
import io.augment4j.trainer.loop.LoopConfig;
import io.augment4j.trainer.loop.LoopListener;
import io.augment4j.trainer.loop.LoopListeners;
import io.augment4j.trainer.loop.TrainedModel;
import io.augment4j.trainer.loop.TrainingLoop;
import io.augment4j.trainer.split.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains a config on its train split and validates on its validation split, without ever
 * loading a test set: the training of one tuning trial. The pieces are {@code aug train}'s (data
 * loading, split, the loop with {@link LoopListeners#defaults}, checkpoints), so a trial trains
 * exactly as the run of the same config would, on the same train and validation examples.
 *
 * <p>The folder receives {@code split.json}, the history files, {@code last.ckpt} after every
 * epoch and the final {@code model/}; when it already holds a checkpoint the training continues
 * from it (a resumed trial).
 */
public final class TrainValRun {

    private TrainValRun() {}

    /**
     * What a finished (or suspended) training left.
     *
     * @param history per-epoch metrics, the epochs of earlier attempts included
     * @param bestEpoch 0-based epoch whose weights the model ended with (see {@link FitResult#bestEpoch})
     * @param stop why the loop stopped before its last epoch, or null
     * @param train a clean evaluation of the final weights on the train split (null when suspended)
     * @param val the same on the validation split (null when suspended)
     */
    public record Result(History history, int bestEpoch, FitResult.Stop stop, EvalMetrics train, EvalMetrics val) {}

    /**
     * Trains {@code cfg} in {@code dir}.
     *
     * @param loader the loader whose registry compiles the config's augmentation
     * @param cfg the config; it must name no test files (a trial's config has them removed)
     * @param ownTestSet whether the complete config names a test set of its own, which decides the
     *     split exactly as {@code aug train} would make it (see {@link RunSplits#trainVal})
     * @param dir the trial folder (created if needed)
     * @param extra listeners after the default ones that decide (early stopping) and before the
     *     ones that save (history, checkpoint), e.g. a pruner
     * @return the history, best epoch, stop and clean train/validation evaluations
     * @throws AugmentException for unusable data or a diverged loss ({@link RunException})
     */
    public static Result fit(ConfigLoader loader, TrainConfig cfg, boolean ownTestSet, Path dir,
            LoopListener... extra) {
        if (cfg.data().hasTestSet()) {
            throw new IllegalArgumentException("a train/validation run takes a config without test files");
        }
        if (cfg.split().mergeVal()) {
            throw new RunException("a train/validation run needs its validation split: remove split.merge_val");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RunException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        Datasets.Loaded data = Datasets.load(cfg.data(), cfg.seed());
        Split split = RunSplits.trainVal(cfg, data, ownTestSet, dir);
        try {
            split.save(dir.resolve(RunFolder.SPLIT_FILE));
        } catch (IOException e) {
            throw new RunException("cannot write " + dir.resolve(RunFolder.SPLIT_FILE) + ": " + e.getMessage(), e);
        }
        PipelineAugmenter augmenter = TrainingRun.augmenter(loader, loader.augmentationSpec(cfg));
        LoopConfig tc = TrainingRun.loopConfig(cfg, split, dir);
        FitResult r;
        try {
            r = new TrainingLoop(cfg.model().toModelConfig(cfg.regularization().toRegularization()), tc,
                    LoopListeners.defaults(tc, extra)).fit(data.all(), split, augmenter);
        } catch (DivergedException e) {
            throw new RunException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new RunException(e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
        try (TrainedModel m = r.model()) {
            if (r.suspended()) {
                return new Result(r.history(), r.bestEpoch(), r.stop(), null, null);
            }
            return new Result(r.history(), r.bestEpoch(), r.stop(),
                    m.evaluate(data.all(), split.train(), tc.evalBatchSize()),
                    m.evaluate(data.all(), split.val(), tc.evalBatchSize()));
        }
    }
}
