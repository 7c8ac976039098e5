package io.augment4j.api.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.SizeBoundParams;
import io.augment4j.api.Target;
import io.augment4j.api.Transform;
import io.augment4j.api.TransformFailedException;
import io.augment4j.api.UnsupportedTargetException;
import io.augment4j.api.geometry.FusableWarp;
import io.augment4j.api.geometry.ProjectiveParams;
import io.augment4j.api.targets.Occluding;
import io.augment4j.api.targets.TargetOptions;

import java.util.EnumSet;
import java.util.Set;

/**
 * A compiled {@link Step}: one transform instance. Every call into the transform's code goes through here (or
 * {@link FusedWarpRun}), so that whatever it throws, other than an {@link AugmentException}, becomes a
 * {@link TransformFailedException} naming the transform and the jar it came from.
 */
final class CompiledStep extends CompiledNode {
    private final String name;
    private final String origin;
    private final Transform<Object> transform;
    private final Set<Target> targets;
    private final TargetOptions options;

    /**
     * @param origin the jar file name or class folder of the transform's provider, for error messages
     * @param options the pipeline's policy for boxes and keypoints, applied after the step
     */
    @SuppressWarnings("unchecked")
    CompiledStep(String name, String origin, Transform<?> transform, double p, TargetOptions options) {
        super(p);
        this.name = name;
        this.origin = origin;
        this.options = options;
        this.transform = (Transform<Object>) transform;
        Set<Target> declared;
        try {
            declared = transform.targets();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw new TransformFailedException(name, origin, "listing its targets", null, e);
        }
        this.targets = declared.isEmpty() ? EnumSet.noneOf(Target.class) : EnumSet.copyOf(declared);
    }

    @Override
    Applied runApplied(Sample in, Rng rng, boolean record) {
        checkTargets(in);
        Object params = sampleChecked(in, rng);
        Sample out = finishTargets(applyChecked(in, params), params);
        return new Applied(out, record ? new Replay.OfStep(name, true, params, Replay.Size.of(in.image())) : null);
    }

    /** The targets the transform declares. */
    Set<Target> targets() {
        return targets;
    }

    TargetOptions options() {
        return options;
    }

    /**
     * Applies the pipeline's target policy to a step's output: labels swapped when the step mirrored the plane,
     * boxes hidden by an occluding step dropped, then the filter for the output's size.
     */
    Sample finishTargets(Sample out, Object params) {
        if (out.boxes().isEmpty() && out.keypoints().isEmpty()) {
            return out;
        }
        Sample s = out;
        try {
            if (params instanceof ProjectiveParams pp && mirrors(pp.matrix())) {
                s = options.swapLabels(s);
            }
            if (params instanceof Occluding o) {
                s = options.occlude(s, o.occluded());
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw failure("giving the geometry of " + params, out, e);
        }
        return options.filter(s);
    }

    /** Whether a 3x3 map reverses orientation (a flip): negative determinant. */
    static boolean mirrors(double[] m) {
        double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
        return det < 0;
    }

    Transform<Object> transform() {
        return transform;
    }

    String name() {
        return name;
    }

    /** A fusable transform's warp settings (null when it has none); a plugin's failure is named. */
    Object warpSettings() {
        try {
            return ((FusableWarp<?>) transform).warpSettings();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw new TransformFailedException(name, origin, "giving its warp settings", null, e);
        }
    }

    /** The transform's parameter class. */
    Class<?> paramsType() {
        try {
            return transform.paramsType();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw new TransformFailedException(name, origin, "naming its parameter class", null, e);
        }
    }

    /** Draws this step's parameters, wrapping unexpected failures in a message naming the transform. */
    Object sampleChecked(Sample in, Rng rng) {
        try {
            return transform.sample(in, rng);
        } catch (AugmentException e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw failure("sampling parameters", in, e);
        }
    }

    Sample applyChecked(Sample in, Object params) {
        try {
            Sample out = transform.apply(in, params);
            if (out == null) {
                throw new IllegalStateException("apply returned null");
            }
            return out;
        } catch (AugmentException e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw failure("applying " + params, in, e);
        }
    }

    /**
     * The transform's code threw {@code e}: a bug in it or a class missing from its jar. Errors of the JVM itself
     * ({@link VirtualMachineError}: out of memory, stack overflow) are not caught, so they are not blamed on it.
     */
    TransformFailedException failure(String what, Sample in, Throwable e) {
        return new TransformFailedException(name, origin, what, in.image().describe(), e);
    }

    void checkTargets(Sample in) {
        Set<Target> present = in.targets();
        if (!targets.containsAll(present)) {
            EnumSet<Target> missing = EnumSet.copyOf(present);
            missing.removeAll(targets);
            throw new UnsupportedTargetException(name, missing);
        }
    }

    @Override
    Replay skipped() {
        return new Replay.OfStep(name, false, null);
    }

    @Override
    Sample replay(Sample in, Replay r) {
        Replay.OfStep s = expect(r, Replay.OfStep.class);
        if (!s.transform().equals(name)) {
            throw new AugmentException("replay record is for transform '" + s.transform() + "' but the pipeline has '"
                    + name + "' here");
        }
        if (!s.applied()) {
            return in;
        }
        checkTargets(in);
        checkReplayed(s, Replay.Size.of(in.image()));
        return finishTargets(applyChecked(in, s.params()), s.params());
    }

    /**
     * Refuses a record that does not fit this step: parameters of another type, or size-bound parameters recorded
     * on an image of another size than {@code given}.
     */
    void checkReplayed(Replay.OfStep s, Replay.Size given) {
        if (!paramsType().isInstance(s.params())) {
            throw new AugmentException("replay record for '" + name + "' holds " + s.params() + ", not a "
                    + paramsType().getSimpleName());
        }
        if (s.params() instanceof SizeBoundParams && s.input() != null && !s.input().equals(given)) {
            throw new AugmentException("cannot replay transform '" + name + "' on a " + given
                    + " image (height x width): its parameters were recorded on a " + s.input()
                    + " image and hold pixel positions of that size; replay onto an image of the recorded size");
        }
    }

    @Override
    ObjectNode replayToJson(Replay r, ObjectMapper mapper) {
        Replay.OfStep s = expect(r, Replay.OfStep.class);
        ObjectNode o = mapper.createObjectNode();
        o.put("transform", s.transform());
        o.put("applied", s.applied());
        if (s.applied()) {
            try {
                o.set("params", mapper.valueToTree(s.params()));
            } catch (IllegalArgumentException e) {
                throw new TransformFailedException(name, origin, "writing its parameters " + s.params() + " as JSON",
                        null, e);
            }
            if (s.input() != null) {
                o.putObject("input").put("height", s.input().height()).put("width", s.input().width());
            }
        }
        return o;
    }

    @Override
    Replay replayFromJson(JsonNode json, ObjectMapper mapper) {
        String t = require(json, "transform").asText();
        boolean applied = require(json, "applied").asBoolean();
        Object params = null;
        Replay.Size input = null;
        if (applied) {
            JsonNode size = json.get("input");
            if (size != null && !size.isNull()) {
                input = new Replay.Size(require(size, "height").asInt(), require(size, "width").asInt());
            }
            try {
                params = mapper.treeToValue(require(json, "params"), paramsType());
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new AugmentException("replay record for '" + t + "' has unreadable params "
                        + json.get("params") + ": " + e.getMessage(), e);
            }
        }
        return new Replay.OfStep(t, applied, params, input);
    }

    @Override
    String label() {
        return "transform '" + name + "'";
    }
}
