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
 * @param location the full path of the jar file or class folder, or {@code "unknown"}
 */
public record ProviderInfo(String className, String displayName, String version, int spiVersion, String location) {

    /** Reads the information from a loaded provider. */
    public static ProviderInfo of(TransformProvider provider) {
        return new ProviderInfo(provider.getClass().getName(), provider.displayName(), provider.version(),
                provider.spiVersion(), locationOf(provider.getClass()));
    }

    /** The full path of the jar file or class folder that {@code type} was loaded from, or {@code "unknown"}. */
    public static String locationOf(Class<?> type) {
        CodeSource cs = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "unknown";
        }
        try {
            return Path.of(cs.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return cs.getLocation().toString();
        }
    }

    /** The short form of {@code location}: a jar's file name ({@code acme-fog-1.0.jar}); anything else as is. */
    static String shortLocation(String location) {
        if (!location.endsWith(".jar")) {
            return location;
        }
        int slash = Math.max(location.lastIndexOf('/'), location.lastIndexOf(java.io.File.separatorChar));
        return location.substring(slash + 1);
    }

    /**
     * The jar's file name, e.g. {@code acme-fog-1.0.jar}, for messages printed once per failed input; a class folder
     * or an unknown location is given as {@link #location()} is.
     */
    public String jarName() {
        return shortLocation(location);
    }

    /** One phrase for messages, with the full path, e.g. {@code io.acme.FogProvider (/opt/plugins/acme-fog-1.0.jar)}. */
    public String describe() {
        return className + " (" + location + ")";
    }
}
