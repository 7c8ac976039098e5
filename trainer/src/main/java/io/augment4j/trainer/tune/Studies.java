package io.augment4j.trainer.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment4j.trainer.loop.EarlyStopping;
import io.augment4j.trainer.loop.EarlyStoppingConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds a {@link StudySpec} in code, e.g.
 * <pre>{@code
 * StudySpec spec = Studies.builder().name("lr-l2").base(tree, dir)
 *         .search(SearchSpace.builder().logUniform("optimizer.learning_rate", 1e-4, 1e-1).build())
 *         .asha(1, 3).trials(20).seed(7).build();
 * }</pre>
 * The study file reader ({@link StudyLoader}) checks a file and then builds through here, so both
 * follow the same defaults: random sampler, no pruner, seed 42, 20 trials (a grid: all its points),
 * the objective from the base config's {@code early_stopping.monitor} (default {@code val_loss}).
 *
 * <p>A study whose trials call the caller's {@link Objective} instead of training a config has no
 * base config but a {@link Builder#metric metric}: the name and direction of the values the
 * objective reports (run it with {@link Study#optimize}).
 */
public final class Studies {

    /** Trials of a random or coarse-to-fine study when none is given. */
    public static final int DEFAULT_TRIALS = 20;
    /** The study seed when none is given (as a training config's). */
    public static final long DEFAULT_SEED = 42;

    private Studies() {}

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The objective a study ranks trials on, from the config's early stopping section (the way
     * early stopping itself resolves {@code mode: auto}).
     *
     * @param base a training config tree
     * @return the monitored key
     * @throws IllegalArgumentException when it is not a validation metric ({@code val_...})
     */
    public static String monitor(ObjectNode base) {
        JsonNode m = base.path("early_stopping").path("monitor");
        String monitor = m.isTextual() ? m.asText() : "val_loss";
        if (!monitor.startsWith("val_")) {
            throw new IllegalArgumentException("a study ranks trials on a validation metric, but early_stopping"
                    + ".monitor is '" + monitor + "': use val_loss or val_accuracy");
        }
        return monitor;
    }

    /**
     * @param base a training config tree
     * @return whether {@link #monitor} is minimized or maximized ({@code early_stopping.mode}, auto by default)
     */
    public static Direction direction(ObjectNode base) {
        JsonNode m = base.path("early_stopping").path("mode");
        EarlyStoppingConfig.Mode mode = m.isTextual()
                ? EarlyStoppingConfig.Mode.valueOf(m.asText().toUpperCase(Locale.ROOT)) : EarlyStoppingConfig.Mode.AUTO;
        EarlyStoppingConfig c = new EarlyStoppingConfig(monitor(base), mode, 0, 0, null, false, 0);
        return new EarlyStopping(c).minimize() ? Direction.MINIMIZE : Direction.MAXIMIZE;
    }

    /**
     * @param spec a study
     * @return the space its sampler draws from (for reports: log axes for log-scaled parameters)
     * @throws IllegalArgumentException when the sampler is not one of this package's
     */
    public static SearchSpace space(StudySpec spec) {
        Sampler s = spec.sampler();
        if (s instanceof RandomSampler r) {
            return r.space();
        }
        if (s instanceof GridSampler g) {
            return g.space();
        }
        if (s instanceof CoarseToFineSampler c) {
            return c.space(0, java.util.List.of());
        }
        throw new IllegalArgumentException("unknown sampler " + s.getClass().getName());
    }

    /** Collects a study's parts; {@link #build} checks them. */
    public static final class Builder {
        private enum Kind { RANDOM, GRID, COARSE_TO_FINE }

        private String name = "study";
        private Path source;
        private Path baseDir = Path.of("");
        private ObjectNode base;
        private SearchSpace space;
        private Kind kind = Kind.RANDOM;
        private int rounds;
        private int topK;
        private Pruner pruner;
        private Integer trials;
        private long seed = DEFAULT_SEED;
        private String metric;
        private Direction metricDirection;

        private Builder() {}

        /** @param n the study's name @return this */
        public Builder name(String n) {
            this.name = Objects.requireNonNull(n, "name");
            return this;
        }

        /** @param file the study file, for messages (null in code) @return this */
        public Builder source(Path file) {
            this.source = file;
            return this;
        }

        /**
         * @param tree the complete base training config (copied)
         * @param dir the folder its relative paths are resolved against
         * @return this
         */
        public Builder base(ObjectNode tree, Path dir) {
            this.base = tree.deepCopy();
            this.baseDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Makes an objective study: its trials call an {@link Objective}, which reports this
         * metric after each epoch; instead of {@link #base}.
         *
         * @param name what the objective reports (e.g. {@code val_loss}), the results' column
         * @param direction whether it is minimized or maximized
         * @return this
         */
        public Builder metric(String name, Direction direction) {
            this.metric = Objects.requireNonNull(name, "name");
            this.metricDirection = Objects.requireNonNull(direction, "direction");
            return this;
        }

        /** @param s what to search @return this */
        public Builder search(SearchSpace s) {
            this.space = s;
            return this;
        }

        /** Random search (the default). @return this */
        public Builder random() {
            this.kind = Kind.RANDOM;
            return this;
        }

        /** Grid search: every entry a {@link Distribution.Grid}; trials default to the grid's size. @return this */
        public Builder grid() {
            this.kind = Kind.GRID;
            return this;
        }

        /**
         * Coarse-to-fine search: {@code trials} split into {@code rounds} rounds of
         * {@code ceil(trials / rounds)} trials.
         *
         * @param r rounds, between 1 and the number of trials
         * @param k the trials each zoom is centred on
         * @return this
         */
        public Builder coarseToFine(int r, int k) {
            this.kind = Kind.COARSE_TO_FINE;
            this.rounds = r;
            this.topK = k;
            return this;
        }

        /** @param p a pruner, or null for none (the default) @return this */
        public Builder pruner(Pruner p) {
            this.pruner = p;
            return this;
        }

        /** @param minEpochs epochs to the first rung @param reductionFactor eta @return this */
        public Builder asha(int minEpochs, int reductionFactor) {
            return pruner(new AshaPruner(minEpochs, reductionFactor));
        }

        /** @param startupTrials complete trials first @param warmupEpochs epochs first @return this */
        public Builder median(int startupTrials, int warmupEpochs) {
            return pruner(new MedianPruner(startupTrials, warmupEpochs));
        }

        /** @param n trials in all, at least 1 @return this */
        public Builder trials(int n) {
            this.trials = n;
            return this;
        }

        /** @param s the study seed @return this */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * @return the study
         * @throws IllegalArgumentException when a part is missing or inconsistent (no search space,
         *     neither or both of a base config and a metric, trials below 1 or above a grid's
         *     size, more rounds than trials, grid entries in a random space or ranges in a grid, a
         *     base config's monitor that is not a validation metric)
         */
        public StudySpec build() {
            if (space == null) {
                throw new IllegalArgumentException("a study needs a search space");
            }
            if ((base == null) == (metric == null)) {
                throw new IllegalArgumentException("a study needs either a base config (its trials train it) or a"
                        + " metric (its trials call an Objective that reports it), not " + (base == null ? "neither"
                        : "both"));
            }
            String monitor = base != null ? monitor(base) : metric;
            Direction direction = base != null ? direction(base) : metricDirection;
            if (trials != null && trials < 1) {
                throw new IllegalArgumentException("trials must be at least 1, got " + trials);
            }
            Sampler sampler;
            int n;
            switch (kind) {
                case GRID -> {
                    sampler = new GridSampler(space);
                    n = trials == null ? sampler.maxTrials() : trials;
                    if (n > sampler.maxTrials()) {
                        throw new IllegalArgumentException("trials is " + n + " but the grid has only "
                                + sampler.maxTrials() + " points");
                    }
                }
                case COARSE_TO_FINE -> {
                    n = trials == null ? DEFAULT_TRIALS : trials;
                    if (rounds < 1 || rounds > n) {
                        throw new IllegalArgumentException("rounds must be between 1 and the number of trials ("
                                + n + "), got " + rounds);
                    }
                    sampler = new CoarseToFineSampler(space, seed, rounds, (n + rounds - 1) / rounds, topK, direction);
                }
                default -> {
                    n = trials == null ? DEFAULT_TRIALS : trials;
                    sampler = new RandomSampler(space, seed);
                }
            }
            return new StudySpec(name, source, baseDir, base == null ? null : base.deepCopy(), sampler, pruner, n, seed, monitor, direction);
        }
    }
}
