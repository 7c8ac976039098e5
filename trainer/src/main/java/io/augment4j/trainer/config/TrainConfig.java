package io.augment4j.trainer.config;

import static io.augment4j.trainer.config.InvalidField.check;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A training run as plain data: what {@code aug train --config train.yaml} reads (YAML or JSON,
 * snake_case keys). Every field but {@code data} and {@code model} has a default; an unknown or
 * invalid field is an error naming its path and line (see {@link ConfigLoader}). The reference,
 * field by field with defaults, is {@code trainer/CONFIG.md}.
 *
 * @param name the run's name, shown in the report; default: the config file name without extension
 * @param data where the images come from; required
 * @param split train/validation/test split; default: the {@link SplitConfig} defaults
 * @param augmentation train-time augmentation: an augment pipeline spec inline (a map with a
 *     {@code transforms:} list, exactly as in augment spec files) or the path of a spec file;
 *     applied to train examples only; default none
 * @param model the network; required
 * @param regularization L2/L1 penalties; default none
 * @param optimizer update rule and learning rate; default adam 0.001
 * @param schedule learning-rate schedule; default constant
 * @param epochs maximum epochs; default 10
 * @param batchSize mini-batch size; default 64
 * @param evalBatchSize batch size for validation and test; default max(batch_size, 256)
 * @param seed the one seed everything random derives from (split, shuffle, init, dropout,
 *     augmentation); default 42
 * @param workers threads that load and augment batches; default 2
 * @param prefetch batches prepared ahead of the training loop; default 4
 * @param torchThreads PyTorch's intra-op threads during the run; default 0: PyTorch's own (one per
 *     core). Fewer leave the loader's workers a core, which cuts the wait for data of a network
 *     whose step is small next to its augmentation (measured in {@code trainer/CONFIG.md})
 * @param earlyStopping early stopping on the validation set; default off
 * @param diagnosis base error and thresholds of the bias/variance verdict; default base error 0,
 *     thresholds 5 points
 * @param outputDir the run folder; default {@code runs/<name>} (relative to the working directory);
 *     a folder given on the command line wins
 * @param progress show a progress bar per epoch; default true
 */
public record TrainConfig(
        String name, DataConfig data, SplitConfig split, JsonNode augmentation, ModelSection model,
        RegularizationSection regularization, OptimizerSection optimizer, ScheduleSection schedule,
        Integer epochs, Integer batchSize, Integer evalBatchSize, Long seed, Integer workers, Integer prefetch,
        Integer torchThreads, EarlyStoppingSection earlyStopping, DiagnosisSection diagnosis, String outputDir,
        Boolean progress) {

    /** Validates and fills defaults. */
    public TrainConfig {
        check(data != null, "data", "is required: say where the images are (type idx or folder)");
        check(model != null, "model", "is required (e.g. model: {dense: [{units: 128}]})");
        split = split == null ? new SplitConfig(null, null, null, null, null, null, null) : split;
        if (augmentation != null && augmentation.isNull()) {
            augmentation = null;
        }
        regularization = regularization == null ? new RegularizationSection(null, null, null) : regularization;
        optimizer = optimizer == null ? new OptimizerSection(null, null, null, null, null) : optimizer;
        schedule = schedule == null ? new ScheduleSection(null, null, null, null, null, null) : schedule;
        epochs = epochs == null ? 10 : epochs;
        batchSize = batchSize == null ? 64 : batchSize;
        evalBatchSize = evalBatchSize == null ? 0 : evalBatchSize;
        seed = seed == null ? 42L : seed;
        workers = workers == null ? 2 : workers;
        prefetch = prefetch == null ? 4 : prefetch;
        torchThreads = torchThreads == null ? 0 : torchThreads;
        diagnosis = diagnosis == null ? new DiagnosisSection(null, null, null) : diagnosis;
        progress = progress == null || progress;
        check(epochs > 0, "epochs", "must be positive, got " + epochs);
        check(batchSize > 0, "batch_size", "must be positive, got " + batchSize);
        check(evalBatchSize >= 0, "eval_batch_size", "must be >= 0 (0 = automatic), got " + evalBatchSize);
        check(workers >= 0, "workers", "must be >= 0 (0 = load in the training thread), got " + workers);
        check(prefetch > 0, "prefetch", "must be positive, got " + prefetch);
        check(torchThreads >= 0, "torch_threads", "must be >= 0 (0 = PyTorch's own: one per core), got "
                + torchThreads);
        if (data.hasTestSet()) {
            check(split.test() == null || split.test() == 0, "split.test",
                    "the data has its own test set (data.test_*), so the split makes train and validation"
                            + " only: remove split.test");
            check(split.testSize() == null || split.testSize() == 0, "split.test_size",
                    "the data has its own test set (data.test_*): remove split.test_size");
        }
        if (split.mergeVal() && earlyStopping != null) {
            check(!earlyStopping.monitor().startsWith("val_"), "early_stopping.monitor", "split.merge_val leaves"
                    + " no validation split, so there is no " + earlyStopping.monitor() + " to watch: remove"
                    + " early_stopping (or monitor loss or accuracy)");
        }
    }

    /** @param newName name @return a copy with another name */
    public TrainConfig withName(String newName) {
        return new TrainConfig(newName, data, split, augmentation, model, regularization, optimizer, schedule,
                epochs, batchSize, evalBatchSize, seed, workers, prefetch, torchThreads, earlyStopping, diagnosis,
                outputDir, progress);
    }

    /** @param newData data section @param newAugmentation augmentation @param newSplit split @return a copy */
    public TrainConfig withResolved(DataConfig newData, JsonNode newAugmentation, SplitConfig newSplit) {
        return new TrainConfig(name, newData, newSplit, newAugmentation, model, regularization, optimizer,
                schedule, epochs, batchSize, evalBatchSize, seed, workers, prefetch, torchThreads, earlyStopping,
                diagnosis, outputDir, progress);
    }

    /** @param show progress bars on or off @return a copy */
    public TrainConfig withProgress(boolean show) {
        return new TrainConfig(name, data, split, augmentation, model, regularization, optimizer, schedule,
                epochs, batchSize, evalBatchSize, seed, workers, prefetch, torchThreads, earlyStopping, diagnosis,
                outputDir, show);
    }
}
