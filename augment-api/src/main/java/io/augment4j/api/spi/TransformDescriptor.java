package io.augment4j.api.spi;

import io.augment4j.api.Transform;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a provider says about one transform: its name, a one-line doc, its parameter schema, and a factory from
 * validated parameters to the transform. The registry validates parameters against {@link #params()} before it
 * calls {@link #create}, so factories may trust what they get.
 *
 * <p>Names are {@code snake_case} and may be namespaced with dots ({@code acme.fog}).
 */
public interface TransformDescriptor {
    String name();

    /** One line saying what the transform does. */
    String doc();

    /** Declared parameters, in the order documentation should list them. The probability {@code p} is implicit. */
    List<ParamSpec> params();

    /** Builds the transform from validated parameters. */
    Transform<?> create(Params params);

    /**
     * Whether the transform keeps the image's height and width. {@link OutputSize#SAME_AS_INPUT} unless overridden;
     * declare a crop, resize or pad with {@link #withOutputSize}. The plugin test kit checks the declaration.
     */
    default OutputSize outputSize() {
        return OutputSize.SAME_AS_INPUT;
    }

    /**
     * This descriptor declaring another {@link #outputSize()}, e.g.
     * {@code TransformDescriptor.of("acme.crop", ...).withOutputSize(OutputSize.MAY_CHANGE)}.
     */
    default TransformDescriptor withOutputSize(OutputSize size) {
        Objects.requireNonNull(size, "size");
        TransformDescriptor self = this;
        return new TransformDescriptor() {
            @Override
            public String name() {
                return self.name();
            }

            @Override
            public String doc() {
                return self.doc();
            }

            @Override
            public List<ParamSpec> params() {
                return self.params();
            }

            @Override
            public Transform<?> create(Params p) {
                return self.create(p);
            }

            @Override
            public OutputSize outputSize() {
                return size;
            }

            @Override
            public String toString() {
                return self.toString();
            }
        };
    }

    /** A descriptor from its parts. */
    static TransformDescriptor of(String name, String doc, List<ParamSpec> params,
                                  Function<Params, Transform<?>> factory) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")) {
            throw new IllegalArgumentException(
                    "transform name '" + name + "' must be snake_case, optionally namespaced (vendor.name)");
        }
        List<ParamSpec> ps = List.copyOf(params);
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(factory, "factory");
        return new TransformDescriptor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String doc() {
                return doc;
            }

            @Override
            public List<ParamSpec> params() {
                return ps;
            }

            @Override
            public Transform<?> create(Params p) {
                return factory.apply(p);
            }

            @Override
            public String toString() {
                return "TransformDescriptor[" + name + "]";
            }
        };
    }
}
