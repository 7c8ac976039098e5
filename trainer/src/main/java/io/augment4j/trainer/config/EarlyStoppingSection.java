package io.augment4j.trainer.config;

import static io.augment4j.trainer.config.InvalidField.check;

import io.augment4j.trainer.loop.EarlyStoppingConfig;
import java.util.Set;

/**
 * The {@code early_stopping:} section; absent means no early stopping ({@code early_stopping: {}}
 * turns it on with the defaults). Early stopping only ever looks at the validation set.
 *
 * @param monitor {@code val_loss}, {@code val_accuracy}, {@code loss} or {@code accuracy}; default val_loss
 * @param mode {@code min}, {@code max} or {@code auto} (from the name); default auto
 * @param minDelta a change smaller than this is no improvement; default 0
 * @param patience epochs without improvement before stopping; default 5
 * @param baseline a value the monitor must beat before the patience counter resets (see
 *     {@link io.augment4j.trainer.loop.EarlyStoppingConfig}); default none
 * @param restoreBestWeights at the end, put back the weights of the best epoch; default true
 * @param startFromEpoch epochs ignored at the start (warm-up); default 0
 */
public record EarlyStoppingSection(String monitor, EarlyStoppingConfig.Mode mode, Double minDelta, Integer patience,
        Double baseline, Boolean restoreBestWeights, Integer startFromEpoch) {

    /** Metrics early stopping may watch. */
    public static final Set<String> MONITORS = Set.of("val_loss", "val_accuracy", "loss", "accuracy");

    /** Validates and fills defaults. */
    public EarlyStoppingSection {
        monitor = monitor == null ? "val_loss" : monitor;
        check(MONITORS.contains(monitor), "monitor", "unknown metric '" + monitor + "'; use one of "
                + new java.util.TreeSet<>(MONITORS));
        mode = mode == null ? EarlyStoppingConfig.Mode.AUTO : mode;
        minDelta = minDelta == null ? 0.0 : minDelta;
        patience = patience == null ? 5 : patience;
        restoreBestWeights = restoreBestWeights == null || restoreBestWeights;
        startFromEpoch = startFromEpoch == null ? 0 : startFromEpoch;
        check(minDelta >= 0, "min_delta", "must be >= 0, got " + minDelta);
        check(patience >= 0, "patience", "must be >= 0, got " + patience);
        check(startFromEpoch >= 0, "start_from_epoch", "must be >= 0, got " + startFromEpoch);
    }

    /** @return the core config */
    public EarlyStoppingConfig toEarlyStoppingConfig() {
        return new EarlyStoppingConfig(monitor, mode, minDelta, patience, baseline, restoreBestWeights,
                startFromEpoch);
    }
}
