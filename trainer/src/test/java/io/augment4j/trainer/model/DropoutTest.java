package io.augment4j.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropoutTest {

    @Test
    void trainModeScalesKeptUnitsByInverseKeepProbabilityAndEvalIsIdentity() {
        float rate = 0.25f;
        try (NDManager m = NDManager.newBaseManager()) {
            Dropout d = Dropout.builder().optRate(rate).build();
            d.initialize(m, DataType.FLOAT32, new Shape(20_000));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray ones = m.ones(new Shape(20_000));
            float[] train = d.forward(ps, new NDList(ones), true).singletonOrThrow().toFloatArray();
            int dropped = 0;
            for (float v : train) {
                if (v == 0) {
                    dropped++;
                } else {
                    assertEquals(1 / (1 - rate), v, 1e-6, "kept units are scaled by 1/(1-rate)");
                }
            }
            assertEquals(rate, dropped / 20_000.0, 0.02, "about `rate` of the units are dropped");
            float[] eval = d.forward(ps, new NDList(ones), false).singletonOrThrow().toFloatArray();
            float[] expected = new float[eval.length];
            Arrays.fill(expected, 1f);
            assertArrayEquals(expected, eval, "evaluation passes inputs through unscaled");
        }
    }

    @Test
    void networkOutputsAreDeterministicInEvalAndRandomInTraining() {
        MlpConfig cfg = MlpConfig.uniform(2, 32, ActivationType.RELU, 0.5, Regularization.NONE);
        try (Network net = ModelFactory.build(cfg, 1, 4, 4, 3, 1);
                NDManager m = net.manager().newSubManager()) {
            NDArray x = m.randomNormal(new Shape(8, 1, 4, 4));
            float[] e1 = net.forward(x, false).toFloatArray();
            float[] e2 = net.forward(x, false).toFloatArray();
            assertArrayEquals(e1, e2);
            float[] t1 = net.forward(x, true).toFloatArray();
            float[] t2 = net.forward(x, true).toFloatArray();
            assertFalse(Arrays.equals(t1, t2), "dropout masks differ between training passes");
        }
    }

    @Test
    void initializationFollowsFanIn() {
        MlpConfig relu = MlpConfig.uniform(1, 400, ActivationType.RELU, 0, Regularization.NONE);
        MlpConfig tanh = MlpConfig.uniform(1, 400, ActivationType.TANH, 0, Regularization.NONE);
        try (Network a = ModelFactory.build(relu, 1, 20, 20, 10, 3);
                Network b = ModelFactory.build(tanh, 1, 20, 20, 10, 3);
                Network c = ModelFactory.build(relu, 1, 20, 20, 10, 3)) {
            // first layer: fan-in 400 -> He std sqrt(2/400), Xavier std sqrt(1/400)
            assertEquals(Math.sqrt(2.0 / 400), std(a, "02Linear_weight"), 0.002);
            assertEquals(Math.sqrt(1.0 / 400), std(b, "02Linear_weight"), 0.002);
            assertTrue(Arrays.equals(a.snapshot().get("02Linear_weight").data(),
                    c.snapshot().get("02Linear_weight").data()), "same seed, same weights");
            float[] bias = a.snapshot().get("02Linear_bias").data();
            assertArrayEquals(new float[bias.length], bias, "biases start at zero");
        }
    }

    private static double std(Network n, String name) {
        float[] w = n.snapshot().get(name).data();
        double s = 0;
        for (float v : w) {
            s += v * v;
        }
        return Math.sqrt(s / w.length);
    }
}
