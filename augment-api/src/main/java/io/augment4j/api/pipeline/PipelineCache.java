package io.augment4j.api.pipeline;

import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.Specs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled pipelines shared by every task of this JVM, keyed by spec text. A cluster worker receives a spec as text
 * and compiles it once, not once per task: the transforms (and the OpenCV native library they load) are set up once
 * per JVM and class loader. Pipelines are safe to share between threads. Transforms come from
 * {@link TransformRegistry#discover()} on the first caller's thread, so plugin jars must be on the worker's class
 * path.
 */
public final class PipelineCache {
    private static final Map<String, Pipeline> COMPILED = new ConcurrentHashMap<>();

    private PipelineCache() {
    }

    /**
     * The pipeline of a YAML or JSON spec ({@link Specs#toYaml}), compiled on first use.
     *
     * @throws io.augment4j.api.AugmentException when the spec does not parse or names an unknown transform
     */
    public static Pipeline forSpec(String specText) {
        return COMPILED.computeIfAbsent(specText, t -> Pipeline.compile(Specs.parse(t, "spec"),
                TransformRegistry.discover()));
    }
}
