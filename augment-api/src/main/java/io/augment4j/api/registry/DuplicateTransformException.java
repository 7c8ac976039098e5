package io.augment4j.api.registry;

import io.augment4j.api.AugmentException;

/** Two providers claim the same transform name; the message names both providers and where they came from. */
public class DuplicateTransformException extends AugmentException {
    public DuplicateTransformException(String name, ProviderInfo first, ProviderInfo second) {
        super("transform '" + name + "' is provided twice: by " + first.describe() + " and by " + second.describe()
                + "; remove one of them from the classpath or plugin folder, or give one a namespaced name");
    }
}
