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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a {@link Located} tree into a {@link PipelineSpec}, with located errors. */
final class SpecReader {
    static final int VERSION = 1;
    private static final Set<String> ROOT_KEYS = Set.of("version", "seed", "p", "targets", "transforms");
    private static final Set<String> COMPOSITES = Set.of("sequence", "one_of", "some_of");

    private final String source;
    private final TransformRegistry registry;

    SpecReader(String source, TransformRegistry registry) {
        this.source = source;
        this.registry = registry;
    }

    PipelineSpec read(Located root) {
        if (root == null) {
            throw error(null, null, "the spec is empty; it needs at least 'transforms: [...]'");
        }
        if (!root.isMap()) {
            throw error(root, null, "a spec must be a map with a 'transforms' list, e.g. 'transforms: [{transform: hflip}]'");
        }
        Map<String, Located> m = root.asMap();
        checkKeys(m, ROOT_KEYS, "", root);
        Located v = m.get("version");
        if (v != null && !(v.value() instanceof Integer i && i == VERSION)) {
            throw error(v, "version", "spec version " + v.value() + " is not supported; this library reads version "
                    + VERSION);
        }
        Long seed = null;
        Located s = m.get("seed");
        if (s != null) {
            if (s.value() instanceof Integer || s.value() instanceof Long) {
                seed = ((Number) s.value()).longValue();
            } else {
                throw error(s, "seed", "seed must be a whole number, got " + show(s.value()));
            }
        }
        double p = probability(m.get("p"), "p");
        Located transforms = m.get("transforms");
        if (transforms == null) {
            throw error(root, null, "the spec has no 'transforms' list");
        }
        Located t = m.get("targets");
        io.augment4j.api.targets.TargetOptions targets = t == null ? io.augment4j.api.targets.TargetOptions.DEFAULT
                : TargetsTree.read(t, (at, reason) -> error(at, "targets", reason));
        return new PipelineSpec(new Sequence(nodes(transforms, "transforms"), p), seed, targets);
    }

    private List<Node> nodes(Located list, String path) {
        if (!list.isList()) {
            throw error(list, path, "expected a list of steps, got " + show(list.plain()));
        }
        List<Node> out = new ArrayList<>();
        List<Located> items = list.asList();
        for (int i = 0; i < items.size(); i++) {
            out.add(node(items.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private Node node(Located n, String path) {
        if (!n.isMap()) {
            throw error(n, path, "a step must be a map such as '{transform: hflip, p: 0.5}', got " + show(n.plain()));
        }
        Map<String, Located> m = n.asMap();
        if (m.containsKey("transform")) {
            return step(n, m, path);
        }
        if (m.size() != 1 || !COMPOSITES.contains(m.keySet().iterator().next())) {
            String hint = m.keySet().stream().map(k -> Names.nearest(k, List.of("transform", "sequence", "one_of", "some_of")))
                    .filter(l -> !l.isEmpty()).map(l -> l.get(0)).findFirst().map(h -> " (did you mean '" + h + "'?)")
                    .orElse("");
            throw error(n, path, "a step needs 'transform: NAME', or exactly one of 'sequence', 'one_of', 'some_of'; found keys "
                    + m.keySet() + hint);
        }
        String kind = m.keySet().iterator().next();
        Located body = m.get(kind);
        String bodyPath = path + "." + kind;
        if (!body.isMap()) {
            throw error(body, bodyPath, kind + " needs a map with a 'transforms' list");
        }
        Map<String, Located> b = body.asMap();
        Set<String> allowed = switch (kind) {
            case "one_of" -> Set.of("transforms", "p", "weights");
            case "some_of" -> Set.of("transforms", "p", "n");
            default -> Set.of("transforms", "p");
        };
        checkKeys(b, allowed, bodyPath + ".", body);
        Located ts = b.get("transforms");
        if (ts == null) {
            throw error(body, bodyPath, kind + " has no 'transforms' list");
        }
        List<Node> children = nodes(ts, bodyPath + ".transforms");
        double p = probability(b.get("p"), bodyPath + ".p");
        try {
            switch (kind) {
                case "one_of": {
                    Located w = b.get("weights");
                    List<Double> weights = null;
                    if (w != null) {
                        weights = numbers(w, bodyPath + ".weights");
                    }
                    return new OneOf(children, weights, p);
                }
                case "some_of": {
                    Located nn = b.get("n");
                    if (nn == null || !(nn.value() instanceof Integer)) {
                        throw error(nn == null ? body : nn, bodyPath + ".n", "some_of needs 'n', a whole number of steps to apply");
                    }
                    return new SomeOf(children, (Integer) nn.value(), p);
                }
                default:
                    return new Sequence(children, p);
            }
        } catch (IllegalArgumentException e) {
            throw error(body, bodyPath, e.getMessage());
        }
    }

    private Step step(Located n, Map<String, Located> m, String path) {
        Located name = m.get("transform");
        if (!(name.value() instanceof String t) || t.isBlank()) {
            throw error(name, path + ".transform", "transform must be a name, got " + show(name.plain()));
        }
        double p = probability(m.get("p"), path + ".p");
        Map<String, Object> params = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (!k.equals("transform") && !k.equals("p")) {
                params.put(k, v.plain());
            }
        });
        if (registry != null) {
            try {
                registry.validate(t, params);
            } catch (UnknownTransformException e) {
                throw error(name, path + ".transform", e.getMessage(), e);
            } catch (ParameterException e) {
                Located at = m.getOrDefault(e.parameter(), n);
                throw error(at, m.containsKey(e.parameter()) ? path + "." + e.parameter() : path, e.getMessage(), e);
            }
        }
        return new Step(t, params, p);
    }

    private double probability(Located v, String path) {
        if (v == null) {
            return 1.0;
        }
        if (v.value() instanceof Number num && num.doubleValue() >= 0 && num.doubleValue() <= 1) {
            return num.doubleValue();
        }
        throw error(v, path, "p must be a probability in [0, 1], got " + show(v.plain()));
    }

    private List<Double> numbers(Located v, String path) {
        if (!v.isList()) {
            throw error(v, path, "expected a list of numbers, got " + show(v.plain()));
        }
        List<Double> out = new ArrayList<>();
        for (Located x : v.asList()) {
            if (!(x.value() instanceof Number num)) {
                throw error(x, path, "expected a number, got " + show(x.plain()));
            }
            out.add(num.doubleValue());
        }
        return out;
    }

    private void checkKeys(Map<String, Located> m, Set<String> allowed, String prefix, Located at) {
        for (Map.Entry<String, Located> e : m.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                List<String> near = Names.nearest(e.getKey(), allowed);
                throw error(e.getValue(), prefix + e.getKey(), "unknown key '" + e.getKey() + "'"
                        + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?") + " (allowed: "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private static String show(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private SpecException error(Located at, String path, String reason) {
        return error(at, path, reason, null);
    }

    private SpecException error(Located at, String path, String reason, Throwable cause) {
        return new SpecException(source, at == null ? -1 : at.line(), at == null ? -1 : at.column(), path, reason,
                cause);
    }
}
