package io.augment4j.trainer.model;

import static io.augment4j.trainer.TrainingFixture.DATA;
import static io.augment4j.trainer.TrainingFixture.SPLIT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.trainer.HostTensor;
import io.augment4j.trainer.TrainingFixture;
import io.augment4j.trainer.loop.TrainingLoop;
import io.augment4j.trainer.loop.FitResult;
import io.augment4j.trainer.optim.OptimizerConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real training on tiny data: what each penalty does to the weights. */
class RegularizationTest {

    private static Map<String, HostTensor> train(Regularization reg, L2Form form, int epochs) {
        MlpConfig cfg = MlpConfig.uniform(1, 32, ActivationType.RELU, 0, reg);
        TrainingLoop t = new TrainingLoop(cfg, TrainingFixture.config().epochs(epochs).l2Form(form)
                .optimizer(OptimizerConfig.sgd(0.1)).build());
        FitResult r = t.fit(DATA, SPLIT, null);
        try (var model = r.model()) {
            double[] reg1 = r.history().get("reg_loss");
            assertTrue(reg.l2() == 0 && reg.l1() == 0 ? reg1[0] == 0 : reg1[0] > 0,
                    "penalty reported separately from the data loss");
            return model.network().snapshot();
        }
    }

    private static double sumSquares(Map<String, HostTensor> w, String name) {
        double s = 0;
        for (float v : w.get(name).data()) {
            s += v * v;
        }
        return s;
    }

    private static double shareNearZero(Map<String, HostTensor> w, String name, double eps) {
        float[] d = w.get(name).data();
        int n = 0;
        for (float v : d) {
            if (Math.abs(v) < eps) {
                n++;
            }
        }
        return (double) n / d.length;
    }

    @Test
    void l2AsCostAndAsWeightDecayAgreeForPlainSgd() {
        Map<String, HostTensor> cost = train(Regularization.l2(2.0), L2Form.COST, 2);
        Map<String, HostTensor> decay = train(Regularization.l2(2.0), L2Form.WEIGHT_DECAY, 2);
        Map<String, HostTensor> none = train(Regularization.NONE, L2Form.COST, 2);
        double diff = TrainingFixture.maxDiff(cost, decay);
        assertTrue(diff < 1e-5, "cost and decay forms differ by " + diff);
        assertTrue(TrainingFixture.maxDiff(cost, none) > 1e-3, "and the penalty did something");
    }

    @Test
    void l2LowersTheWeightNorm() {
        Map<String, HostTensor> none = train(Regularization.NONE, L2Form.COST, 4);
        Map<String, HostTensor> l2 = train(Regularization.l2(3.0), L2Form.COST, 4);
        for (String w : new String[] {"02Linear_weight", "04Linear_weight"}) {
            assertTrue(sumSquares(l2, w) < 0.9 * sumSquares(none, w),
                    w + ": " + sumSquares(l2, w) + " vs " + sumSquares(none, w));
        }
        // biases are not penalized: L2 does not shrink them towards zero on purpose
        assertEquals(none.get("02Linear_bias").data().length, l2.get("02Linear_bias").data().length);
    }

    @Test
    void l1DrivesMoreWeightsToZeroThanL2() {
        Map<String, HostTensor> l1 = train(Regularization.l1(3.0), L2Form.COST, 6);
        Map<String, HostTensor> l2 = train(Regularization.l2(3.0), L2Form.COST, 6);
        // L1's subgradient step is a constant eta*lambda/m towards 0, so small weights reach
        // zero and then hover within one step of it; L2's step shrinks with the weight
        double eps = 0.1 * 3.0 / 32 * 1.01;
        double s1 = shareNearZero(l1, "02Linear_weight", eps);
        double s2 = shareNearZero(l2, "02Linear_weight", eps);
        assertTrue(s1 > 2 * s2 && s1 > 0.3, "near-zero share L1 " + s1 + " vs L2 " + s2);
    }

    @Test
    void onlyWeightsArePenalized() {
        MlpConfig cfg = MlpConfig.uniform(1, 8, ActivationType.RELU, 0, Regularization.l2(1));
        try (Network net = ModelFactory.build(cfg, 1, 2, 2, 2, 0)) {
            assertArrayEquals(new String[] {"02Linear_weight", "04Linear_weight"},
                    net.penalized().stream().map(Network.PenalizedWeight::name).toArray());
        }
    }
}
