package io.augment4j.api.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;

import java.util.ArrayList;
import java.util.List;

/** A compiled {@link Sequence}. Each child draws from its own split of the sequence's generator. */
final class CompiledSequence extends CompiledNode {
    private final List<CompiledNode> children;

    CompiledSequence(List<CompiledNode> children, double p) {
        super(p);
        this.children = List.copyOf(children);
    }

    @Override
    Applied runApplied(Sample in, Rng rng, boolean record) {
        List<Replay> replays = record ? new ArrayList<>(children.size()) : null;
        Sample out = chain(in, children, (child, s) -> {
            Applied a = child.run(s, rng.split(), record);
            if (record) {
                replays.add(a.replay());
            }
            return a.sample();
        });
        return new Applied(out, record ? new Replay.OfSequence(true, replays) : null);
    }

    @Override
    Replay skipped() {
        return new Replay.OfSequence(false, List.of());
    }

    @Override
    Sample replay(Sample in, Replay r) {
        Replay.OfSequence s = expect(r, Replay.OfSequence.class);
        if (!s.applied()) {
            return in;
        }
        if (s.steps().size() != children.size()) {
            throw new AugmentException("replay record has " + s.steps().size() + " steps for a sequence of "
                    + children.size());
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            idx.add(i);
        }
        return chain(in, idx, (i, cur) -> children.get(i).replay(cur, s.steps().get(i)));
    }

    @Override
    ObjectNode replayToJson(Replay r, ObjectMapper mapper) {
        Replay.OfSequence s = expect(r, Replay.OfSequence.class);
        ObjectNode o = mapper.createObjectNode();
        o.put("applied", s.applied());
        ArrayNode arr = o.putArray("sequence");
        for (int i = 0; i < s.steps().size(); i++) {
            arr.add(children.get(i).replayToJson(s.steps().get(i), mapper));
        }
        return o;
    }

    @Override
    Replay replayFromJson(JsonNode json, ObjectMapper mapper) {
        boolean applied = require(json, "applied").asBoolean();
        JsonNode arr = require(json, "sequence");
        List<Replay> steps = new ArrayList<>();
        if (applied) {
            if (arr.size() != children.size()) {
                throw new AugmentException("replay record has " + arr.size() + " steps for a sequence of "
                        + children.size());
            }
            for (int i = 0; i < arr.size(); i++) {
                steps.add(children.get(i).replayFromJson(arr.get(i), mapper));
            }
        }
        return new Replay.OfSequence(applied, steps);
    }

    @Override
    String label() {
        return "sequence";
    }
}
