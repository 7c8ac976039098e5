package io.augment4j.api.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A {@link BatchExecutor} engine found by name through {@link ServiceLoader}, so that a program picks an engine
 * (e.g. {@code aug apply --engine spark}) without a compile dependency on it: the engine's jar lists its provider in
 * {@code META-INF/services/io.augment4j.api.batch.BatchExecutorProvider}. The local thread pool needs no provider.
 */
public interface BatchExecutorProvider {
    /** The engine's name, lower case, e.g. {@code spark}. */
    String name();

    /**
     * Starts (or joins) the engine.
     *
     * @param settings engine settings by name; an engine documents the ones it reads (e.g. {@code master}) and
     *                 ignores absent ones
     * @throws io.augment4j.api.AugmentException when a setting is invalid or the engine cannot start
     */
    BatchExecutor create(Map<String, String> settings);

    /** The provider named {@code name} on {@code loader}'s class path, if any. */
    static Optional<BatchExecutorProvider> named(String name, ClassLoader loader) {
        for (BatchExecutorProvider p : ServiceLoader.load(BatchExecutorProvider.class, loader)) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The names of the providers on {@code loader}'s class path, for messages. */
    static List<String> names(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(BatchExecutorProvider.class, loader).forEach(p -> names.add(p.name()));
        return names;
    }
}
