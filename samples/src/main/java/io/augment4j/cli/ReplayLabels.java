package io.augment4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment4j.api.pipeline.Replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Short, human-readable descriptions of what a {@link Replay} did: one phrase per applied transform, e.g.
 * {@code rotate angle=12.3}, {@code hflip}, {@code gaussian_noise std=7.12 seed=…}. Numbers are shortened to three
 * significant digits; long arrays (a 3x3 matrix, a displacement field) are summarised as {@code [9 values]}.
 */
public final class ReplayLabels {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayLabels() {
    }

    /** One phrase per applied transform, in the order they ran. Empty when nothing was applied. */
    public static List<String> describe(Replay replay) {
        List<String> out = new ArrayList<>();
        collect(replay, out);
        return out;
    }

    private static void collect(Replay r, List<String> out) {
        if (r == null || !r.applied()) {
            return;
        }
        if (r instanceof Replay.OfStep s) {
            out.add(step(s));
        } else if (r instanceof Replay.OfSequence s) {
            s.steps().forEach(c -> collect(c, out));
        } else if (r instanceof Replay.OfOneOf o) {
            collect(o.step(), out);
        } else if (r instanceof Replay.OfSomeOf s) {
            s.steps().forEach(c -> collect(c, out));
        }
    }

    private static String step(Replay.OfStep s) {
        StringBuilder sb = new StringBuilder(s.transform());
        if (s.params() == null) {
            return sb.toString();
        }
        JsonNode tree;
        try {
            tree = JSON.valueToTree(s.params());
        } catch (IllegalArgumentException e) {
            return sb.append(' ').append(s.params()).toString();
        }
        if (s.params() instanceof Enum<?> e && e.name().equals("INSTANCE")) {
            return sb.toString(); // NoParams and similar singletons: nothing was sampled
        }
        if (tree.isObject()) {
            for (Map.Entry<String, JsonNode> f : tree.properties()) {
                if (!isContext(f.getKey())) {
                    sb.append(' ').append(f.getKey()).append('=').append(value(f.getValue()));
                }
            }
        } else if (!tree.isNull()) {
            sb.append(' ').append(value(tree));
        }
        return sb.toString();
    }

    /** Fields that restate the input (its width and height) or are bookkeeping rather than a visible choice. */
    private static boolean isContext(String field) {
        String f = field.toLowerCase(Locale.ROOT).replace("_", "");
        if (f.equals("seed") || f.equals("order")) {
            return true; // a noise generator's seed, the order of colour operations: bookkeeping, not looks
        }
        return f.startsWith("input") || f.startsWith("src") && (f.endsWith("width") || f.endsWith("height"));
    }

    private static String value(JsonNode v) {
        if (v.isNumber()) {
            return number(v.asDouble(), v.isIntegralNumber());
        }
        if (v.isArray()) {
            if (v.size() <= 4 && allScalars(v)) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(value(x)));
                return "[" + String.join(",", parts) + "]";
            }
            return "[" + count(v) + " values]";
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            v.properties().forEach(f -> parts.add(f.getKey() + ":" + value(f.getValue())));
            String s = "{" + String.join(",", parts) + "}";
            return s.length() <= 40 ? s : "{" + v.size() + " fields}";
        }
        String t = v.asText();
        return t.length() <= 24 ? t : t.substring(0, 23) + "…";
    }

    private static boolean allScalars(JsonNode v) {
        for (JsonNode x : v) {
            if (x.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static int count(JsonNode v) {
        if (!v.isContainerNode()) {
            return 1;
        }
        int n = 0;
        for (JsonNode x : v) {
            n += count(x);
        }
        return n;
    }

    /** A number in at most about 4 characters of precision: 12.3, 0.512, 1.5e+03, 42. */
    static String number(double d, boolean integral) {
        if (integral) {
            long l = (long) d;
            return Math.abs(l) < 1_000_000 ? Long.toString(l) : String.format(Locale.ROOT, "%.2e", d);
        }
        if (d == 0) {
            return "0";
        }
        double a = Math.abs(d);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", d);
        }
        String s = new java.math.BigDecimal(d).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
        return s;
    }
}
