package io.augment4j.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --name value} arguments of the benchmarks' plain {@code main} programs: each name must be one the
 * program declares with its default, so a typo is an error naming the known ones rather than a silent default.
 */
final class MainArgs {
    private final Map<String, String> values;

    private MainArgs(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads {@code args} against the declared names and their defaults, given as pairs (names without the leading
     * {@code --}, in the order an error lists them).
     *
     * @throws IllegalArgumentException for an unknown name or a name without a value
     */
    static MainArgs parse(String[] args, String... namesAndDefaults) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndDefaults.length; i += 2) {
            defaults.put(namesAndDefaults[i], namesAndDefaults[i + 1]);
        }
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown argument " + args[i] + "; known: --"
                        + String.join(", --", defaults.keySet()));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            values.put(name, args[i + 1]);
        }
        return new MainArgs(values);
    }

    String get(String name) {
        return values.get(name);
    }

    int getInt(String name) {
        return Integer.parseInt(values.get(name));
    }

    double getDouble(String name) {
        return Double.parseDouble(values.get(name));
    }
}
