package io.augment4j.trainer.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grid search: every combination of the explicit values of each path, in a fixed order. Trial
 * {@code n} is the {@code n}-th combination of the cartesian product in search order with the
 * LAST path varying fastest (as nested loops, the first path outermost): for
 * {@code a: [1, 2]} and {@code b: [x, y, z]} the trials are (1,x), (1,y), (1,z), (2,x), (2,y),
 * (2,z). No randomness: the seed plays no part.
 */
public final class GridSampler implements Sampler {

    private final SearchSpace space;
    private final List<String> paths;
    private final List<List<Object>> values = new ArrayList<>();
    private final int size;

    /** @param space every entry a {@link Distribution.Grid} */
    public GridSampler(SearchSpace space) {
        this.space = space;
        this.paths = List.copyOf(space.entries().keySet());
        long n = 1;
        for (String p : paths) {
            if (!(space.entries().get(p) instanceof Distribution.Grid g)) {
                throw new IllegalArgumentException(p + ": the grid sampler needs explicit values ({grid: [...]})"
                        + " for every entry, got " + space.entries().get(p).name());
            }
            values.add(g.values());
            n *= g.values().size();
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the grid has more than " + Integer.MAX_VALUE + " points");
            }
        }
        this.size = (int) n;
    }

    /** @return the space */
    public SearchSpace space() {
        return space;
    }

    /** @return the number of combinations */
    @Override
    public int maxTrials() {
        return size;
    }

    /** @throws IllegalArgumentException when {@code number} is outside the grid */
    @Override
    public Map<String, Object> sample(int number, List<TrialRecord> trials) {
        if (number < 0 || number >= size) {
            throw new IllegalArgumentException("trial " + number + " is outside the grid of " + size + " points");
        }
        Object[] picked = new Object[paths.size()];
        int rest = number;
        for (int k = paths.size() - 1; k >= 0; k--) {
            List<Object> v = values.get(k);
            picked[k] = v.get(rest % v.size());
            rest /= v.size();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int k = 0; k < paths.size(); k++) {
            out.put(paths.get(k), picked[k]);
        }
        return out;
    }

    @Override
    public String toString() {
        return "grid (" + size + " points)";
    }
}
