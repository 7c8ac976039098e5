package io.augment4j.trainer.tune;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a study searches: config paths ({@code optimizer.learning_rate}, {@code model.dense[0].units})
 * in a fixed order, each with its {@link Distribution}. The order is the order of the study file's
 * {@code search:} entries (or of the builder calls); it is the order of a trial's values, of the
 * columns of the results, and of the grid's enumeration.
 *
 * @param entries the distributions by path, in order (copied, unmodifiable)
 */
public record SearchSpace(Map<String, Distribution> entries) {

    /** Copies the entries, keeping their order. */
    public SearchSpace {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a search space needs at least one parameter");
        }
        entries.forEach((k, v) -> {
            Objects.requireNonNull(k, "path");
            Objects.requireNonNull(v, "distribution of " + k);
        });
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of parameters */
    public int size() {
        return entries.size();
    }

    /**
     * @param path a config path
     * @return its distribution
     * @throws IllegalArgumentException when the space has no such path
     */
    public Distribution get(String path) {
        Distribution d = entries.get(path);
        if (d == null) {
            throw new IllegalArgumentException("no parameter '" + path + "' in the search space " + entries.keySet());
        }
        return d;
    }

    /** Builds a space in call order; a path given twice is an error. */
    public static final class Builder {
        private final Map<String, Distribution> entries = new LinkedHashMap<>();

        private Builder() {}

        /**
         * @param path config path
         * @param d its distribution
         * @return this
         */
        public Builder add(String path, Distribution d) {
            ConfigPaths.parse(path);
            if (entries.putIfAbsent(path, Objects.requireNonNull(d, "distribution")) != null) {
                throw new IllegalArgumentException("the path '" + path + "' is searched twice");
            }
            return this;
        }

        /** @param path config path @param lo lower end @param hi upper end @return this */
        public Builder uniform(String path, double lo, double hi) {
            return add(path, new Distribution.Uniform(lo, hi));
        }

        /** @param path config path @param lo lower end (positive) @param hi upper end @return this */
        public Builder logUniform(String path, double lo, double hi) {
            return add(path, new Distribution.LogUniform(lo, hi));
        }

        /** @param path config path @param lo lower end in (0, 1) @param hi upper end in (lo, 1) @return this */
        public Builder oneMinusLog(String path, double lo, double hi) {
            return add(path, new Distribution.OneMinusLog(lo, hi));
        }

        /** @param path config path @param lo lower end @param hi upper end (included) @return this */
        public Builder integer(String path, int lo, int hi) {
            return add(path, new Distribution.IntUniform(lo, hi));
        }

        /** @param path config path @param lo lower end (at least 1) @param hi upper end (included) @return this */
        public Builder intLog(String path, int lo, int hi) {
            return add(path, new Distribution.IntLog(lo, hi));
        }

        /** @param path config path @param values Double, Integer, String or Boolean values @return this */
        public Builder choice(String path, Object... values) {
            return add(path, new Distribution.Choice(Arrays.asList(values)));
        }

        /** @param path config path @param values the grid's values for this path @return this */
        public Builder grid(String path, Object... values) {
            return add(path, new Distribution.Grid(Arrays.asList(values)));
        }

        /** @return the space */
        public SearchSpace build() {
            return new SearchSpace(entries);
        }
    }
}
