package io.augment4j.api.registry;

import io.augment4j.api.spi.TransformProvider;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where a provider came from, for listings and error messages: its class, display name, version, SPI version and
 * the jar or folder its class was loaded from.
 *
 * @param className the provider implementation class
 * @param displayName the provider's {@link TransformProvider#displayName()}
 * @param version the provider's {@link TransformProvider#version()}
 * @param spiVersion the SPI version the provider was built for
 * @param location the jar file or class folder, or {@code "unknown"}
 */
public record ProviderInfo(String className, String displayName, String version, int spiVersion, String location) {

    /** Reads the information from a loaded provider. */
    public static ProviderInfo of(TransformProvider provider) {
        return new ProviderInfo(provider.getClass().getName(), provider.displayName(), provider.version(),
                provider.spiVersion(), locationOf(provider.getClass()));
    }

    /** The jar file (its file name) or class folder that {@code type} was loaded from. */
    public static String locationOf(Class<?> type) {
        CodeSource cs = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "unknown";
        }
        try {
            Path p = Path.of(cs.getLocation().toURI());
            return p.getFileName() != null && p.toString().endsWith(".jar") ? p.getFileName().toString() : p.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return cs.getLocation().toString();
        }
    }

    /** One phrase for messages, e.g. {@code io.acme.FogProvider (acme-fog-1.0.jar)}. */
    public String describe() {
        return className + " (" + location + ")";
    }
}
