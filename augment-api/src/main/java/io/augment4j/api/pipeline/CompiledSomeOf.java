package io.augment4j.api.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A compiled {@link SomeOf}: draws {@code n} distinct children (partial Fisher-Yates), runs them in listed order. */
final class CompiledSomeOf extends CompiledNode {
    private final List<CompiledNode> children;
    private final int n;

    CompiledSomeOf(List<CompiledNode> children, int n, double p) {
        super(p);
        this.children = List.copyOf(children);
        this.n = n;
    }

    List<Integer> choose(Rng rng) {
        int k = children.size();
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(k - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = Arrays.copyOf(idx, n);
        Arrays.sort(chosen);
        return Arrays.stream(chosen).boxed().toList();
    }

    @Override
    Applied runApplied(Sample in, Rng rng, boolean record) {
        List<Integer> chosen = choose(rng);
        List<Replay> replays = record ? new ArrayList<>(n) : null;
        Sample out = chain(in, chosen, (i, s) -> {
            Applied a = children.get(i).run(s, rng.split(), record);
            if (record) {
                replays.add(a.replay());
            }
            return a.sample();
        });
        return new Applied(out, record ? new Replay.OfSomeOf(true, chosen, replays) : null);
    }

    @Override
    Replay skipped() {
        return new Replay.OfSomeOf(false, List.of(), List.of());
    }

    @Override
    Sample replay(Sample in, Replay r) {
        Replay.OfSomeOf s = expect(r, Replay.OfSomeOf.class);
        if (!s.applied()) {
            return in;
        }
        check(s.chosen(), s.steps().size());
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < s.chosen().size(); i++) {
            positions.add(i);
        }
        return chain(in, positions, (i, cur) -> children.get(s.chosen().get(i)).replay(cur, s.steps().get(i)));
    }

    private void check(List<Integer> chosen, int replays) {
        if (chosen.size() != replays) {
            throw new AugmentException("replay record of some_of has " + chosen.size() + " choices but " + replays
                    + " step records");
        }
        for (int i : chosen) {
            if (i < 0 || i >= children.size()) {
                throw new AugmentException("replay record chose step " + i + " of a some_of with " + children.size());
            }
        }
    }

    @Override
    ObjectNode replayToJson(Replay r, ObjectMapper mapper) {
        Replay.OfSomeOf s = expect(r, Replay.OfSomeOf.class);
        ObjectNode o = mapper.createObjectNode();
        o.put("applied", s.applied());
        ArrayNode ch = o.putArray("some_of");
        s.chosen().forEach(ch::add);
        ArrayNode steps = o.putArray("steps");
        for (int i = 0; i < s.chosen().size(); i++) {
            steps.add(children.get(s.chosen().get(i)).replayToJson(s.steps().get(i), mapper));
        }
        return o;
    }

    @Override
    Replay replayFromJson(JsonNode json, ObjectMapper mapper) {
        boolean applied = require(json, "applied").asBoolean();
        if (!applied) {
            return skipped();
        }
        List<Integer> chosen = new ArrayList<>();
        require(json, "some_of").forEach(v -> chosen.add(v.asInt()));
        JsonNode steps = require(json, "steps");
        check(chosen, steps.size());
        List<Replay> rs = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            rs.add(children.get(chosen.get(i)).replayFromJson(steps.get(i), mapper));
        }
        return new Replay.OfSomeOf(true, chosen, rs);
    }

    @Override
    String label() {
        return "some_of";
    }
}
