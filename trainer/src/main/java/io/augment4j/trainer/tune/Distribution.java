package io.augment4j.trainer.tune;

import io.augment4j.api.Rng;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Where a hyperparameter's values come from: one entry of a study's {@code search:} section, e.g.
 * {@code {log_uniform: [1.0e-4, 1.0e-1]}}. Float distributions give Double values, integer ones
 * Integer values, {@link Choice} and {@link Grid} the values as written.
 *
 * <p>Each numeric distribution has a scale, the space in which it is uniform: linear, log (for
 * {@link LogUniform} and {@link IntLog}) or log of {@code 1 - x} ({@link OneMinusLog}). Plots put
 * log-scaled parameters on a log axis and coarse-to-fine search zooms in that space
 * ({@link #zoom}).
 */
public sealed interface Distribution {

    /**
     * @param rng the generator of this trial and parameter
     * @return one value
     */
    Object sample(Rng rng);

    /** @return whether values are spread on a log scale (log axis in plots, zoom in log space) */
    boolean logScale();

    /** @return the name used in study files, e.g. {@code log_uniform} */
    String name();

    /**
     * @return the values a study file check sets into the base config to validate the field's type
     *     and range: both ends of a range, every value of a choice or grid
     */
    List<Object> probes();

    /**
     * The distribution narrowed around good values, for coarse-to-fine search: in this
     * distribution's scale, the interval from the smallest to the largest of {@code best},
     * widened by {@code margin} times this distribution's width on each side and clipped to it;
     * integer ranges are rounded outwards, choices keep the values in {@code best} (all of them
     * when none is there), a grid is returned unchanged.
     *
     * @param best values of this parameter in the best trials (at least one)
     * @param margin the widening on each side, as a fraction of this distribution's width (scale space)
     * @return the narrowed distribution
     */
    Distribution zoom(List<Object> best, double margin);

    /** @return the study-file form, e.g. {@code log_uniform: [1.0E-4, 0.1]} */
    default String describe() {
        return name() + ": " + probes();
    }

    /**
     * Uniform on {@code [lo, hi)}.
     *
     * @param lo the lower end
     * @param hi the upper end, above {@code lo}
     */
    record Uniform(double lo, double hi) implements Distribution {
        /** Checks the range. */
        public Uniform {
            checkRange(lo, hi);
        }

        @Override
        public Object sample(Rng rng) {
            return rng.uniform(lo, hi);
        }

        @Override
        public boolean logScale() {
            return false;
        }

        @Override
        public String name() {
            return "uniform";
        }

        @Override
        public List<Object> probes() {
            return List.of(lo, hi);
        }

        @Override
        public Distribution zoom(List<Object> best, double margin) {
            double[] r = zoomed(lo, hi, best, margin, x -> x);
            return new Uniform(r[0], r[1]);
        }
    }

    /**
     * Uniform in log space on {@code [lo, hi]}: each decade gets the same share of the draws
     * (learning rates, penalties).
     *
     * @param lo the lower end, positive
     * @param hi the upper end, above {@code lo}
     */
    record LogUniform(double lo, double hi) implements Distribution {
        /** Checks the range. */
        public LogUniform {
            checkRange(lo, hi);
            checkPositive(lo);
        }

        @Override
        public Object sample(Rng rng) {
            return clamp(Math.exp(rng.uniform(Math.log(lo), Math.log(hi))), lo, hi);
        }

        @Override
        public boolean logScale() {
            return true;
        }

        @Override
        public String name() {
            return "log_uniform";
        }

        @Override
        public List<Object> probes() {
            return List.of(lo, hi);
        }

        @Override
        public Distribution zoom(List<Object> best, double margin) {
            double[] r = zoomed(Math.log(lo), Math.log(hi), best, margin, Math::log);
            return new LogUniform(clamp(Math.exp(r[0]), lo, hi), clamp(Math.exp(r[1]), lo, hi));
        }
    }

    /**
     * Values near 1 (momentum, Adam's betas) with {@code 1 - x} uniform in log space: as many
     * draws in [0.9, 0.99] as in [0.99, 0.999].
     *
     * @param lo the lower end, in (0, 1)
     * @param hi the upper end, in (lo, 1)
     */
    record OneMinusLog(double lo, double hi) implements Distribution {
        /** Checks the range. */
        public OneMinusLog {
            checkRange(lo, hi);
            if (!(lo > 0 && hi < 1)) {
                throw new IllegalArgumentException("one_minus_log needs 0 < lo < hi < 1, got [" + lo + ", " + hi + "]");
            }
        }

        @Override
        public Object sample(Rng rng) {
            return clamp(1 - Math.exp(rng.uniform(Math.log1p(-hi), Math.log1p(-lo))), lo, hi);
        }

        @Override
        public boolean logScale() {
            return true;
        }

        @Override
        public String name() {
            return "one_minus_log";
        }

        @Override
        public List<Object> probes() {
            return List.of(lo, hi);
        }

        @Override
        public Distribution zoom(List<Object> best, double margin) {
            // Scale t = -log(1 - x), increasing in x.
            double[] r = zoomed(-Math.log1p(-lo), -Math.log1p(-hi), best, margin, x -> -Math.log1p(-x));
            return new OneMinusLog(clamp(-Math.expm1(-r[0]), lo, hi), clamp(-Math.expm1(-r[1]), lo, hi));
        }
    }

    /**
     * Integers uniform on {@code [lo, hi]}, both included.
     *
     * @param lo the lower end
     * @param hi the upper end, at least {@code lo}
     */
    record IntUniform(int lo, int hi) implements Distribution {
        /** Checks the range. */
        public IntUniform {
            if (hi < lo) {
                throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]: the first value must not"
                        + " exceed the second");
            }
        }

        @Override
        public Object sample(Rng rng) {
            return rng.nextInt(lo, hi);
        }

        @Override
        public boolean logScale() {
            return false;
        }

        @Override
        public String name() {
            return "int";
        }

        @Override
        public List<Object> probes() {
            return List.of(lo, hi);
        }

        @Override
        public Distribution zoom(List<Object> best, double margin) {
            double[] r = zoomed(lo, hi, best, margin, x -> x);
            return new IntUniform((int) Math.floor(r[0]), (int) Math.ceil(r[1]));
        }
    }

    /**
     * Integers on {@code [lo, hi]} spread on a log scale (units, filters): a value {@code u} is drawn
     * uniformly in {@code [log(lo - 0.5), log(hi + 0.5)]} and {@code round(exp(u))} kept, so
     * integer {@code k} has probability proportional to {@code log((k + 0.5) / (k - 0.5))}, about
     * {@code 1/k} (as Optuna's {@code suggest_int(log=True)}).
     *
     * @param lo the lower end, at least 1
     * @param hi the upper end, at least {@code lo}
     */
    record IntLog(int lo, int hi) implements Distribution {
        /** Checks the range. */
        public IntLog {
            if (lo < 1) {
                throw new IllegalArgumentException("a log range needs positive values, got " + lo);
            }
            if (hi < lo) {
                throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]: the first value must not"
                        + " exceed the second");
            }
        }

        @Override
        public Object sample(Rng rng) {
            double u = rng.uniform(Math.log(lo - 0.5), Math.log(hi + 0.5));
            return (int) Math.max(lo, Math.min(hi, Math.round(Math.exp(u))));
        }

        @Override
        public boolean logScale() {
            return true;
        }

        @Override
        public String name() {
            return "int_log";
        }

        @Override
        public List<Object> probes() {
            return List.of(lo, hi);
        }

        @Override
        public Distribution zoom(List<Object> best, double margin) {
            double[] r = zoomed(Math.log(lo), Math.log(hi), best, margin, Math::log);
            // The tiny slack keeps exp(log(k)) == k from rounding outwards to k + 1.
            int a = (int) Math.max(lo, Math.floor(Math.exp(r[0]) + 1e-9));
            int b = (int) Math.min(hi, Math.ceil(Math.exp(r[1]) - 1e-9));
            return new IntLog(a, Math.max(a, b));
        }
    }

    /**
     * A distribution over an explicit list of values, each as likely: what {@link Choice} and
     * {@link Grid} share (they differ in their name and in how they zoom).
     */
    sealed interface Listed extends Distribution permits Choice, Grid {
        /** @return the values, in their order */
        List<Object> values();

        @Override
        default Object sample(Rng rng) {
            return values().get(rng.nextInt(values().size()));
        }

        @Override
        default boolean logScale() {
            return false;
        }

        @Override
        default List<Object> probes() {
            return values();
        }
    }

    /**
     * One of a few values, each as likely (optimizer type, activation).
     *
     * @param values the values (Double, Integer, String or Boolean), at least one, no duplicates
     */
    record Choice(List<Object> values) implements Listed {
        /** Copies and checks the values. */
        public Choice {
            values = distinct(values);
        }

        @Override
        public String name() {
            return "choice";
        }

        /** Keeps the values found in {@code best}, in this choice's order. */
        @Override
        public Distribution zoom(List<Object> best, double margin) {
            List<Object> kept = values.stream().filter(best::contains).toList();
            return kept.isEmpty() ? this : new Choice(kept);
        }
    }

    /**
     * Explicit values for the grid sampler, which tries each of them (with every value of the other
     * grid entries). Drawn at random, it picks each value with the same probability.
     *
     * @param values the values (Double, Integer, String or Boolean), at least one, no duplicates
     */
    record Grid(List<Object> values) implements Listed {
        /** Copies and checks the values. */
        public Grid {
            values = distinct(values);
        }

        @Override
        public String name() {
            return "grid";
        }

        /** A grid does not zoom: it is returned as it is. */
        @Override
        public Distribution zoom(List<Object> best, double margin) {
            return this;
        }
    }

    private static void checkRange(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("the range ends must be finite numbers, got [" + lo + ", " + hi + "]");
        }
        if (!(lo < hi)) {
            throw new IllegalArgumentException((lo == hi ? "empty" : "inverted") + " range [" + fmt(lo) + ", "
                    + fmt(hi) + "]: the first value must be below the second");
        }
    }

    private static void checkPositive(double lo) {
        if (lo <= 0) {
            throw new IllegalArgumentException("a log range needs positive values, got " + fmt(lo));
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static List<Object> distinct(List<Object> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("needs at least one value");
        }
        LinkedHashSet<Object> set = new LinkedHashSet<>();
        for (Object v : values) {
            if (!(v instanceof Double || v instanceof Integer || v instanceof String || v instanceof Boolean)) {
                throw new IllegalArgumentException("values must be numbers, text or true/false, got " + v);
            }
            if (!set.add(v)) {
                throw new IllegalArgumentException("the value " + v + " is listed twice");
            }
        }
        return List.copyOf(new ArrayList<>(set));
    }

    /** [max(lo, min t - m), min(hi, max t + m)] in scale space, m = margin * (hi - lo). */
    private static double[] zoomed(double lo, double hi, List<Object> best, double margin,
            java.util.function.DoubleUnaryOperator scale) {
        if (best.isEmpty()) {
            throw new IllegalArgumentException("zoom needs at least one value");
        }
        double a = Double.POSITIVE_INFINITY;
        double b = Double.NEGATIVE_INFINITY;
        for (Object o : best) {
            double t = scale.applyAsDouble(((Number) o).doubleValue());
            a = Math.min(a, t);
            b = Math.max(b, t);
        }
        double m = margin * (hi - lo);
        return new double[] {Math.max(lo, a - m), Math.min(hi, b + m)};
    }
}
