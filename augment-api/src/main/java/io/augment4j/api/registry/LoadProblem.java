package io.augment4j.api.registry;

/**
 * A provider that could not be loaded and was skipped, so the others still load.
 *
 * @param source where: the plugin jar's file name, the provider class with its location, or {@code class path}
 * @param reason what went wrong, in words, e.g. {@code Provider acme.P could not be instantiated: NoClassDefFoundError:
 *               acme/Lib}
 */
public record LoadProblem(String source, String reason) {
    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
