package io.augment4j.api.registry;

import io.augment4j.api.AugmentException;

import java.util.List;

/**
 * No provider contributes a transform of the requested name. The message suggests the nearest known names, and,
 * since the name may belong to one of them, mentions the providers that failed to load; with no transform registered
 * at all it says so, as SLF4J does when it finds no provider.
 */
public class UnknownTransformException extends AugmentException {
    private final String name;
    private final List<String> suggestions;

    public UnknownTransformException(String name, List<String> suggestions) {
        this(name, suggestions, false, List.of());
    }

    /**
     * @param name the requested name
     * @param suggestions known names close to it, nearest first
     * @param noneRegistered true when the registry holds no transform at all
     * @param problems the providers that failed to load
     */
    public UnknownTransformException(String name, List<String> suggestions, boolean noneRegistered,
                                     List<LoadProblem> problems) {
        super(message(name, suggestions, noneRegistered, problems));
        this.name = name;
        this.suggestions = List.copyOf(suggestions);
    }

    private static String message(String name, List<String> suggestions, boolean noneRegistered,
                                  List<LoadProblem> problems) {
        StringBuilder m = new StringBuilder("unknown transform '").append(name).append("'");
        if (noneRegistered) {
            m.append(": no transform is registered at all");
            if (problems.isEmpty()) {
                m.append(", as no transform provider was found; put augment-opencv (the built-in transforms) or a"
                        + " plugin jar on the class path");
            }
        } else {
            if (!suggestions.isEmpty()) {
                m.append("; did you mean ").append(String.join(", ", suggestions)).append("?");
            }
            m.append(" ('aug list' shows every transform)");
        }
        if (!problems.isEmpty()) {
            m.append(". Note: ").append(problems.size()).append(problems.size() == 1 ? " provider" : " providers")
                    .append(" failed to load: ");
            for (int i = 0; i < problems.size(); i++) {
                LoadProblem p = problems.get(i);
                m.append(i == 0 ? "" : "; ").append(p.source()).append(" (").append(p.reason()).append(")");
            }
        }
        return m.toString();
    }

    public String name() {
        return name;
    }

    /** Known names closest to the requested one, nearest first. */
    public List<String> suggestions() {
        return suggestions;
    }
}
