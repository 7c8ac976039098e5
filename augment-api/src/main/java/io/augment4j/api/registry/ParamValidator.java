package io.augment4j.api.registry;

import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Params;
import io.augment4j.api.spi.Range;
import io.augment4j.api.spi.RangeScalar;
import io.augment4j.api.spi.TransformDescriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks raw parameter values (as read from a spec or given in code) against a descriptor's schema and turns them
 * into canonical {@link Params}: defaults filled in, numbers widened, ranges and lists built.
 */
public final class ParamValidator {
    private ParamValidator() {
    }

    /** Validates {@code raw} for {@code descriptor}; throws {@link ParameterException} on the first problem. */
    public static Params validate(TransformDescriptor descriptor, Map<String, ?> raw) {
        String t = descriptor.name();
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        for (ParamSpec s : descriptor.params()) {
            specs.put(s.name(), s);
        }
        for (String key : raw.keySet()) {
            if (!specs.containsKey(key)) {
                List<String> near = Names.nearest(key, specs.keySet());
                throw new ParameterException(t, key, "is not a parameter of this transform"
                        + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?")
                        + (specs.isEmpty() ? " (it takes none besides p)"
                        : " (it takes " + String.join(", ", specs.keySet()) + ", p)"));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec s : specs.values()) {
            Object v = raw.get(s.name());
            if (v == null) {
                if (s.required()) {
                    throw new ParameterException(t, s.name(), "is required: give " + s.allowed() + " (" + s.doc() + ")");
                }
                out.put(s.name(), s.defaultValue());
            } else {
                out.put(s.name(), convert(t, s, v));
            }
        }
        return new Params(t, out);
    }

    /** Converts one raw value to its canonical type, checking type and range. */
    public static Object convert(String transform, ParamSpec s, Object v) {
        return switch (s.type()) {
            case BOOLEAN -> {
                if (v instanceof Boolean b) {
                    yield b;
                }
                throw wrong(transform, s, v);
            }
            case INT -> {
                long n = wholeNumber(transform, s, v);
                checkBounds(transform, s, v, n);
                yield (int) n;
            }
            case DOUBLE -> {
                double d = number(transform, s, v);
                checkBounds(transform, s, v, d);
                yield d;
            }
            case CHOICE -> {
                if (v instanceof String str) {
                    for (String c : s.choices()) {
                        if (c.equalsIgnoreCase(str)) {
                            yield c;
                        }
                    }
                }
                throw wrong(transform, s, v);
            }
            case RANGE -> {
                Range r;
                if (v instanceof Number) {
                    double d = number(transform, s, v);
                    if (s.scalar() == RangeScalar.EXACT) {
                        r = new Range(d, d);
                    } else if (d < 0) {
                        throw new ParameterException(transform, s.name(), "= " + show(v)
                                + ": a single number means [center - v, center + v] and must not be negative; allowed: "
                                + s.allowed());
                    } else if (s.scalar() == RangeScalar.AROUND_CENTER_CLAMPED) {
                        double lo = Math.max(s.min(), s.center() - d);
                        double hi = Math.min(s.max(), s.center() + d);
                        r = new Range(Math.min(lo, hi), hi);
                    } else {
                        r = new Range(s.center() - d, s.center() + d);
                    }
                } else if (v instanceof List<?> list && list.size() == 2) {
                    double lo = number(transform, s, list.get(0));
                    double hi = number(transform, s, list.get(1));
                    if (lo > hi) {
                        throw new ParameterException(transform, s.name(), "= " + show(v) + " has lo > hi; allowed: "
                                + s.allowed());
                    }
                    r = new Range(lo, hi);
                } else {
                    throw wrong(transform, s, v);
                }
                checkBounds(transform, s, v, r.lo());
                checkBounds(transform, s, v, r.hi());
                yield r;
            }
            case DOUBLES -> {
                List<Double> out = new ArrayList<>();
                if (v instanceof Number) {
                    out.add(number(transform, s, v));
                } else if (v instanceof List<?> list && !list.isEmpty()) {
                    for (Object o : list) {
                        out.add(number(transform, s, o));
                    }
                } else {
                    throw wrong(transform, s, v);
                }
                for (double d : out) {
                    checkBounds(transform, s, v, d);
                }
                yield List.copyOf(out);
            }
        };
    }

    private static double number(String transform, ParamSpec s, Object v) {
        if (v instanceof Number n && !(v instanceof Float f && f.isNaN()) && !Double.isNaN(n.doubleValue())) {
            return n.doubleValue();
        }
        throw wrong(transform, s, v);
    }

    private static long wholeNumber(String transform, ParamSpec s, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e15) {
            return (long) n.doubleValue();
        }
        throw wrong(transform, s, v);
    }

    private static void checkBounds(String transform, ParamSpec s, Object given, double v) {
        if (v < s.min() || v > s.max()) {
            throw new ParameterException(transform, s.name(), "= " + show(given) + " is out of range; allowed: "
                    + s.allowed());
        }
    }

    private static ParameterException wrong(String transform, ParamSpec s, Object v) {
        return new ParameterException(transform, s.name(), "= " + show(v) + " (" + kind(v) + ") is not valid; allowed: "
                + s.allowed());
    }

    private static String kind(Object v) {
        if (v instanceof String) {
            return "text";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof List<?>) {
            return "list";
        }
        if (v instanceof Map<?, ?>) {
            return "map";
        }
        return v.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    static String show(Object v) {
        if (v instanceof String str) {
            return "'" + str + "'";
        }
        return String.valueOf(v);
    }
}
