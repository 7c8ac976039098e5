package io.augment4j.trainer.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Optuna's {@code MedianPruner} (its {@code PercentilePruner} at 50, interval 1, n_min_trials 1):
 * after 0-based epoch {@code e}, a trial stops when its best value so far is worse than the median
 * of the values the COMPLETE trials had at epoch {@code e}.
 *
 * <p>Nothing is pruned while fewer than {@code startupTrials} trials are complete (nor with none),
 * before epoch {@code warmupEpochs} (0-based: with 1 the first epoch is never judged), or when no
 * complete trial ran epoch {@code e}. The best value so far ignores NaN; a curve of NaN only is
 * pruned. The median ignores NaN and interpolates between the two middle values of an even
 * count (numpy's {@code nanpercentile}). A value equal to the median goes on.
 */
public final class MedianPruner implements Pruner {

    private final int startupTrials;
    private final int warmupEpochs;

    /**
     * @param startupTrials complete trials needed before anything is pruned (Optuna's default 5)
     * @param warmupEpochs epochs (0-based) before which nothing is pruned (Optuna's default 0)
     */
    public MedianPruner(int startupTrials, int warmupEpochs) {
        if (startupTrials < 0 || warmupEpochs < 0) {
            throw new IllegalArgumentException("startup_trials and warmup_epochs must be >= 0, got " + startupTrials
                    + ", " + warmupEpochs);
        }
        this.startupTrials = startupTrials;
        this.warmupEpochs = warmupEpochs;
    }

    /** @return complete trials needed before pruning */
    public int startupTrials() {
        return startupTrials;
    }

    /** @return epochs before pruning */
    public int warmupEpochs() {
        return warmupEpochs;
    }

    @Override
    public String prune(TrialRecord trial, int epoch, List<TrialRecord> others, Direction direction) {
        List<TrialRecord> complete = others.stream()
                .filter(t -> t.state() == TrialState.COMPLETE && t.number() != trial.number()).toList();
        if (complete.isEmpty() || complete.size() < startupTrials || epoch < warmupEpochs) {
            return null;
        }
        Double best = null;
        for (int e = 0; e <= epoch && e < trial.curve().size(); e++) {
            double v = trial.curve().get(e);
            if (!Double.isNaN(v) && (best == null || direction.better(v, best))) {
                best = v;
            }
        }
        if (best == null) {
            return String.format(Locale.ROOT, "median pruner at epoch %d: every value is NaN", epoch + 1);
        }
        List<Double> atEpoch = new ArrayList<>();
        for (TrialRecord t : complete) {
            if (t.curve().size() > epoch && !t.curve().get(epoch).isNaN()) {
                atEpoch.add(t.curve().get(epoch));
            }
        }
        if (atEpoch.isEmpty()) {
            return null;
        }
        double median = median(atEpoch);
        if (direction.better(median, best)) {
            return String.format(Locale.ROOT, "median pruner at epoch %d: best value %.4g is worse than the median"
                    + " %.4g of %d complete trials", epoch + 1, best, median, atEpoch.size());
        }
        return null;
    }

    /** Linear interpolation between the middle values, as numpy's percentile(50). */
    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    @Override
    public String toString() {
        return "median (startup_trials " + startupTrials + ", warmup_epochs " + warmupEpochs + ")";
    }
}
