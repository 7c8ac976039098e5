package io.augment4j.trainer.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A {@link TrialExecutor} engine found by name through {@link ServiceLoader}, so that a program picks where trials
 * run (e.g. {@code aug tune --engine spark}) without a compile dependency on the engine: the engine's jar lists its
 * provider in {@code META-INF/services/io.augment4j.trainer.tune.TrialExecutorProvider}. The local executor
 * ({@link LocalTrialExecutor}) needs no provider.
 */
public interface TrialExecutorProvider {

    /** @return the engine's name, lower case, e.g. {@code spark} */
    String name();

    /**
     * Starts (or joins) the engine.
     *
     * @param runner runs one trial; an engine that runs trials in other JVMs needs it {@link java.io.Serializable}
     *     (a {@link TrialRunner} is)
     * @param parallel how many trials run at once (at least 1)
     * @param settings engine settings by name; an engine documents the ones it reads (e.g. {@code master}) and
     *     ignores absent ones
     * @return the executor; closing it releases what it started
     * @throws io.augment4j.api.AugmentException when a setting is invalid or the engine cannot start
     */
    TrialExecutor create(TrialFunction runner, int parallel, Map<String, String> settings);

    /**
     * @param name an engine name
     * @param loader where to look
     * @return the provider named {@code name} on {@code loader}'s class path, if any
     */
    static Optional<TrialExecutorProvider> named(String name, ClassLoader loader) {
        for (TrialExecutorProvider p : ServiceLoader.load(TrialExecutorProvider.class, loader)) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * @param loader where to look
     * @return the names of the providers on {@code loader}'s class path, for messages
     */
    static List<String> names(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(TrialExecutorProvider.class, loader).forEach(p -> names.add(p.name()));
        return names;
    }
}
