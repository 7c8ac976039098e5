package io.augment4j.trainer.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Random, grid and coarse-to-fine sampling: reproducibility, enumeration order, zooming and the round barrier. */
class SamplerTest {

    private static final SearchSpace SPACE = SearchSpace.builder()
            .logUniform("optimizer.learning_rate", 1e-4, 1)
            .intLog("model.dense[0].units", 32, 512)
            .choice("optimizer.type", "adam", "sgd", "rmsprop")
            .build();

    static TrialRecord trial(int n, TrialState state, Double value, Map<String, Object> params) {
        return new TrialRecord(n, params, state, value == null ? List.of() : List.of(value), value,
                value == null ? null : 0, 1.0, null);
    }

    private static Map<String, Object> params(double lr, int units, String type) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("optimizer.learning_rate", lr);
        p.put("model.dense[0].units", units);
        p.put("optimizer.type", type);
        return p;
    }

    @Test
    void randomValuesDependOnlyOnSeedAndTrialNumber() {
        Sampler s = new RandomSampler(SPACE, 7);
        Map<String, Object> five = s.sample(5, List.of());
        List<Map<String, Object>> inOrder = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            inOrder.add(s.sample(n, List.of(trial(0, TrialState.COMPLETE, 0.1, params(1e-3, 64, "sgd")))));
        }
        assertEquals(five, inOrder.get(5), "the same in any order and whatever the other trials");
        assertEquals(five, new RandomSampler(SPACE, 7).sample(5, List.of()), "the same after a restart");
        assertEquals(List.copyOf(SPACE.entries().keySet()), List.copyOf(five.keySet()), "in the space's order");
        assertNotEquals(inOrder.get(4), five);
        assertNotEquals(five, new RandomSampler(SPACE, 8).sample(5, List.of()), "the seed matters");
        assertTrue(five.get("model.dense[0].units") instanceof Integer);
        assertTrue(five.get("optimizer.learning_rate") instanceof Double);
    }

    @Test
    void addingOrReorderingParametersLeavesTheOthersDrawsAlone() {
        SearchSpace more = SearchSpace.builder()
                .uniform("model.dense[0].dropout", 0, 0.5)
                .choice("optimizer.type", "adam", "sgd", "rmsprop")
                .logUniform("optimizer.learning_rate", 1e-4, 1)
                .intLog("model.dense[0].units", 32, 512)
                .oneMinusLog("optimizer.beta1", 0.8, 0.999)
                .build();
        for (int n = 0; n < 20; n++) {
            Map<String, Object> a = new RandomSampler(SPACE, 3).sample(n, List.of());
            Map<String, Object> b = new RandomSampler(more, 3).sample(n, List.of());
            for (String path : a.keySet()) {
                assertEquals(a.get(path), b.get(path), path + " of trial " + n);
            }
        }
    }

    @Test
    void gridEnumeratesTheProductWithTheLastPathFastest() {
        SearchSpace g = SearchSpace.builder().grid("a", 1, 2).grid("b", "x", "y", "z").build();
        GridSampler s = new GridSampler(g);
        assertEquals(6, s.maxTrials());
        List<String> seen = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            Map<String, Object> v = s.sample(n, List.of());
            seen.add(v.get("a") + "" + v.get("b"));
        }
        assertEquals(List.of("1x", "1y", "1z", "2x", "2y", "2z"), seen);
        assertThrows(IllegalArgumentException.class, () -> s.sample(6, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GridSampler(SPACE));
        assertThrows(IllegalArgumentException.class, () -> new RandomSampler(g, 1));
        assertEquals(Integer.MAX_VALUE, new RandomSampler(SPACE, 1).maxTrials());
    }

    @Test
    void coarseToFineWaitsForEveryTrialOfTheEarlierRounds() {
        CoarseToFineSampler s = new CoarseToFineSampler(SPACE, 7, 3, 2, 1, Direction.MINIMIZE);
        Map<String, Object> p = params(1e-3, 64, "sgd");
        assertTrue(s.ready(0, List.of()));
        assertTrue(s.ready(1, List.of(trial(0, TrialState.RUNNING, null, p))), "same round: no wait");
        assertFalse(s.ready(2, List.of(trial(0, TrialState.COMPLETE, 0.5, p))), "trial 1 has not even started");
        assertFalse(s.ready(2, List.of(trial(0, TrialState.COMPLETE, 0.5, p), trial(1, TrialState.RUNNING, null, p))));
        List<TrialRecord> round0 = List.of(trial(0, TrialState.COMPLETE, 0.5, p), trial(1, TrialState.FAILED, null, p));
        assertTrue(s.ready(2, round0), "failed trials have ended too");
        assertTrue(s.ready(3, round0));
        assertFalse(s.ready(4, round0));
        assertEquals(2, s.round(4));
        assertEquals(2, s.round(9), "trials past the last round stay in it");
        List<TrialRecord> rounds01 = new ArrayList<>(round0);
        rounds01.add(trial(2, TrialState.PRUNED, 0.7, p));
        rounds01.add(trial(3, TrialState.COMPLETE, 0.2, p));
        assertTrue(s.ready(9, rounds01));
    }

    @Test
    void coarseToFineZoomsAroundTheTopKKeepingLogScalesAndClipping() {
        CoarseToFineSampler s = new CoarseToFineSampler(SPACE, 7, 3, 4, 2, Direction.MINIMIZE);
        List<TrialRecord> round0 = List.of(
                trial(0, TrialState.COMPLETE, 0.5, params(1e-3, 64, "adam")),
                trial(1, TrialState.COMPLETE, 0.3, params(1e-2, 128, "sgd")),
                trial(2, TrialState.PRUNED, 0.4, params(1e-1, 256, "rmsprop")),
                trial(3, TrialState.FAILED, null, params(1e-4, 32, "adam")));
        // Top 2: trials 1 and 2. Round 1 widens by 1/4 of each original width in its scale:
        // lr: 4 decades -> one decade each side of [1e-2, 1e-1] = [1e-3, 1]; units: 4 octaves -> one octave.
        SearchSpace r1 = s.space(1, round0);
        Distribution.LogUniform lr = (Distribution.LogUniform) r1.get("optimizer.learning_rate");
        assertEquals(1e-3, lr.lo(), 1e-12);
        assertEquals(1.0, lr.hi(), 1e-12);
        assertEquals(new Distribution.IntLog(64, 512), r1.get("model.dense[0].units"));
        assertEquals(new Distribution.Choice(List.of("sgd", "rmsprop")), r1.get("optimizer.type"));
        for (int n = 4; n < 8; n++) {
            Map<String, Object> v = s.sample(n, round0);
            double x = (Double) v.get("optimizer.learning_rate");
            assertTrue(x >= 1e-3 && x <= 1, "trial " + n + ": " + x);
            assertTrue((Integer) v.get("model.dense[0].units") >= 64);
            assertTrue(List.of("sgd", "rmsprop").contains(v.get("optimizer.type")));
        }
        // Maximizing, the top 2 are trials 0 and 2; round 2 widens by 1/8: half a decade around [1e-3, 1e-1].
        CoarseToFineSampler max = new CoarseToFineSampler(SPACE, 7, 3, 2, 2, Direction.MAXIMIZE);
        Distribution.LogUniform lr2 = (Distribution.LogUniform) max.space(2, round0).get("optimizer.learning_rate");
        assertEquals(Math.pow(10, -3.5), lr2.lo(), 1e-12);
        assertEquals(Math.pow(10, -0.5), lr2.hi(), 1e-12);
        assertEquals(new Distribution.Choice(List.of("adam", "rmsprop")), max.space(2, round0).get("optimizer.type"));
    }

    @Test
    void aRoundWithoutUsableTrialsDrawsFromTheFullSpaceAsRandomSearch() {
        CoarseToFineSampler s = new CoarseToFineSampler(SPACE, 7, 2, 2, 1, Direction.MINIMIZE);
        List<TrialRecord> failed = List.of(trial(0, TrialState.FAILED, null, params(1e-3, 64, "adam")),
                trial(1, TrialState.PRUNED, null, params(1e-3, 64, "adam")));
        assertEquals(SPACE, s.space(1, failed));
        assertEquals(new RandomSampler(SPACE, 7).sample(3, List.of()), s.sample(3, failed));
        assertEquals(new RandomSampler(SPACE, 7).sample(1, List.of()), s.sample(1, List.of()), "round 0 is random");
    }
}
