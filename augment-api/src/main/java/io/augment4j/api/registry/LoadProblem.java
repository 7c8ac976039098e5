package io.augment4j.api.registry;

/**
 * A provider that could not be loaded and was skipped, so the others still load.
 *
 * @param source the provider class or jar concerned, as far as known
 * @param reason what went wrong, in words
 */
public record LoadProblem(String source, String reason) {
    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
