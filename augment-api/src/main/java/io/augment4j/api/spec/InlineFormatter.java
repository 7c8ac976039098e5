package io.augment4j.api.spec;

import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.OneOf;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.pipeline.Sequence;
import io.augment4j.api.pipeline.SomeOf;
import io.augment4j.api.pipeline.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a {@link PipelineSpec} in the inline syntax that {@link InlineParser} reads back; see {@link InlineSpecs}. */
final class InlineFormatter {
    private InlineFormatter() {
    }

    static String format(PipelineSpec spec) {
        Sequence root = spec.root();
        if (root.steps().isEmpty()) {
            throw new IllegalArgumentException("the inline syntax cannot write a pipeline without steps");
        }
        if (!spec.targets().equals(io.augment4j.api.targets.TargetOptions.DEFAULT)) {
            throw new IllegalArgumentException("the inline syntax cannot write a pipeline's 'targets:' options; "
                    + "write it as YAML or JSON");
        }
        String chain = chain(root.steps());
        if (spec.seed() == null && root.p() == 1.0) {
            return chain;
        }
        List<String> parts = new ArrayList<>(List.of(chain));
        if (spec.seed() != null) {
            parts.add("seed=" + spec.seed());
        }
        addP(parts, root.p());
        return InlineParser.PIPELINE + "(" + String.join(", ", parts) + ")";
    }

    private static String chain(List<Node> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(node(n)));
        return String.join(" | ", out);
    }

    private static String node(Node n) {
        List<String> parts = new ArrayList<>();
        String head;
        if (n instanceof Step s) {
            head = name(s.transform());
            for (Map.Entry<String, Object> e : s.params().entrySet()) {
                if (e.getKey().equals("p") || !InlineParser.NAME.matcher(e.getKey()).matches()) {
                    throw new IllegalArgumentException("parameter name '" + e.getKey() + "' of '" + s.transform()
                            + "' cannot be written inline");
                }
                parts.add(e.getKey() + "=" + value(e.getValue()));
            }
            addP(parts, s.p());
            return parts.isEmpty() ? head : head + "(" + String.join(", ", parts) + ")";
        }
        if (n instanceof Sequence s) {
            head = InlineParser.SEQUENCE;
            if (!s.steps().isEmpty()) {
                parts.add(chain(s.steps()));
            }
        } else if (n instanceof OneOf o) {
            head = InlineParser.ONE_OF;
            o.steps().forEach(c -> parts.add(node(c)));
            if (o.weights() != null) {
                List<String> ws = new ArrayList<>();
                o.weights().forEach(w -> ws.add(number(w)));
                parts.add("weights=[" + String.join(", ", ws) + "]");
            }
        } else {
            SomeOf s = (SomeOf) n;
            head = InlineParser.SOME_OF;
            parts.add(String.valueOf(s.n()));
            s.steps().forEach(c -> parts.add(node(c)));
        }
        addP(parts, n.p());
        return head + "(" + String.join(", ", parts) + ")";
    }

    private static String name(String transform) {
        if (!InlineParser.NAME.matcher(transform).matches() || InlineParser.GROUPS.contains(transform)
                || transform.equals(InlineParser.PIPELINE)) {
            throw new IllegalArgumentException("transform name '" + transform + "' cannot be written inline");
        }
        return transform;
    }

    private static void addP(List<String> parts, double p) {
        if (p != 1.0) {
            parts.add("p=" + number(p));
        }
    }

    /** A probability or weight: read back as a double whatever its spelling, so 1 is written 1, not 1.0. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : Double.toString(v);
    }

    /** A parameter value, written so that it reads back as the same Java value. */
    private static String value(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("value " + d + " cannot be written inline");
            }
            return d.toString();
        }
        if (v instanceof String s) {
            return text(s);
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            list.forEach(x -> out.add(value(x)));
            return "[" + String.join(", ", out) + "]";
        }
        throw new IllegalArgumentException("value " + v + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")")
                + " cannot be written inline");
    }

    /** Bare when it reads back as this text (a word such as reflect), quoted otherwise. */
    private static String text(String s) {
        if (InlineParser.NAME.matcher(s).matches() && s.equals(InlineParser.word(s)) && !s.equals("null")) {
            return s;
        }
        if (s.indexOf('\'') < 0) {
            return "'" + s + "'";
        }
        if (s.indexOf('"') < 0) {
            return "\"" + s + "\"";
        }
        throw new IllegalArgumentException("text " + s + " holds both quote characters and cannot be written inline");
    }
}
