package io.augment4j.api.registry;

import io.augment4j.api.AugmentException;

import java.util.List;

/** No provider contributes a transform of the requested name; the message suggests the nearest known names. */
public class UnknownTransformException extends AugmentException {
    private final String name;
    private final List<String> suggestions;

    public UnknownTransformException(String name, List<String> suggestions) {
        super("unknown transform '" + name + "'"
                + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?")
                + " ('aug list' shows every transform)");
        this.name = name;
        this.suggestions = List.copyOf(suggestions);
    }

    public String name() {
        return name;
    }

    /** Known names closest to the requested one, nearest first. */
    public List<String> suggestions() {
        return suggestions;
    }
}
