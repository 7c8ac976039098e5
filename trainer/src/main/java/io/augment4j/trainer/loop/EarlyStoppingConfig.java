package io.augment4j.trainer.loop;

/**
 * Early stopping options, with the meaning of Keras' {@code EarlyStopping} callback.
 *
 * @param monitor the history key to watch, e.g. {@code val_loss}, {@code val_accuracy}
 * @param mode MIN, MAX, or AUTO (from the name: losses and errors are minimized, accuracy,
 *     AUC, precision, recall and F-scores maximized; anything else must be given)
 * @param minDelta a change smaller than this (in absolute value) is no improvement
 * @param patience epochs without improvement before stopping
 * @param baseline a value the monitor must beat (by {@code minDelta}) for an improvement to
 *     reset the patience counter (null: none). Until the monitor beats it, the counter keeps
 *     growing, so training stops at the first non-improving epoch once {@code patience} epochs
 *     have passed (an improving epoch never stops training, as in Keras)
 * @param restoreBestWeights at the end of training, put back the weights of the best epoch
 * @param startFromEpoch epochs (0-based) before which nothing is monitored (warm-up)
 */
public record EarlyStoppingConfig(
        String monitor, Mode mode, double minDelta, int patience, Double baseline,
        boolean restoreBestWeights, int startFromEpoch) {

    /** Direction of improvement. */
    public enum Mode { MIN, MAX, AUTO }

    /** Keras' defaults for unset fields. */
    public EarlyStoppingConfig {
        monitor = monitor == null ? "val_loss" : monitor;
        mode = mode == null ? Mode.AUTO : mode;
        minDelta = Math.abs(minDelta);
        if (patience < 0 || startFromEpoch < 0) {
            throw new IllegalArgumentException("patience and startFromEpoch must be >= 0");
        }
    }

    /**
     * @param monitor history key
     * @param patience epochs without improvement
     * @return a config with Keras' other defaults (auto mode, no min delta, no baseline, no
     *     restore, start at epoch 0)
     */
    public static EarlyStoppingConfig of(String monitor, int patience) {
        return new EarlyStoppingConfig(monitor, Mode.AUTO, 0, patience, null, false, 0);
    }
}
