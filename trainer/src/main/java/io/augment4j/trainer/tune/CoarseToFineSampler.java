package io.augment4j.trainer.tune;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Coarse-to-fine random search: the trials run in rounds of {@code roundSize}; round 0 draws from
 * the full space, and each later round draws from the space zoomed around the best trials so far.
 * Trials past the last round's end stay in the last round.
 *
 * <p>The space of round {@code r > 0} is computed from the original space and the {@code topK}
 * best usable trials of rounds {@code 0 .. r-1} (COMPLETE or PRUNED with a value, ranked by value
 * in the study's direction, ties by trial number): every range becomes the interval between the
 * smallest and largest value of those trials, widened on each side by {@code 1 / 2^(r+1)} of the
 * original range's width, in the distribution's own scale (log space for log distributions),
 * clipped to the original range, integers rounded outwards (see {@link Distribution#zoom}). A
 * choice keeps the values those trials used. With no usable trial the round uses the full space.
 *
 * <p>Draws follow {@link RandomSampler}'s rule ({@code (seed, n, path)}), so trial {@code n}
 * depends only on the seed, {@code n} and the trials of earlier rounds, which must all have
 * ended first ({@link #ready}).
 */
public final class CoarseToFineSampler implements Sampler {

    private final SearchSpace space;
    private final long seed;
    private final int rounds;
    private final int roundSize;
    private final int topK;
    private final Direction direction;

    /**
     * @param space the full space (no grid entries)
     * @param seed the study seed
     * @param rounds number of rounds, at least 1
     * @param roundSize trials per round, at least 1
     * @param topK trials each zoom is centred on, at least 1
     * @param direction how trials are ranked
     */
    public CoarseToFineSampler(SearchSpace space, long seed, int rounds, int roundSize, int topK,
            Direction direction) {
        if (rounds < 1 || roundSize < 1 || topK < 1) {
            throw new IllegalArgumentException("rounds, round size and top_k must be at least 1, got " + rounds
                    + ", " + roundSize + ", " + topK);
        }
        this.space = RandomSampler.checkNoGrid(space);
        this.seed = seed;
        this.rounds = rounds;
        this.roundSize = roundSize;
        this.topK = topK;
        this.direction = Objects.requireNonNull(direction, "direction");
    }

    /**
     * @param number a trial number
     * @return its round (0-based; trials past the last round belong to the last)
     */
    public int round(int number) {
        return Math.min(number / roundSize, rounds - 1);
    }

    /** @return trials per round */
    public int roundSize() {
        return roundSize;
    }

    /** @return the number of rounds */
    public int rounds() {
        return rounds;
    }

    /** @return the best trials each zoom is centred on */
    public int topK() {
        return topK;
    }

    /** True when the trial is in round 0 or every trial of the earlier rounds has ended (any state but RUNNING). */
    @Override
    public boolean ready(int number, List<TrialRecord> trials) {
        int before = round(number) * roundSize;
        boolean[] ended = new boolean[before];
        int count = 0;
        for (TrialRecord t : trials) {
            if (t.number() < before && t.state() != TrialState.RUNNING && !ended[t.number()]) {
                ended[t.number()] = true;
                count++;
            }
        }
        return count == before;
    }

    @Override
    public Map<String, Object> sample(int number, List<TrialRecord> trials) {
        return RandomSampler.draw(space(round(number), trials), seed, number);
    }

    /**
     * @param round a round
     * @param trials the study's trials (those of earlier rounds are read)
     * @return the space round {@code round} draws from
     */
    public SearchSpace space(int round, List<TrialRecord> trials) {
        if (round == 0) {
            return space;
        }
        int before = round * roundSize;
        Comparator<TrialRecord> best = (a, b) -> direction.better(a.value(), b.value()) ? -1
                : direction.better(b.value(), a.value()) ? 1 : Integer.compare(a.number(), b.number());
        List<TrialRecord> top = trials.stream()
                .filter(t -> t.number() < before && t.value() != null && !t.value().isNaN()
                        && (t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED))
                .sorted(best).limit(topK).toList();
        if (top.isEmpty()) {
            return space;
        }
        double margin = 1.0 / (1L << Math.min(62, round + 1));
        Map<String, Distribution> zoomed = new LinkedHashMap<>();
        space.entries().forEach((path, d) -> {
            List<Object> values = top.stream().map(t -> t.params().get(path)).filter(Objects::nonNull).toList();
            zoomed.put(path, values.isEmpty() ? d : d.zoom(values, margin));
        });
        return new SearchSpace(zoomed);
    }

    @Override
    public String toString() {
        return "coarse_to_fine (" + rounds + " rounds of " + roundSize + ", top " + topK + ")";
    }
}
