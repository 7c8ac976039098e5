package io.augment4j.api.registry;

import io.augment4j.api.Transform;
import io.augment4j.api.spi.Params;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;

import io.augment4j.api.AugmentException;
import io.augment4j.api.TransformFailedException;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every transform the running program knows, discovered through {@link ServiceLoader} over
 * {@link TransformProvider}s, plus any added in code. The registry owns discovery, name clashes and parameter
 * validation, so providers never repeat that code.
 *
 * <ul>
 *   <li>A provider that fails to load (constructor throws, class missing, built for another SPI version) is
 *       skipped and reported in {@link #problems()}; the rest load.
 *   <li>Two providers claiming one name is an error naming both ({@link DuplicateTransformException}).
 *   <li>An unknown name is an error suggesting the nearest names and mentioning the providers that failed to load
 *       ({@link UnknownTransformException}).
 *   <li>Bad parameters are errors naming transform, parameter, value and allowed values ({@link ParameterException}).
 * </ul>
 *
 * <p>Immutable and thread-safe once built.
 */
public final class TransformRegistry {
    private final Map<String, RegisteredTransform> byName;
    private final List<LoadProblem> problems;

    private TransformRegistry(Map<String, RegisteredTransform> byName, List<LoadProblem> problems) {
        this.byName = Collections.unmodifiableMap(byName);
        this.problems = List.copyOf(problems);
    }

    /** The transforms of every provider visible to the thread's context class loader. */
    public static TransformRegistry discover() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return builder().discover(cl == null ? TransformRegistry.class.getClassLoader() : cl).build();
    }

    /**
     * The transforms on the classpath plus those of the plugin jars in {@code pluginFolders} (see
     * {@link Builder#discoverPlugins}).
     */
    public static TransformRegistry discover(List<Path> pluginFolders) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        Builder b = builder().discover(cl == null ? TransformRegistry.class.getClassLoader() : cl);
        for (Path folder : pluginFolders) {
            b.discoverPlugins(folder);
        }
        return b.build();
    }

    /** The transforms of exactly these providers. */
    public static TransformRegistry of(TransformProvider... providers) {
        Builder b = builder();
        for (TransformProvider p : providers) {
            b.add(p);
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All transforms, sorted by name. */
    public List<RegisteredTransform> transforms() {
        return List.copyOf(byName.values());
    }

    /** All names, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** Providers that could not be loaded and were skipped. */
    public List<LoadProblem> problems() {
        return problems;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The transform of that name, or an {@link UnknownTransformException} suggesting near names. */
    public RegisteredTransform get(String name) {
        RegisteredTransform t = byName.get(name);
        if (t == null) {
            throw new UnknownTransformException(name, Names.nearest(name, byName.keySet()), byName.isEmpty(),
                    problems);
        }
        return t;
    }

    /** Validates raw parameter values for the named transform. */
    public Params validate(String name, Map<String, ?> rawParams) {
        return ParamValidator.validate(get(name).descriptor(), rawParams);
    }

    /**
     * Builds the named transform from raw parameter values (validated first).
     *
     * @throws TransformFailedException when the provider's factory throws (naming the transform and its jar)
     */
    public Transform<?> create(String name, Map<String, ?> rawParams) {
        RegisteredTransform r = get(name);
        Params params = ParamValidator.validate(r.descriptor(), rawParams);
        Transform<?> t;
        try {
            t = r.descriptor().create(params);
            if (t == null) {
                throw new IllegalStateException("the factory returned null");
            }
        } catch (AugmentException e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // The factory is the provider's code: name it and its jar, as the pipeline does for sample/apply.
            throw new TransformFailedException(name, r.provider().jarName(), "being built from " + params.asMap(),
                    null, e);
        }
        return t;
    }

    /** Collects providers, then checks names once in {@link #build()}. */
    public static final class Builder {
        private final List<TransformProvider> providers = new ArrayList<>();
        private final List<LoadProblem> problems = new ArrayList<>();

        private Builder() {
        }

        /** Adds every provider {@link ServiceLoader} finds through {@code loader}; broken ones become problems. */
        public Builder discover(ClassLoader loader) {
            Iterator<TransformProvider> it = ServiceLoader.load(TransformProvider.class, loader).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    add(it.next());
                } catch (ServiceConfigurationError | LinkageError e) {
                    problems.add(new LoadProblem("class path", whatFailed(e)));
                }
            }
            return this;
        }

        /**
         * Adds the providers of every {@code *.jar} directly in {@code folder}, each jar in a class loader of its own
         * whose parent is the one that loaded augment-api. A jar that cannot be read, or whose provider fails to load,
         * is reported in {@link TransformRegistry#problems()} with the jar's name and skipped; the others load.
         * Plugins are code: load them only from folders you trust.
         *
         * @throws io.augment4j.api.AugmentException when the folder does not exist or cannot be listed
         */
        public Builder discoverPlugins(Path folder) {
            if (!Files.isDirectory(folder)) {
                throw new AugmentException("plugin folder " + folder + " does not exist or is not a folder");
            }
            List<Path> jars;
            try (Stream<Path> files = Files.list(folder)) {
                jars = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                        .sorted().toList();
            } catch (IOException e) {
                throw new AugmentException("cannot list plugin folder " + folder + ": " + e.getMessage(), e);
            }
            for (Path jar : jars) {
                discoverJar(jar);
            }
            return this;
        }

        private void discoverJar(Path jar) {
            String name = jar.getFileName().toString();
            try (JarFile check = new JarFile(jar.toFile())) {
                check.size();
            } catch (IOException e) {
                problems.add(new LoadProblem(name, "not a readable jar: " + e.getMessage()));
                return;
            }
            URLClassLoader loader;
            try {
                loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, TransformRegistry.class.getClassLoader());
            } catch (IOException e) {
                problems.add(new LoadProblem(name, e.getMessage()));
                return;
            }
            int found = 0;
            Iterator<ServiceLoader.Provider<TransformProvider>> it =
                    ServiceLoader.load(TransformProvider.class, loader).stream().iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    ServiceLoader.Provider<TransformProvider> p = it.next();
                    // The parent's providers (the classpath) are visible through this loader too: keep the jar's own.
                    if (p.type().getClassLoader() != loader) {
                        continue;
                    }
                    found++;
                    add(p.get());
                } catch (ServiceConfigurationError | LinkageError e) {
                    found++;
                    problems.add(new LoadProblem(name, whatFailed(e)));
                }
            }
            if (found == 0) {
                problems.add(new LoadProblem(name, "declares no transform provider (META-INF/services/"
                        + TransformProvider.class.getName() + " is missing)"));
            }
        }

        /** Adds one provider. */
        public Builder add(TransformProvider provider) {
            int v;
            try {
                v = provider.spiVersion();
            } catch (RuntimeException | LinkageError e) {
                problems.add(new LoadProblem(provider.getClass().getName(), "spiVersion() failed: " + rootMessage(e)));
                return this;
            }
            if (v != TransformProvider.SPI_VERSION) {
                problems.add(new LoadProblem(provider.getClass().getName() + " ("
                        + ProviderInfo.shortLocation(ProviderInfo.locationOf(provider.getClass())) + ")",
                        "built for transform SPI version " + v + ", but this augment4j implements version "
                                + TransformProvider.SPI_VERSION + "; use a build of the plugin made for version "
                                + TransformProvider.SPI_VERSION));
                return this;
            }
            providers.add(provider);
            return this;
        }

        /** Checks for duplicate names and builds the registry. */
        public TransformRegistry build() {
            Map<String, RegisteredTransform> byName = new TreeMap<>();
            List<LoadProblem> all = new ArrayList<>(problems);
            for (TransformProvider p : providers) {
                ProviderInfo info = ProviderInfo.of(p);
                List<TransformDescriptor> ds;
                try {
                    ds = p.transforms();
                } catch (RuntimeException | LinkageError e) {
                    all.add(new LoadProblem(info.describe(), "transforms() failed: " + rootMessage(e)));
                    continue;
                }
                for (TransformDescriptor d : ds) {
                    RegisteredTransform prev = byName.putIfAbsent(d.name(), new RegisteredTransform(d, info));
                    if (prev != null) {
                        throw new DuplicateTransformException(d.name(), prev.provider(), info);
                    }
                }
            }
            return new TransformRegistry(byName, all);
        }

        /**
         * What went wrong loading a provider, e.g. {@code Provider acme.P could not be instantiated: NoClassDefFoundError:
         * acme/Lib}: the service loader's message, then the root cause when there is one.
         */
        private static String whatFailed(Throwable e) {
            if (!(e instanceof ServiceConfigurationError) || e.getMessage() == null) {
                return rootMessage(e);
            }
            // ServiceLoader messages start with "io.augment4j.api.spi.TransformProvider: Provider X could not ..."
            String what = e.getMessage().replaceFirst("^[\\w.]+TransformProvider: ", "");
            return e.getCause() == null || e.getCause() == e ? what : what + ": " + rootMessage(e);
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
    }
}
