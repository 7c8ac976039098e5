package io.augment4j.api.spi;

import java.util.List;

/**
 * The service a jar implements to contribute transforms. List the implementation class in
 * {@code META-INF/services/io.augment4j.api.spi.TransformProvider}; the registry finds it through
 * {@link java.util.ServiceLoader}. Providers need a public no-argument constructor and should do no work in it.
 *
 * <p>A minimal provider:
 * <pre>{@code
 * public final class MyProvider implements TransformProvider {
 *     public int spiVersion() { return SPI_VERSION; }   // compiled in: records the version you built against
 *     public List<TransformDescriptor> transforms() {
 *         return List.of(TransformDescriptor.of("acme.invert", "Inverts every pixel.", List.of(),
 *                 p -> new Invert()));
 *     }
 * }
 * }</pre>
 */
public interface TransformProvider {
    /** The version of this SPI. It changes only when a change would break existing providers. */
    int SPI_VERSION = 1;

    /**
     * The SPI version this provider was built for. Implement it as {@code return SPI_VERSION;}: the compiler copies
     * the constant into the provider's class, so the value records the version the provider was compiled against.
     */
    int spiVersion();

    /** The transforms this provider contributes. */
    List<TransformDescriptor> transforms();

    /** A human-readable name for listings; the class name unless overridden. */
    default String displayName() {
        return getClass().getName();
    }

    /** The provider's version for listings: the jar manifest's Implementation-Version unless overridden. */
    default String version() {
        String v = getClass().getPackage() == null ? null : getClass().getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
