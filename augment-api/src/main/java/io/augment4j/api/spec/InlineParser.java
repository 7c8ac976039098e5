package io.augment4j.api.spec;

import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.OneOf;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.pipeline.Sequence;
import io.augment4j.api.pipeline.SomeOf;
import io.augment4j.api.pipeline.Step;
import io.augment4j.api.registry.Names;
import io.augment4j.api.registry.ParameterException;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.registry.UnknownTransformException;
import io.augment4j.api.spec.InlineLexer.Kind;
import io.augment4j.api.spec.InlineLexer.Token;
import io.augment4j.api.spi.ParamSpec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Recursive descent over the tokens of one inline spec; see {@link InlineSpecs} for the grammar. */
final class InlineParser {
    static final String PIPELINE = "pipeline";
    static final String SEQUENCE = "sequence";
    static final String ONE_OF = "one_of";
    static final String SOME_OF = "some_of";
    static final List<String> GROUPS = List.of(SEQUENCE, ONE_OF, SOME_OF);
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][+-]?[0-9]+)?");

    private final TransformRegistry registry;
    private final InlineErrors errors;
    private final List<Token> tokens;
    private int i;

    private InlineParser(String text, TransformRegistry registry) {
        this.registry = registry;
        this.errors = new InlineErrors(InlineSpecs.SOURCE, text);
        this.tokens = InlineLexer.tokens(text, errors);
    }

    static PipelineSpec parse(String text, TransformRegistry registry) {
        return new InlineParser(text, registry).spec();
    }

    /** What {@link #value()} makes of one unquoted word; null for a number too large to hold. */
    static Object word(String w) {
        return switch (w) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> INTEGER.matcher(w).matches() ? integer(w) : DECIMAL.matcher(w).matches() ? decimal(w) : w;
        };
    }

    private static Double decimal(String w) {
        double d = Double.parseDouble(w);
        return Double.isInfinite(d) ? null : d;
    }

    private static Object integer(String w) {
        BigInteger b = new BigInteger(w.startsWith("+") ? w.substring(1) : w);
        if (b.bitLength() < 32) {
            return b.intValue();
        }
        return b.bitLength() < 64 ? (Object) b.longValue() : null;
    }

    // ---- structure

    private PipelineSpec spec() {
        if (peek().is(Kind.END)) {
            throw errors.at(0, "the spec is empty; write at least one step, e.g. \"hflip(p=0.5) | rotate(limit=15)\"");
        }
        PipelineSpec spec;
        if (isName(peek(), PIPELINE) && peek(1).is(Kind.OPEN)) {
            spec = pipeline(next());
            if (!peek().is(Kind.END)) {
                throw errors.at(peek().start(), "pipeline(...) wraps the whole spec; nothing may follow it, found "
                        + peek().shown());
            }
        } else {
            spec = new PipelineSpec(new Sequence(chain().nodes, 1.0), null);
            if (!peek().is(Kind.END)) {
                throw errors.at(peek().start(), peek().is(Kind.CLOSE) ? "unbalanced ')': there is no '(' to close"
                        : "expected '|' between steps, found " + peek().shown());
            }
        }
        return spec;
    }

    /** Steps joined by '|'; {@code firstPipe} is null when there is one step. */
    private record Chain(List<Node> nodes, Token start, Token firstPipe) {
    }

    private Chain chain() {
        Token start = peek();
        List<Node> nodes = new ArrayList<>();
        nodes.add(node());
        Token firstPipe = null;
        while (peek().is(Kind.PIPE)) {
            Token pipe = next();
            firstPipe = firstPipe == null ? pipe : firstPipe;
            nodes.add(node());
        }
        return new Chain(nodes, start, firstPipe);
    }

    private Node node() {
        Token name = peek();
        if (!name.is(Kind.WORD) || !NAME.matcher(name.text()).matches()) {
            throw errors.at(name.start(), "expected a transform name or a group (" + String.join(", ", GROUPS)
                    + "), found " + name.shown());
        }
        next();
        if (name.text().equals(PIPELINE)) {
            throw errors.at(name.start(), "pipeline(...) can only wrap the whole spec, e.g. pipeline(hflip | vflip, seed=7)");
        }
        if (GROUPS.contains(name.text())) {
            if (!peek().is(Kind.OPEN)) {
                throw errors.at(name.start(), "'" + name.text() + "' is a group; write " + name.text() + "(...)");
            }
            return group(name);
        }
        return step(name);
    }

    private Step step(Token name) {
        String t = name.text();
        if (registry != null && !registry.contains(t)) {
            List<String> group = Names.nearest(t, GROUPS);
            if (!group.isEmpty() && peek().is(Kind.OPEN)) {
                throw errors.at(name.start(), "'" + t + "' is neither a transform nor a group; did you mean "
                        + group.get(0) + "?");
            }
            try {
                registry.get(t);
            } catch (UnknownTransformException e) {
                throw errors.at(name.start(), e.getMessage(), e);
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Argument> given = new LinkedHashMap<>();
        double p = 1.0;
        if (peek().is(Kind.OPEN)) {
            Token open = next();
            if (!peek().is(Kind.CLOSE)) {
                do {
                    Argument a = argument(name, "the parameters of '" + t + "'");
                    if (given.putIfAbsent(a.key.text(), a) != null) {
                        throw errors.at(a.key.start(), "parameter '" + a.key.text() + "' of '" + t + "' is given twice");
                    }
                    if (a.key.text().equals("p")) {
                        p = probability(a);
                    } else {
                        params.put(a.key.text(), a.value);
                    }
                } while (separator(open, "the parameters of '" + t + "'"));
            }
            next();
        }
        if (registry != null) {
            try {
                registry.validate(t, params);
            } catch (ParameterException e) {
                Argument a = given.get(e.parameter());
                boolean known = registry.get(t).descriptor().params().stream().map(ParamSpec::name)
                        .anyMatch(e.parameter()::equals);
                int at = a == null ? name.start() : known ? a.valueToken.start() : a.key.start();
                throw errors.at(at, e.getMessage(), e);
            }
        }
        return new Step(t, params, p);
    }

    /**
     * What stands between the parentheses of a group or of {@code pipeline(...)}: its items (a {@link Chain} each, or
     * for some_of a leading count {@link Token}) and its named parameters, of which only {@code allowed} are taken.
     */
    private record Body(List<Object> items, Map<String, Argument> args) {
    }

    private Body body(Token kind, List<String> allowed) {
        Token open = next();
        String k = kind.text();
        Body body = new Body(new ArrayList<>(), new LinkedHashMap<>());
        if (!peek().is(Kind.CLOSE)) {
            do {
                if (peek().is(Kind.WORD) && peek(1).is(Kind.EQUALS)) {
                    Argument a = argument(kind, k + "(...)");
                    if (!allowed.contains(a.key.text())) {
                        List<String> near = Names.nearest(a.key.text(), allowed);
                        throw errors.at(a.key.start(), "unknown parameter '" + a.key.text() + "' of " + k
                                + (near.isEmpty() ? "" : "; did you mean " + near.get(0) + "?")
                                + " (" + k + " takes " + String.join(", ", allowed) + ")");
                    }
                    if (body.args.putIfAbsent(a.key.text(), a) != null) {
                        throw errors.at(a.key.start(), "parameter '" + a.key.text() + "' of " + k + " is given twice");
                    }
                } else if (k.equals(SOME_OF) && peek().is(Kind.WORD) && DECIMAL.matcher(peek().text()).matches()) {
                    if (!body.items.isEmpty()) {
                        throw errors.at(peek().start(), "some_of takes n first, e.g. some_of(2, brightness, contrast, hue)");
                    }
                    body.items.add(next());
                } else {
                    body.items.add(chain());
                }
            } while (separator(open, k + "(...)"));
        }
        next();
        return body;
    }

    /** {@code one_of(...)}, {@code some_of(...)} or {@code sequence(...)}; {@code kind} is the name token. */
    private Node group(Token kind) {
        return switch (kind.text()) {
            case ONE_OF -> oneOf(kind, body(kind, List.of("p", "weights")));
            case SOME_OF -> someOf(kind, body(kind, List.of("n", "p")));
            default -> {
                Body b = body(kind, List.of("p"));
                yield new Sequence(oneChain(kind, b.items), probability(b.args.get("p")));
            }
        };
    }

    private OneOf oneOf(Token kind, Body body) {
        List<Node> choices = choices(kind, body.items);
        Argument w = body.args.get("weights");
        List<Double> weights = null;
        if (w != null) {
            if (!(w.value instanceof List<?> list) || !list.stream().allMatch(x -> x instanceof Number)) {
                throw errors.at(w.valueToken.start(), "weights must be a list of numbers, one per choice, got "
                        + show(w.value));
            }
            weights = list.stream().map(x -> ((Number) x).doubleValue()).toList();
        }
        try {
            return new OneOf(choices, weights, probability(body.args.get("p")));
        } catch (IllegalArgumentException e) {
            throw errors.at(w != null ? w.valueToken.start() : kind.start(), e.getMessage(), e);
        }
    }

    private SomeOf someOf(Token kind, Body body) {
        List<Object> items = body.items;
        Argument named = body.args.get("n");
        Token first = items.isEmpty() || !(items.get(0) instanceof Token t) ? null : t;
        if (first != null && named != null) {
            throw errors.at(named.key.start(), "n of some_of is given twice: first, and as n=");
        }
        if (first == null && named == null) {
            throw errors.at(kind.start(), "some_of needs n, how many of its steps to apply, first: "
                    + "some_of(2, brightness, contrast, hue)");
        }
        Token at = first != null ? first : named.valueToken;
        Object n = first != null ? word(first.text()) : named.value;
        if (!(n instanceof Integer count)) {
            throw errors.at(at.start(), "n of some_of must be a whole number of steps, got "
                    + (first != null ? first.text() : show(n)));
        }
        List<Node> choices = choices(kind, first == null ? items : items.subList(1, items.size()));
        try {
            return new SomeOf(choices, count, probability(body.args.get("p")));
        } catch (IllegalArgumentException e) {
            throw errors.at(at.start(), e.getMessage(), e);
        }
    }

    /** The choices of one_of / some_of: one node each, separated by ','. */
    private List<Node> choices(Token kind, List<Object> items) {
        List<Node> out = new ArrayList<>();
        for (Object item : items) {
            Chain c = (Chain) item;
            if (c.firstPipe != null) {
                throw errors.at(c.firstPipe.start(), "in " + kind.text() + "(...) ',' separates the choices; to make "
                        + "several steps one choice, group them: sequence(a | b)");
            }
            out.add(c.nodes.get(0));
        }
        return out;
    }

    /** The body of sequence(...) / pipeline(...): at most one chain. */
    private List<Node> oneChain(Token kind, List<Object> items) {
        if (items.size() > 1) {
            Chain second = (Chain) items.get(1);
            throw errors.at(second.start.start(), "in " + kind.text() + "(...) steps are joined with '|', not ','");
        }
        return items.isEmpty() ? List.of() : ((Chain) items.get(0)).nodes;
    }

    private PipelineSpec pipeline(Token kind) {
        Body body = body(kind, List.of("p", "seed"));
        List<Node> steps = oneChain(kind, body.items);
        if (steps.isEmpty()) {
            throw errors.at(kind.start(), "the spec is empty; write at least one step, e.g. pipeline(hflip | vflip, seed=7)");
        }
        Long seed = null;
        Argument s = body.args.get("seed");
        if (s != null) {
            if (!(s.value instanceof Integer || s.value instanceof Long)) {
                throw errors.at(s.valueToken.start(), "seed must be a whole number, got " + show(s.value));
            }
            seed = ((Number) s.value).longValue();
        }
        return new PipelineSpec(new Sequence(steps, probability(body.args.get("p"))), seed);
    }

    // ---- arguments and values

    private record Argument(Token key, Token valueToken, Object value) {
    }

    /** {@code key=value}; {@code owner} names the step or group in errors. */
    private Argument argument(Token owner, String where) {
        Token key = peek();
        if (!key.is(Kind.WORD) || !NAME.matcher(key.text()).matches() || !peek(1).is(Kind.EQUALS)) {
            List<String> group = Names.nearest(owner.text(), GROUPS);
            if (!group.isEmpty() && !GROUPS.contains(owner.text())) {
                throw errors.at(owner.start(), "'" + owner.text() + "' is not a group; did you mean " + group.get(0) + "?");
            }
            throw errors.at(key.start(), key.is(Kind.WORD) && NAME.matcher(key.text()).matches()
                    ? "expected '=' after parameter '" + key.text() + "' in " + where + ", found " + peek(1).shown()
                    : "expected name=value in " + where + ", found " + key.shown());
        }
        next();
        next();
        Token valueToken = peek();
        return new Argument(key, valueToken, value());
    }

    private Object value() {
        Token t = next();
        switch (t.kind()) {
            case QUOTED:
                return t.text();
            case OPEN_LIST: {
                List<Object> list = new ArrayList<>();
                if (!peek().is(Kind.CLOSE_LIST)) {
                    do {
                        list.add(value());
                    } while (listSeparator(t));
                }
                next();
                return list;
            }
            case WORD: {
                if (t.text().equals("null") || t.text().equals("~")) {
                    throw errors.at(t.start(), "null is not a value here: leave the parameter out to get its default");
                }
                Object v = word(t.text());
                if (v == null) {
                    throw errors.at(t.start(), "number " + t.text() + " is too large");
                }
                return v;
            }
            default:
                throw errors.at(t.start(), "expected a value (number, true/false, word, 'text' or [list]), found "
                        + t.shown());
        }
    }

    /** After an item: true for ',' (another follows), false when ')' is next (not consumed). */
    private boolean separator(Token open, String where) {
        Token t = peek();
        if (t.is(Kind.COMMA)) {
            next();
            return true;
        }
        if (t.is(Kind.CLOSE)) {
            return false;
        }
        if (t.is(Kind.END)) {
            throw errors.at(open.start(), "unbalanced '(': it is never closed");
        }
        throw errors.at(t.start(), "expected ',' or ')' in " + where + ", found " + t.shown());
    }

    private boolean listSeparator(Token open) {
        Token t = peek();
        if (t.is(Kind.COMMA)) {
            next();
            return true;
        }
        if (t.is(Kind.CLOSE_LIST)) {
            return false;
        }
        if (t.is(Kind.END)) {
            throw errors.at(open.start(), "unbalanced '[': the list is never closed");
        }
        throw errors.at(t.start(), "expected ',' or ']' in the list, found " + t.shown());
    }

    private double probability(Argument a) {
        if (a == null) {
            return 1.0;
        }
        if (a.value instanceof Number num && num.doubleValue() >= 0 && num.doubleValue() <= 1) {
            return num.doubleValue();
        }
        throw errors.at(a.valueToken.start(), "p must be a probability in [0, 1], got " + show(a.value));
    }

    // ---- tokens

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(i + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = peek();
        if (!t.is(Kind.END)) {
            i++;
        }
        return t;
    }

    private static boolean isName(Token t, String name) {
        return t.is(Kind.WORD) && t.text().equals(name);
    }

    private static String show(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
