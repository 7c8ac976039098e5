package io.augment4j.trainer.tune;

import io.augment4j.api.Rng;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Random search (the default): each trial draws every parameter from its distribution.
 *
 * <p>Reproducibility rule: parameter {@code path} of trial {@code n} is drawn from
 * {@code Rng.of(seed, TAG, n, path.hashCode())} ({@link #generator}), a generator of its own keyed
 * by the parameter's name, not its position. So the values of trial {@code n} are the same in any
 * run order and after any resume, and adding, removing or reordering search entries leaves the
 * draws of the other parameters unchanged.
 */
public final class RandomSampler implements Sampler {

    /** The tag that separates trial draws from the project's other uses of the seed ("tune"). */
    public static final long TAG = 0x74756e65L;

    private final SearchSpace space;
    private final long seed;

    /**
     * @param space what to search (no {@link Distribution.Grid} entries: those need the grid sampler)
     * @param seed the study seed
     */
    public RandomSampler(SearchSpace space, long seed) {
        this.space = checkNoGrid(space);
        this.seed = seed;
    }

    /**
     * @param seed the study seed
     * @param number the trial number
     * @param path the parameter's config path
     * @return the generator parameter {@code path} of trial {@code number} is drawn from
     */
    public static Rng generator(long seed, int number, String path) {
        return Rng.of(seed, TAG, number, path.hashCode());
    }

    /**
     * @param space distributions
     * @param seed the study seed
     * @param number the trial number
     * @return one value per path of {@code space}, in its order, each from its own {@link #generator}
     */
    static Map<String, Object> draw(SearchSpace space, long seed, int number) {
        Map<String, Object> out = new LinkedHashMap<>();
        space.entries().forEach((path, d) -> out.put(path, d.sample(generator(seed, number, path))));
        return out;
    }

    /** Random draws are for ranges and choices: grid values belong to the grid sampler. */
    static SearchSpace checkNoGrid(SearchSpace space) {
        space.entries().forEach((path, d) -> {
            if (d instanceof Distribution.Grid) {
                throw new IllegalArgumentException(path + ": grid values need the grid sampler; for a random"
                        + " pick among values use choice");
            }
        });
        return space;
    }

    /** @return the space */
    public SearchSpace space() {
        return space;
    }

    @Override
    public Map<String, Object> sample(int number, List<TrialRecord> trials) {
        return draw(space, seed, number);
    }

    @Override
    public String toString() {
        return "random";
    }
}
