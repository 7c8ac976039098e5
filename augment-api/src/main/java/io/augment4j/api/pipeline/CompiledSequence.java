package io.augment4j.api.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.geometry.FusableWarp;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled {@link Sequence}. Each child draws from its own split of the sequence's generator. Runs of consecutive
 * {@link FusableWarp} steps with equal warp settings execute as one {@link FusedWarpRun} when fusion is on.
 */
final class CompiledSequence extends CompiledNode {
    private final List<CompiledNode> children;
    /** What actually runs: each element is a child node or a fused run standing for several children. */
    private final List<Object> units;

    CompiledSequence(List<CompiledNode> children, double p, boolean fuse) {
        super(p);
        this.children = List.copyOf(children);
        this.units = fuse ? fuseRuns(this.children) : List.copyOf(this.children);
    }

    private static List<Object> fuseRuns(List<CompiledNode> children) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < children.size()) {
            // Grow a run while each next step is fusable and its settings agree with the run's (null adopts them).
            Object settings = null;
            int j = i;
            while (j < children.size() && children.get(j) instanceof CompiledStep step
                    && step.transform() instanceof FusableWarp<?>) {
                Object s = step.warpSettings();
                if (s != null && settings != null && !s.equals(settings)) {
                    break;
                }
                settings = settings == null ? s : settings;
                j++;
            }
            if (j - i >= 2) {
                List<CompiledStep> run = new ArrayList<>();
                for (int k = i; k < j; k++) {
                    run.add((CompiledStep) children.get(k));
                }
                out.add(new FusedWarpRun(run));
                i = j;
            } else {
                out.add(children.get(i));
                i++;
            }
        }
        return List.copyOf(out);
    }

    @Override
    Applied runApplied(Sample in, Rng rng, boolean record) {
        List<Replay> replays = record ? new ArrayList<>(children.size()) : null;
        Sample out = chain(in, units, (unit, s) -> {
            if (unit instanceof FusedWarpRun run) {
                return run.run(s, rng, replays);
            }
            Applied a = ((CompiledNode) unit).run(s, rng.split(), record);
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
        int[] next = {0};
        return chain(in, units, (unit, cur) -> {
            int i = next[0];
            if (unit instanceof FusedWarpRun run) {
                next[0] += run.size();
                return run.replay(cur, s.steps().subList(i, i + run.size()));
            }
            next[0]++;
            return ((CompiledNode) unit).replay(cur, s.steps().get(i));
        });
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
