package io.augment4j.api.spec;

import io.augment4j.api.registry.Names;
import io.augment4j.api.targets.TargetOptions;
import io.augment4j.api.targets.TargetOptions.KeypointsOutside;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The spec's {@code targets:} map, read into and written from {@link TargetOptions}:
 * <pre>
 * targets:
 *   clip: true                 # clip kept boxes to the image (default true)
 *   min_area: 0                # pixels
 *   min_visibility: 0.3        # visible fraction of a box
 *   min_width: 0               # pixels
 *   min_height: 0              # pixels
 *   keypoints_outside: drop    # drop, keep or clamp
 *   flip_swap: {left_eye: right_eye}   # labels swapped by mirroring steps, each pair once
 * </pre>
 */
final class TargetsTree {
    static final List<String> KEYS = List.of("clip", "min_area", "min_visibility", "min_width", "min_height",
            "keypoints_outside", "flip_swap");

    private TargetsTree() {
    }

    /** The non-default entries of {@code t}, in {@link #KEYS} order; empty for the defaults. */
    static Map<String, Object> toTree(TargetOptions t) {
        TargetOptions d = TargetOptions.DEFAULT;
        Map<String, Object> m = new LinkedHashMap<>();
        if (t.clip() != d.clip()) {
            m.put("clip", t.clip());
        }
        putIfSet(m, "min_area", t.minArea());
        putIfSet(m, "min_visibility", t.minVisibility());
        putIfSet(m, "min_width", t.minWidth());
        putIfSet(m, "min_height", t.minHeight());
        if (t.keypointsOutside() != d.keypointsOutside()) {
            m.put("keypoints_outside", t.keypointsOutside().id());
        }
        if (!t.flipSwap().isEmpty()) {
            m.put("flip_swap", new java.util.TreeMap<>(t.flipSwap()));
        }
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, double v) {
        if (v != 0) {
            m.put(key, v);
        }
    }

    /**
     * Reads a {@code targets:} map; {@code error} makes a located error from a node and a reason, naming
     * {@code targets.KEY}.
     */
    static TargetOptions read(Located node, BiFunction<Located, String, SpecException> error) {
        if (!node.isMap()) {
            throw error.apply(node, "targets must be a map such as '{min_visibility: 0.3, keypoints_outside: drop}'");
        }
        Map<String, Located> m = node.asMap();
        for (Map.Entry<String, Located> e : m.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                List<String> near = Names.nearest(e.getKey(), KEYS);
                throw error.apply(e.getValue(), "unknown key 'targets." + e.getKey() + "'"
                        + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?") + " (allowed: " + KEYS + ")");
            }
        }
        TargetOptions d = TargetOptions.DEFAULT;
        boolean clip = d.clip();
        Located c = m.get("clip");
        if (c != null) {
            if (!(c.value() instanceof Boolean b)) {
                throw error.apply(c, "targets.clip must be true or false, got " + c.plain());
            }
            clip = b;
        }
        KeypointsOutside outside = d.keypointsOutside();
        Located k = m.get("keypoints_outside");
        if (k != null) {
            List<String> ids = Arrays.stream(KeypointsOutside.values()).map(KeypointsOutside::id).toList();
            if (!(k.value() instanceof String s) || !ids.contains(s.toLowerCase(Locale.ROOT))) {
                throw error.apply(k, "targets.keypoints_outside must be one of " + ids + ", got " + k.plain());
            }
            outside = KeypointsOutside.valueOf(((String) k.value()).toUpperCase(Locale.ROOT));
        }
        Map<String, String> swap = new LinkedHashMap<>();
        Located f = m.get("flip_swap");
        if (f != null) {
            if (!f.isMap()) {
                throw error.apply(f, "targets.flip_swap must be a map of label pairs such as '{left_eye: right_eye}'");
            }
            for (Map.Entry<String, Located> e : f.asMap().entrySet()) {
                if (!(e.getValue().value() instanceof String v)) {
                    throw error.apply(e.getValue(), "targets.flip_swap." + e.getKey() + " must be a label, got "
                            + e.getValue().plain());
                }
                swap.put(e.getKey(), v);
            }
        }
        try {
            return new TargetOptions(clip, number(m, "min_area", error), number(m, "min_visibility", error),
                    number(m, "min_width", error), number(m, "min_height", error), outside, swap);
        } catch (IllegalArgumentException e) {
            throw error.apply(node, "targets: " + e.getMessage());
        }
    }

    private static double number(Map<String, Located> m, String key,
                                 BiFunction<Located, String, SpecException> error) {
        Located v = m.get(key);
        if (v == null) {
            return 0;
        }
        if (!(v.value() instanceof Number n) || !(n.doubleValue() >= 0)
                || (key.equals("min_visibility") && n.doubleValue() > 1)) {
            throw error.apply(v, "targets." + key + " must be a number " + (key.equals("min_visibility")
                    ? "in [0, 1]" : "of pixels, at least 0") + ", got " + v.plain());
        }
        return n.doubleValue();
    }
}
