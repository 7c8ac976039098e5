package io.augment4j.api.spi;

import io.augment4j.api.Rng;

/**
 * A closed interval of doubles, the value of a {@link ParamType#RANGE} parameter.
 *
 * @param lo lower end
 * @param hi upper end, at least {@code lo}
 */
public record Range(double lo, double hi) {
    public Range {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("range needs lo <= hi, got [" + lo + ", " + hi + "]");
        }
    }

    /** {@code [-v, v]}. */
    public static Range symmetric(double v) {
        return new Range(-Math.abs(v), Math.abs(v));
    }

    /** Draws a value uniformly from this range. */
    public double sample(Rng rng) {
        return rng.uniform(lo, hi);
    }

    public boolean contains(double v) {
        return v >= lo && v <= hi;
    }

    @Override
    public String toString() {
        return "[" + ParamSpec.formatNumber(lo) + ", " + ParamSpec.formatNumber(hi) + "]";
    }
}
