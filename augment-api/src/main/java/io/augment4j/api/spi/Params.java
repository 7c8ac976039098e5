package io.augment4j.api.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated parameter values handed to a {@link TransformDescriptor}'s factory: every declared parameter is
 * present (given or defaulted) with its canonical Java type, so factories read them without further checks.
 */
public final class Params {
    private final String transform;
    private final Map<String, Object> values;

    /** Made by the registry after validation; tests may build one directly from canonical values. */
    public Params(String transform, Map<String, Object> values) {
        this.transform = transform;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The name of the transform these parameters are for. */
    public String transform() {
        return transform;
    }

    /** All values by name, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("transform '" + transform + "' declares no parameter '" + name + "'");
        }
        return values.get(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public int getInt(String name) {
        return (Integer) get(name);
    }

    public double getDouble(String name) {
        return (Double) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    public Range getRange(String name) {
        return (Range) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Double> getDoubles(String name) {
        return (List<Double>) get(name);
    }

    /** The list as a primitive array. */
    public double[] getDoubleArray(String name) {
        return getDoubles(name).stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public String toString() {
        return transform + values;
    }
}
