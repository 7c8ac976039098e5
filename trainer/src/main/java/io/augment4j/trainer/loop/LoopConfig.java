package io.augment4j.trainer.loop;

import io.augment4j.trainer.model.L2Form;
import io.augment4j.trainer.optim.OptimizerConfig;
import io.augment4j.trainer.optim.ScheduleConfig;
import java.nio.file.Path;

/**
 * How to train, as plain data. Build with {@link #builder()}; every field has a default.
 *
 * @param epochs maximum epochs
 * @param batchSize mini-batch size m
 * @param evalBatchSize batch size for validation and test (no gradients, so it can be larger)
 * @param seed the one seed everything random derives from
 * @param optimizer update rule and base learning rate
 * @param schedule learning-rate schedule
 * @param l2Form L2 as cost term or weight decay
 * @param earlyStopping early stopping, or null for none
 * @param workers loader threads (0: load in the training thread)
 * @param prefetch batches prepared ahead
 * @param torchThreads PyTorch's intra-op threads while the loop runs (process-wide: set when
 *     {@code fit} starts, the previous count restored when it returns); 0 leaves PyTorch's own
 *     count (one per core, or the {@code ai.djl.pytorch.num_threads} property)
 * @param progressBar show a progress bar per epoch
 * @param outputDir where checkpoints, history and the final model go, or null for nowhere
 * @param resume continue from {@code outputDir}'s checkpoint when there is one
 */
public record LoopConfig(
        int epochs, int batchSize, int evalBatchSize, long seed, OptimizerConfig optimizer,
        ScheduleConfig schedule, L2Form l2Form, EarlyStoppingConfig earlyStopping, int workers,
        int prefetch, int torchThreads, boolean progressBar, Path outputDir, boolean resume) {

    /** Fills defaults and validates. */
    public LoopConfig {
        if (epochs <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("epochs and batchSize must be positive");
        }
        evalBatchSize = evalBatchSize <= 0 ? Math.max(batchSize, 256) : evalBatchSize;
        optimizer = optimizer == null ? OptimizerConfig.sgd(0.01) : optimizer;
        schedule = schedule == null ? ScheduleConfig.CONSTANT : schedule;
        l2Form = l2Form == null ? L2Form.COST : l2Form;
        prefetch = Math.max(1, prefetch);
        if (torchThreads < 0) {
            throw new IllegalArgumentException("torchThreads must be >= 0 (0: PyTorch's own), got "
                    + torchThreads);
        }
    }

    /** @return a builder with defaults: 10 epochs, batch 64, SGD 0.01, 2 workers */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialized from this config */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.evalBatchSize = evalBatchSize;
        b.seed = seed;
        b.optimizer = optimizer;
        b.schedule = schedule;
        b.l2Form = l2Form;
        b.earlyStopping = earlyStopping;
        b.workers = workers;
        b.prefetch = prefetch;
        b.torchThreads = torchThreads;
        b.progressBar = progressBar;
        b.outputDir = outputDir;
        b.resume = resume;
        return b;
    }

    /** Builder for {@link LoopConfig}. */
    public static final class Builder {
        private int epochs = 10;
        private int batchSize = 64;
        private int evalBatchSize;
        private long seed = 42;
        private OptimizerConfig optimizer;
        private ScheduleConfig schedule;
        private L2Form l2Form;
        private EarlyStoppingConfig earlyStopping;
        private int workers = 2;
        private int prefetch = 4;
        private int torchThreads;
        private boolean progressBar = true;
        private Path outputDir;
        private boolean resume = true;

        private Builder() {}

        /** @param v maximum epochs @return this */
        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        /** @param v mini-batch size @return this */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /** @param v evaluation batch size @return this */
        public Builder evalBatchSize(int v) {
            evalBatchSize = v;
            return this;
        }

        /** @param v seed @return this */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** @param v optimizer @return this */
        public Builder optimizer(OptimizerConfig v) {
            optimizer = v;
            return this;
        }

        /** @param v schedule @return this */
        public Builder schedule(ScheduleConfig v) {
            schedule = v;
            return this;
        }

        /** @param v L2 form @return this */
        public Builder l2Form(L2Form v) {
            l2Form = v;
            return this;
        }

        /** @param v early stopping or null @return this */
        public Builder earlyStopping(EarlyStoppingConfig v) {
            earlyStopping = v;
            return this;
        }

        /** @param v loader threads @return this */
        public Builder workers(int v) {
            workers = v;
            return this;
        }

        /** @param v batches prefetched @return this */
        public Builder prefetch(int v) {
            prefetch = v;
            return this;
        }

        /** @param v PyTorch intra-op threads during the loop, 0 for PyTorch's own @return this */
        public Builder torchThreads(int v) {
            torchThreads = v;
            return this;
        }

        /** @param v show progress bars @return this */
        public Builder progressBar(boolean v) {
            progressBar = v;
            return this;
        }

        /** @param v output folder or null @return this */
        public Builder outputDir(Path v) {
            outputDir = v;
            return this;
        }

        /** @param v resume from a checkpoint if present @return this */
        public Builder resume(boolean v) {
            resume = v;
            return this;
        }

        /** @return the config */
        public LoopConfig build() {
            return new LoopConfig(epochs, batchSize, evalBatchSize, seed, optimizer, schedule,
                    l2Form, earlyStopping, workers, prefetch, torchThreads, progressBar, outputDir, resume);
        }
    }
}
