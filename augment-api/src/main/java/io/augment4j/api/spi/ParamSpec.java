package io.augment4j.api.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The declaration of one transform parameter: name, type, default, allowed values and a one-line doc. The registry
 * validates every spec against these declarations, so providers never write validation code of their own.
 *
 * <p>Create instances with the static factories, e.g.
 * {@code ParamSpec.ofRange("limit", Range.symmetric(15), -180, 180, "rotation angle in degrees")}.
 *
 * @param name parameter name as written in specs ({@code snake_case})
 * @param type value type
 * @param defaultValue canonical default value ({@link Boolean}, {@link Integer}, {@link Double}, {@link String},
 *                     {@link Range} or {@code List<Double>}), or {@code null} when the parameter is required
 * @param min smallest allowed number (for numbers, both ends of ranges, list elements); {@code -Infinity} if none
 * @param max largest allowed number; {@code +Infinity} if none
 * @param center for {@link ParamType#RANGE}: a single number {@code v} means {@code [center - v, center + v]}
 * @param choices for {@link ParamType#CHOICE}: the allowed words; otherwise empty
 * @param doc one line saying what the parameter does
 * @param scalar for {@link ParamType#RANGE}: what a single number means
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, double min, double max, double center,
                        List<String> choices, String doc, RangeScalar scalar) {
    public ParamSpec {
        Objects.requireNonNull(scalar, "scalar");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(doc, "doc");
        choices = List.copyOf(choices);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be snake_case");
        }
        if (name.equals("p") || name.equals("transform")) {
            throw new IllegalArgumentException("parameter name '" + name + "' is reserved by the spec format");
        }
        if (min > max) {
            throw new IllegalArgumentException("parameter '" + name + "': min " + min + " > max " + max);
        }
        if (type == ParamType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' needs at least one choice");
        }
    }

    /** A required or optional boolean. */
    public static ParamSpec ofBoolean(String name, Boolean defaultValue, String doc) {
        return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, 0, List.of(), doc,
                RangeScalar.AROUND_CENTER);
    }

    /** A whole number in {@code [min, max]}. */
    public static ParamSpec ofInt(String name, Integer defaultValue, int min, int max, String doc) {
        return new ParamSpec(name, ParamType.INT, defaultValue, min, max, 0, List.of(), doc, RangeScalar.AROUND_CENTER);
    }

    /** A number in {@code [min, max]}. */
    public static ParamSpec ofDouble(String name, Double defaultValue, double min, double max, String doc) {
        return new ParamSpec(name, ParamType.DOUBLE, defaultValue, min, max, 0, List.of(), doc,
                RangeScalar.AROUND_CENTER);
    }

    /** One of {@code choices}. */
    public static ParamSpec ofChoice(String name, String defaultValue, List<String> choices, String doc) {
        return new ParamSpec(name, ParamType.CHOICE, defaultValue, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, 0, choices, doc,
                RangeScalar.AROUND_CENTER);
    }

    /** An interval within {@code [min, max]}; a single number {@code v} in a spec means {@code [-v, v]}. */
    public static ParamSpec ofRange(String name, Range defaultValue, double min, double max, String doc) {
        return ofRange(name, defaultValue, min, max, 0, doc);
    }

    /** An interval within {@code [min, max]}; a single number {@code v} means {@code [center - v, center + v]}. */
    public static ParamSpec ofRange(String name, Range defaultValue, double min, double max, double center,
                                    String doc) {
        return new ParamSpec(name, ParamType.RANGE, defaultValue, min, max, center, List.of(), doc,
                RangeScalar.AROUND_CENTER);
    }

    /** A list of numbers each within {@code [min, max]}. */
    public static ParamSpec ofDoubles(String name, List<Double> defaultValue, double min, double max, String doc) {
        return new ParamSpec(name, ParamType.DOUBLES, defaultValue == null ? null : List.copyOf(defaultValue), min,
                max, 0, List.of(), doc, RangeScalar.AROUND_CENTER);
    }

    /** This declaration with another meaning for a single number given to a range (see {@link RangeScalar}). */
    public ParamSpec withScalar(RangeScalar meaning) {
        if (type != ParamType.RANGE) {
            throw new IllegalArgumentException("parameter '" + name + "' is not a range");
        }
        return new ParamSpec(name, type, defaultValue, min, max, center, choices, doc, meaning);
    }

    /** True when specs must give this parameter. */
    public boolean required() {
        return defaultValue == null;
    }

    /** The allowed values in words, e.g. {@code [0, 180]}, {@code one of [constant, reflect]}, {@code true or false}. */
    public String allowed() {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + choices;
            case INT -> "a whole number in " + bounds();
            case DOUBLE -> "a number in " + bounds();
            case RANGE -> "[lo, hi] with lo <= hi, both in " + bounds() + ", or one number v meaning " + scalarMeaning();
            case DOUBLES -> "a number or a list of numbers, each in " + bounds();
        };
    }

    private String scalarMeaning() {
        String lo = center == 0 ? "-v" : formatNumber(center) + " - v";
        String hi = center == 0 ? "v" : formatNumber(center) + " + v";
        return switch (scalar) {
            case AROUND_CENTER -> "[" + lo + ", " + hi + "]";
            case AROUND_CENTER_CLAMPED -> "[" + lo + ", " + hi + "] with the ends kept within " + bounds();
            case EXACT -> "exactly v";
        };
    }

    private String bounds() {
        return "[" + formatNumber(min) + ", " + formatNumber(max) + "]";
    }

    /** Formats a number the way specs write it: integers without a fraction, infinities as -inf/inf. */
    public static String formatNumber(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return Double.toString(v);
    }
}
