package io.augment4j.cli;

import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.pipeline.Sequence;
import io.augment4j.api.pipeline.Step;
import io.augment4j.api.registry.ParameterException;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.registry.UnknownTransformException;
import io.augment4j.api.spec.SpecException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The short, one-line spec syntax for quick tries on the command line:
 *
 * <pre>
 * hflip(p=0.5) | rotate(limit=15, p=0.8) | color_jitter | gaussian_noise(std=[5, 20])
 * </pre>
 *
 * Grammar:
 * <pre>
 * pipeline := step ('|' step)*
 * step     := NAME [ '(' [ arg (',' arg)* ] ')' ]         NAME: snake_case, dots allowed (acme.fog)
 * arg      := KEY '=' value                               KEY p: the step's probability
 * value    := number | true | false | word | 'quoted' | "quoted" | '[' [ value (',' value)* ] ']'
 * </pre>
 *
 * Whole numbers become integers, other numbers doubles, so the result equals what the YAML form gives. Errors are
 * {@link SpecException}s located at the column of the offending token ({@code inline spec:1:12: ...}); with a
 * registry, transform names and parameters are validated as the YAML reader does.
 *
 * <p>It makes a flat sequence of steps; {@code one_of}/{@code some_of} need the YAML form.
 */
public final class InlineSpec {
    /** The source name errors carry. */
    public static final String SOURCE = "inline spec";

    private final String text;
    private final TransformRegistry registry;
    private int pos;

    private InlineSpec(String text, TransformRegistry registry) {
        this.text = text;
        this.registry = registry;
    }

    /** Parses {@code text}; {@code registry} may be null (then only the syntax is checked). */
    public static PipelineSpec parse(String text, TransformRegistry registry) {
        return new InlineSpec(text, registry).pipeline();
    }

    /** Heuristic used by {@code --spec}: true when the argument is inline text rather than a file name. */
    public static boolean looksInline(String arg) {
        String t = arg.strip();
        if (t.isEmpty()) {
            return true;
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) {
            return false;
        }
        return t.contains("(") || t.contains("|") || t.matches("[a-z][a-z0-9_.]*");
    }

    private PipelineSpec pipeline() {
        skipSpace();
        if (pos >= text.length()) {
            throw error(pos, "the spec is empty; write at least one step, e.g. \"hflip(p=0.5) | rotate(limit=15)\"");
        }
        List<Node> steps = new ArrayList<>();
        steps.add(step(steps.size()));
        skipSpace();
        while (pos < text.length()) {
            expect('|', "'|' between steps");
            steps.add(step(steps.size()));
            skipSpace();
        }
        return new PipelineSpec(new Sequence(steps, 1.0), null);
    }

    private Step step(int index) {
        skipSpace();
        int start = pos;
        String name = name();
        if (name.isEmpty()) {
            throw error(start, pos < text.length() ? "expected a transform name, found '" + text.charAt(pos) + "'"
                    : "expected a transform name after '|'");
        }
        String path = "transforms[" + index + "]";
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        double p = 1.0;
        skipSpace();
        if (peek() == '(') {
            pos++;
            skipSpace();
            if (peek() != ')') {
                while (true) {
                    skipSpace();
                    int keyAt = pos;
                    String key = name();
                    if (key.isEmpty()) {
                        throw error(keyAt, "expected a parameter name such as 'p' or 'limit'");
                    }
                    skipSpace();
                    expect('=', "'=' after parameter '" + key + "'");
                    skipSpace();
                    int valueAt = pos;
                    Object value = value();
                    if (params.containsKey(key) || (key.equals("p") && columns.containsKey("p"))) {
                        throw error(keyAt, path + "." + key, "parameter '" + key + "' is given twice");
                    }
                    columns.put(key, valueAt);
                    if (key.equals("p")) {
                        if (!(value instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
                            throw error(valueAt, path + ".p", "p must be a probability in [0, 1], got " + show(value));
                        }
                        p = ((Number) value).doubleValue();
                    } else {
                        params.put(key, value);
                    }
                    skipSpace();
                    if (peek() == ',') {
                        pos++;
                        continue;
                    }
                    break;
                }
            }
            expect(')', "')' or ',' in the parameters of '" + name + "'");
        }
        if (registry != null) {
            try {
                registry.validate(name, params);
            } catch (UnknownTransformException e) {
                throw error(start, path + ".transform", e.getMessage());
            } catch (ParameterException e) {
                throw error(columns.getOrDefault(e.parameter(), start),
                        columns.containsKey(e.parameter()) ? path + "." + e.parameter() : path, e.getMessage());
            }
        }
        return new Step(name, params, p);
    }

    private Object value() {
        int start = pos;
        char c = peek();
        if (c == '[') {
            pos++;
            List<Object> list = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipSpace();
                list.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                expect(']', "',' or ']' in the list that starts at column " + (start + 1));
                return list;
            }
        }
        if (c == '\'' || c == '"') {
            int end = text.indexOf(c, pos + 1);
            if (end < 0) {
                throw error(start, "unterminated quoted value");
            }
            pos = end + 1;
            return text.substring(start + 1, end);
        }
        while (pos < text.length() && "()[],|=".indexOf(text.charAt(pos)) < 0
                && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.isEmpty()) {
            throw error(start, pos < text.length() ? "expected a value, found '" + text.charAt(pos) + "'"
                    : "expected a value at the end of the spec");
        }
        if (word.equals("true") || word.equals("false")) {
            return Boolean.valueOf(word);
        }
        if (word.matches("[+-]?\\d+")) {
            try {
                return Integer.valueOf(word);
            } catch (NumberFormatException e) {
                return Long.valueOf(word);
            }
        }
        if (word.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?") || word.matches("[+-]?(inf|\\.inf)")) {
            return word.contains("inf") ? (word.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                    : Double.valueOf(word);
        }
        return word;
    }

    private String name() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                pos++;
            } else {
                break;
            }
        }
        return text.substring(start, pos);
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c, String what) {
        skipSpace();
        if (peek() != c) {
            throw error(pos, "expected " + what + ", found " + (pos < text.length() ? "'" + text.charAt(pos) + "'"
                    : "the end of the spec"));
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static String show(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private SpecException error(int at, String reason) {
        return error(at, null, reason);
    }

    private SpecException error(int at, String path, String reason) {
        return new SpecException(SOURCE, 1, at + 1, path, reason + "\n  " + text + "\n  " + " ".repeat(at) + "^",
                null);
    }
}
