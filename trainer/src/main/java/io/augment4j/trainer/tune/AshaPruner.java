package io.augment4j.trainer.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2020, arXiv:1810.05934), with the rules of
 * Optuna's {@code SuccessiveHalvingPruner} (min_early_stopping_rate 0, no bootstrap).
 *
 * <p>Rungs: rung {@code k} (k = 0, 1, 2, ...) is reached when a trial has finished
 * {@code minEpochs * reductionFactor^k} epochs, counted from 1, i.e. after the epoch whose 0-based
 * index is that number minus one (min 1, factor 3: after epochs 1, 3, 9, 27 ...). Between rungs
 * nothing is decided.
 *
 * <p>At a rung, the trial's value there ({@code curve[rungEpochs - 1]}) joins the values every
 * other trial of the study had at that rung ({@code curve[rungEpochs - 1]} of each trial, any
 * state, that has run that many epochs; NaN values are left out). With {@code n} values in all,
 * the trial is promoted (goes on) when it is among the best {@code max(1, floor(n / eta))} of
 * them, ties counting in its favour: with the values sorted best first, when it is at least as
 * good as the value at position {@code max(1, floor(n / eta))}. So while fewer than
 * {@code eta} trials have reached the rung, a trial goes on only if it is the best one there so
 * far. Otherwise it stops at once, without waiting for the others. A NaN value stops the trial.
 */
public final class AshaPruner implements Pruner {

    private final int minEpochs;
    private final int reductionFactor;

    /**
     * @param minEpochs epochs before the first rung, at least 1
     * @param reductionFactor eta, at least 2 (3 in the paper's experiments)
     */
    public AshaPruner(int minEpochs, int reductionFactor) {
        if (minEpochs < 1) {
            throw new IllegalArgumentException("min_epochs must be at least 1, got " + minEpochs);
        }
        if (reductionFactor < 2) {
            throw new IllegalArgumentException("reduction_factor must be at least 2, got " + reductionFactor);
        }
        this.minEpochs = minEpochs;
        this.reductionFactor = reductionFactor;
    }

    /** @return epochs before the first rung */
    public int minEpochs() {
        return minEpochs;
    }

    /** @return eta */
    public int reductionFactor() {
        return reductionFactor;
    }

    /**
     * @param epochs epochs finished (counted from 1)
     * @return the rung reached after exactly that many epochs, or -1 when it is not a rung
     */
    public int rungAt(int epochs) {
        long r = minEpochs;
        for (int k = 0; r <= epochs; k++, r *= reductionFactor) {
            if (r == epochs) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public String prune(TrialRecord trial, int epoch, List<TrialRecord> others, Direction direction) {
        int epochs = epoch + 1;
        int rung = rungAt(epochs);
        if (rung < 0 || trial.curve().size() < epochs) {
            return null;
        }
        double value = trial.curve().get(epoch);
        String where = String.format(Locale.ROOT, "ASHA rung %d (epoch %d)", rung, epochs);
        if (Double.isNaN(value)) {
            return where + ": the value is NaN";
        }
        List<Double> competing = new ArrayList<>();
        competing.add(value);
        for (TrialRecord t : others) {
            if (t.number() != trial.number() && t.curve().size() >= epochs && !t.curve().get(epoch).isNaN()) {
                competing.add(t.curve().get(epoch));
            }
        }
        int keep = Math.max(1, competing.size() / reductionFactor);
        competing.sort(direction == Direction.MINIMIZE ? null : java.util.Comparator.reverseOrder());
        double cut = competing.get(keep - 1);
        if (direction.better(cut, value)) {
            return String.format(Locale.ROOT, "%s: %.4g not in the best %d of %d values at this rung (1/%d; cut %.4g)",
                    where, value, keep, competing.size(), reductionFactor, cut);
        }
        return null;
    }

    @Override
    public String toString() {
        return "asha (min_epochs " + minEpochs + ", reduction_factor " + reductionFactor + ")";
    }
}
