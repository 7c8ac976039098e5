package io.augment4j.trainer.loop;

import java.util.Locale;
import java.util.Map;

/**
 * The early-stopping decision, as pure logic with no DJL in it, following Keras 3's
 * {@code EarlyStopping} ({@code keras/src/callbacks/early_stopping.py}) line by line.
 *
 * <p>Not built on DJL's {@code EarlyStoppingListener}: it treats every metric as
 * lower-is-better, compares with the previous epoch instead of the best, cannot restore the
 * best weights, and stops by throwing.
 *
 * <p>Per epoch (0-based): skipped if the monitor is missing or {@code epoch < startFromEpoch}.
 * Otherwise the wait counter grows by one, and then:
 * <ul>
 *   <li>an improvement on the best so far ({@code current + minDelta < best} for MIN,
 *       {@code current - minDelta > best} for MAX; the first monitored epoch always counts)
 *       records the best value and epoch, and resets the wait to 0 only when there is no
 *       baseline or the value also beats the baseline (by {@code minDelta}). An improving epoch
 *       never stops training;
 *   <li>any other epoch stops training once {@code wait >= patience} (never at epoch 0).
 * </ul>
 * So with a baseline, training stops at the first non-improving epoch after {@code patience}
 * epochs in which the monitor did not beat the baseline.
 */
public final class EarlyStopping {

    /** What the loop should do after an epoch. */
    public enum Decision {
        /** The monitor improved: snapshot the weights if restoring best weights. */
        IMPROVED,
        /** No improvement yet, keep going. */
        CONTINUE,
        /** Patience exhausted: stop training. */
        STOP,
        /** The monitor was not available or the epoch is before startFromEpoch. */
        SKIPPED
    }

    private final EarlyStoppingConfig config;
    private final boolean minimize;
    private int wait;
    private Double best;
    private int bestEpoch = -1;
    private int stoppedEpoch = -1;

    /** @param config options */
    public EarlyStopping(EarlyStoppingConfig config) {
        this.config = config;
        this.minimize = resolveMinimize(config);
    }

    static boolean resolveMinimize(EarlyStoppingConfig c) {
        switch (c.mode()) {
            case MIN:
                return true;
            case MAX:
                return false;
            default:
                String name = c.monitor().toLowerCase(Locale.ROOT);
                if (name.startsWith("val_")) {
                    name = name.substring(4);
                }
                if (name.contains("loss") || name.contains("error") || name.equals("mse")
                        || name.equals("mae")) {
                    return true;
                }
                if (name.contains("acc") || name.contains("auc") || name.contains("precision")
                        || name.contains("recall") || name.startsWith("f1")) {
                    return false;
                }
                throw new IllegalArgumentException("early stopping cannot tell whether '"
                        + c.monitor() + "' should be minimized or maximized: set mode MIN or MAX");
        }
    }

    /**
     * Feeds one epoch's logs.
     *
     * @param epoch 0-based epoch
     * @param logs the epoch's metrics
     * @return the decision
     */
    public Decision onEpochEnd(int epoch, Map<String, Double> logs) {
        Double current = logs.get(config.monitor());
        if (current == null || epoch < config.startFromEpoch()) {
            return Decision.SKIPPED;
        }
        wait++;
        if (isImprovement(current, best)) {
            best = current;
            bestEpoch = epoch;
            if (config.baseline() == null || isImprovement(current, config.baseline())) {
                wait = 0;
            }
            return Decision.IMPROVED;
        }
        if (wait >= config.patience() && epoch > 0) {
            stoppedEpoch = epoch;
            return Decision.STOP;
        }
        return Decision.CONTINUE;
    }

    private boolean isImprovement(double value, Double reference) {
        if (reference == null) {
            return true;
        }
        return minimize
                ? value + config.minDelta() < reference
                : value - config.minDelta() > reference;
    }

    /** @return the options */
    public EarlyStoppingConfig config() {
        return config;
    }

    /** @return true when lower is better */
    public boolean minimize() {
        return minimize;
    }

    /** @return epochs since the last counted improvement */
    public int waitCount() {
        return wait;
    }

    /** @return best monitored value, or null before the first monitored epoch */
    public Double best() {
        return best;
    }

    /** @return epoch of the best value, or -1 */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** @return epoch at which it asked to stop, or -1 */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** Forgets everything: the state before the first epoch. */
    public void reset() {
        restore(0, null, -1, -1);
    }

    /**
     * Restores counters from a checkpoint.
     *
     * @param wait wait counter
     * @param best best value or null
     * @param bestEpoch best epoch
     * @param stoppedEpoch stopped epoch
     */
    public void restore(int wait, Double best, int bestEpoch, int stoppedEpoch) {
        this.wait = wait;
        this.best = best;
        this.bestEpoch = bestEpoch;
        this.stoppedEpoch = stoppedEpoch;
    }
}
