package io.augment4j.api.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;

import java.util.List;
import java.util.function.BiFunction;

/** A node ready to run: the executable counterpart of a {@link Node}. Immutable, shared by all threads. */
abstract class CompiledNode {
    final double p;

    CompiledNode(double p) {
        this.p = p;
    }

    /** Runs the node: the {@code p} draw, then the node's own work. {@code replay} is null unless recording. */
    final Applied run(Sample in, Rng rng, boolean record) {
        if (p < 1.0 && rng.nextDouble() >= p) {
            return new Applied(in, record ? skipped() : null);
        }
        return runApplied(in, rng, record);
    }

    abstract Applied runApplied(Sample in, Rng rng, boolean record);

    /** The replay of this node when its {@code p} draw failed. */
    abstract Replay skipped();

    /** Repeats a recorded run. */
    abstract Sample replay(Sample in, Replay r);

    abstract ObjectNode replayToJson(Replay r, ObjectMapper mapper);

    abstract Replay replayFromJson(JsonNode json, ObjectMapper mapper);

    /** A short label for error messages. */
    abstract String label();

    <R extends Replay> R expect(Replay r, Class<R> type) {
        if (!type.isInstance(r)) {
            throw new AugmentException("replay record does not match the pipeline: expected a " + label()
                    + " record, found " + (r == null ? "nothing" : r.getClass().getSimpleName()));
        }
        return type.cast(r);
    }

    /**
     * Runs {@code steps} one after the other, releasing each intermediate native image once the next step has
     * replaced it; the input's own images are never released.
     */
    static <T> Sample chain(Sample in, List<T> steps, BiFunction<T, Sample, Sample> apply) {
        Sample cur = in;
        try {
            for (T step : steps) {
                Sample next = apply.apply(step, cur);
                if (cur != in && next != cur) {
                    cur.closeImagesNotIn(next, in);
                }
                cur = next;
            }
            return cur;
        } catch (RuntimeException | Error e) {
            if (cur != in) {
                cur.closeImagesNotIn(null, in);
            }
            throw e;
        }
    }

    static JsonNode require(JsonNode json, String field) {
        JsonNode v = json == null ? null : json.get(field);
        if (v == null || v.isNull()) {
            throw new AugmentException("replay record is missing '" + field + "' in " + json);
        }
        return v;
    }
}
