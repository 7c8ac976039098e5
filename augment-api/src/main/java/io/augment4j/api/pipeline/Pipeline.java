package io.augment4j.api.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.UnsupportedTargetException;
import io.augment4j.api.registry.ParameterException;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.registry.UnknownTransformException;
import io.augment4j.api.spec.SpecException;
import io.augment4j.api.spec.Specs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled, runnable pipeline: a {@link PipelineSpec} whose transforms have been built by a
 * {@link TransformRegistry}.
 *
 * <p><b>Reproducibility.</b> Sample {@code i} is augmented with a generator derived from {@code (seed, i)}
 * ({@link Rng#forSample}); every node draws from its own split of it. The same seed and index give the same output
 * bit for bit, whatever thread runs it and in whatever order samples are processed. One instance may be shared by
 * any number of threads.
 *
 * <p><b>Targets.</b> Masks, boxes and keypoints ride along with the image. A sample is checked against every
 * transform of the pipeline before it runs, whether or not a step will fire, so a pipeline that cannot carry a
 * sample's targets refuses the first such sample (call {@link #requireTargets} to refuse before any). After each
 * step that ran, the spec's {@link io.augment4j.api.targets.TargetOptions} filter the boxes and keypoints.
 *
 * <p><b>Memory.</b> Transforms of a native back end pass native images from step to step; the pipeline releases
 * each intermediate image once the next step has replaced it. {@link #apply(Sample, long)} returns heap images
 * ({@link io.augment4j.api.ArrayImage}); {@link #applyNative} leaves the result in whatever form the last step made,
 * and the caller must then {@link Sample#close()} it (never the caller's own input images, which are never closed).
 *
 * <pre>{@code
 * TransformRegistry registry = TransformRegistry.discover();
 * Pipeline pipeline = Pipeline.compile(PipelineSpec.of(
 *         Node.step("hflip").withP(0.5),
 *         Node.step("rotate", Map.of("limit", 15))).withSeed(7L), registry);
 * Sample out = pipeline.apply(Sample.of(image), 0);
 * }</pre>
 */
public final class Pipeline {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelineSpec spec;
    private final CompiledNode root;
    private final long seed;

    private final boolean fused;
    /** Every transform step, in pipeline order, for the targets check. */
    private final List<CompiledStep> steps;
    /** The targets every step handles. */
    private final Set<Target> carried;

    private Pipeline(PipelineSpec spec, CompiledNode root, boolean fused, List<CompiledStep> steps) {
        this.spec = spec;
        this.root = root;
        this.fused = fused;
        this.steps = List.copyOf(steps);
        this.seed = spec.seed() == null ? 0L : spec.seed();
        EnumSet<Target> all = EnumSet.allOf(Target.class);
        for (CompiledStep s : steps) {
            all.retainAll(s.targets());
        }
        all.add(Target.IMAGE);
        this.carried = all;
    }

    /**
     * Builds every transform of {@code spec}; errors name the node's path, the transform and the parameter.
     * Consecutive fusable geometric steps are fused into one warp (see {@link #compile(PipelineSpec,
     * TransformRegistry, boolean)}).
     */
    public static Pipeline compile(PipelineSpec spec, TransformRegistry registry) {
        return compile(spec, registry, true);
    }

    /**
     * Builds every transform of {@code spec}. With {@code fuseWarps}, each run of consecutive
     * {@link io.augment4j.api.geometry.FusableWarp} steps (flips, rotations, shears, crops, resizes with the same
     * interpolation and border settings) in a sequence resamples the image once, by the product of their matrices,
     * instead of once per step: faster, and sharper since interpolation happens once. Sampled parameters and replays
     * are the same either way; pixels differ only by the interpolation rounding saved.
     */
    public static Pipeline compile(PipelineSpec spec, TransformRegistry registry, boolean fuseWarps) {
        List<CompiledStep> steps = new ArrayList<>();
        CompiledNode root = compile(spec.root(), registry, "transforms", fuseWarps, spec, steps);
        return new Pipeline(spec, root, fuseWarps, steps);
    }

    /**
     * Refuses, before any sample runs, a pipeline that cannot carry {@code targets} (e.g. boxes and keypoints for a
     * detection data set): the {@link UnsupportedTargetException} names every transform that cannot handle them.
     *
     * @return this pipeline
     */
    public Pipeline requireTargets(Set<Target> targets) {
        if (carried.containsAll(targets)) {
            return this;
        }
        Map<String, Set<Target>> missing = new LinkedHashMap<>();
        for (CompiledStep s : steps) {
            if (!s.targets().containsAll(targets)) {
                EnumSet<Target> m = EnumSet.copyOf(targets);
                m.removeAll(s.targets());
                missing.merge(s.name(), m, (a, b) -> {
                    EnumSet<Target> u = EnumSet.copyOf(a);
                    u.addAll(b);
                    return u;
                });
            }
        }
        throw new UnsupportedTargetException(missing);
    }

    /** The targets every transform of this pipeline handles (always at least {@link Target#IMAGE}). */
    public Set<Target> targets() {
        return EnumSet.copyOf(carried);
    }

    /** Reads a YAML or JSON spec file and compiles it; errors name the file and line. */
    public static Pipeline load(Path specFile, TransformRegistry registry) {
        return compile(Specs.read(specFile, registry), registry);
    }

    private static CompiledNode compile(Node node, TransformRegistry registry, String path, boolean fuse,
                                        PipelineSpec spec, List<CompiledStep> all) {
        if (node instanceof Step s) {
            try {
                CompiledStep step = new CompiledStep(s.transform(), registry.get(s.transform()).provider().jarName(),
                        registry.create(s.transform(), s.params()), s.p(), spec.targets());
                all.add(step);
                return step;
            } catch (ParameterException | UnknownTransformException e) {
                throw new SpecException(null, -1, -1, path, e.getMessage(), e);
            }
        }
        if (node instanceof Sequence s) {
            return new CompiledSequence(children(s.steps(), registry, path, fuse, spec, all), s.p(), fuse);
        }
        if (node instanceof OneOf o) {
            return new CompiledOneOf(children(o.steps(), registry, path + ".one_of.transforms", fuse, spec, all), o);
        }
        SomeOf s = (SomeOf) node;
        return new CompiledSomeOf(children(s.steps(), registry, path + ".some_of.transforms", fuse, spec, all),
                s.n(), s.p());
    }

    private static List<CompiledNode> children(List<Node> steps, TransformRegistry registry, String path,
                                               boolean fuse, PipelineSpec spec, List<CompiledStep> all) {
        List<CompiledNode> out = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Node child = steps.get(i);
            String childPath = path + "[" + i + "]";
            if (child instanceof Sequence) {
                childPath += ".sequence.transforms";
            }
            out.add(compile(child, registry, childPath, fuse, spec, all));
        }
        return out;
    }

    /** The spec this pipeline was compiled from. */
    public PipelineSpec spec() {
        return spec;
    }

    /** Whether consecutive geometric steps are fused into one warp. */
    public boolean fusesWarps() {
        return fused;
    }

    /** The seed in use (the spec's, or 0). */
    public long seed() {
        return seed;
    }

    /** The same pipeline with another seed (no recompilation). */
    public Pipeline withSeed(long newSeed) {
        return new Pipeline(spec.withSeed(newSeed), root, fused, steps);
    }

    /** Augments sample {@code index} with this pipeline's seed; the result holds heap images. */
    public Sample apply(Sample input, long index) {
        return apply(input, Rng.forSample(seed, index));
    }

    /** Augments with an explicit generator (e.g. {@code Rng.of(seed, epoch, index)}); heap images out. */
    public Sample apply(Sample input, Rng rng) {
        return applyNative(input, rng).toArrayImages(input);
    }

    /**
     * Augments without converting the result to heap images. The caller owns the result and must close it, unless
     * it is the input itself (nothing applied), which the caller owned anyway: compare with {@code ==}.
     */
    public Sample applyNative(Sample input, Rng rng) {
        checkTargets(input);
        return root.run(input, rng, false).sample();
    }

    /** Augments sample {@code index} and records every decision, so the result can be re-created exactly. */
    public Applied applyRecorded(Sample input, long index) {
        return applyRecorded(input, Rng.forSample(seed, index));
    }

    /** Augments with an explicit generator and records every decision. */
    public Applied applyRecorded(Sample input, Rng rng) {
        checkTargets(input);
        Applied a = root.run(input, rng, true);
        return new Applied(a.sample().toArrayImages(input), a.replay());
    }

    /** Applies a recorded run to {@code input}: the same steps with the same parameters, no randomness. */
    public Sample replay(Sample input, Replay replay) {
        checkTargets(input);
        return root.replay(input, replay).toArrayImages(input);
    }

    private void checkTargets(Sample input) {
        if (!input.boxes().isEmpty() || !input.keypoints().isEmpty() || input.mask() != null) {
            requireTargets(input.targets());
        }
    }

    /** A replay as compact JSON, for manifests. */
    public String replayToJson(Replay replay) {
        return root.replayToJson(replay, JSON).toString();
    }

    /** Reads a replay written by {@link #replayToJson}, checking that it fits this pipeline. */
    public Replay replayFromJson(String json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AugmentException("replay record is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return root.replayFromJson(tree, JSON);
    }

    @Override
    public String toString() {
        return "Pipeline[seed=" + seed + ", " + Specs.toJson(spec).replaceAll("\\s+", " ") + "]";
    }
}
