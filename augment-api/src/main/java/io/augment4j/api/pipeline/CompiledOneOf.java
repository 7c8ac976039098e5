package io.augment4j.api.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;

import java.util.List;

/** A compiled {@link OneOf}: picks one child by cumulative weight. */
final class CompiledOneOf extends CompiledNode {
    private final List<CompiledNode> children;
    private final double[] cumulative;

    CompiledOneOf(List<CompiledNode> children, OneOf spec) {
        super(spec.p());
        this.children = List.copyOf(children);
        this.cumulative = new double[children.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += spec.weight(i);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    int choose(Rng rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            // A zero-weight child has the same cumulative value as its predecessor and is never chosen.
            if (u < cumulative[i]) {
                return i;
            }
        }
        // Rounding can leave the last cumulative just under 1: take the last child with non-zero weight.
        for (int i = cumulative.length - 1; i > 0; i--) {
            if (cumulative[i] > cumulative[i - 1]) {
                return i;
            }
        }
        return 0;
    }

    @Override
    Applied runApplied(Sample in, Rng rng, boolean record) {
        int i = choose(rng);
        Applied a = children.get(i).run(in, rng.split(), record);
        return new Applied(a.sample(), record ? new Replay.OfOneOf(true, i, a.replay()) : null);
    }

    @Override
    Replay skipped() {
        return new Replay.OfOneOf(false, -1, null);
    }

    @Override
    Sample replay(Sample in, Replay r) {
        Replay.OfOneOf o = expect(r, Replay.OfOneOf.class);
        if (!o.applied()) {
            return in;
        }
        return children.get(checkIndex(o.chosen())).replay(in, o.step());
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= children.size()) {
            throw new AugmentException("replay record chose step " + i + " of a one_of with " + children.size());
        }
        return i;
    }

    @Override
    ObjectNode replayToJson(Replay r, ObjectMapper mapper) {
        Replay.OfOneOf o = expect(r, Replay.OfOneOf.class);
        ObjectNode n = mapper.createObjectNode();
        n.put("applied", o.applied());
        n.put("one_of", o.chosen());
        if (o.applied()) {
            n.set("step", children.get(o.chosen()).replayToJson(o.step(), mapper));
        }
        return n;
    }

    @Override
    Replay replayFromJson(JsonNode json, ObjectMapper mapper) {
        boolean applied = require(json, "applied").asBoolean();
        int chosen = require(json, "one_of").asInt();
        if (!applied) {
            return skipped();
        }
        return new Replay.OfOneOf(true, chosen,
                children.get(checkIndex(chosen)).replayFromJson(require(json, "step"), mapper));
    }

    @Override
    String label() {
        return "one_of";
    }
}
