package io.augment4j.api.registry;

import io.augment4j.api.spi.TransformDescriptor;

/**
 * A transform known to a registry, with the provider that contributed it.
 *
 * @param descriptor the provider's descriptor
 * @param provider where it came from
 */
public record RegisteredTransform(TransformDescriptor descriptor, ProviderInfo provider) {
    public String name() {
        return descriptor.name();
    }
}
