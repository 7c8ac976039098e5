package io.augment4j.api.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value read from a spec with the line and column it started at: a map (ordered), a list, or a scalar
 * ({@link String}, {@link Integer}, {@link Long}, {@link Double}, {@link Boolean} or {@code null}).
 */
record Located(Object value, int line, int column) {

    @SuppressWarnings("unchecked")
    Map<String, Located> asMap() {
        return (Map<String, Located>) value;
    }

    @SuppressWarnings("unchecked")
    List<Located> asList() {
        return (List<Located>) value;
    }

    boolean isMap() {
        return value instanceof Map;
    }

    boolean isList() {
        return value instanceof List;
    }

    /** The value with locations stripped: plain maps, lists and scalars. */
    Object plain() {
        if (value instanceof Map<?, ?>) {
            Map<String, Object> out = new LinkedHashMap<>();
            asMap().forEach((k, v) -> out.put(k, v.plain()));
            return out;
        }
        if (value instanceof List<?>) {
            List<Object> out = new ArrayList<>();
            asList().forEach(v -> out.add(v.plain()));
            return out;
        }
        return value;
    }
}
