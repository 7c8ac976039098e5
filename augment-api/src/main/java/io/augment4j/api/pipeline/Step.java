package io.augment4j.api.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A transform by registry name with its parameter values as the user gave them (not yet validated, defaults not
 * filled in, so saving writes back exactly what was given).
 *
 * @param transform registry name, e.g. {@code rotate}
 * @param params raw parameter values: numbers, booleans, strings and lists of them
 * @param p probability of applying the step
 */
public record Step(String transform, Map<String, Object> params, double p) implements Node {
    public Step {
        Objects.requireNonNull(transform, "transform");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(params, "params")));
        Node.checkP(p);
    }

    @Override
    public Step withP(double newP) {
        return new Step(transform, params, newP);
    }
}
