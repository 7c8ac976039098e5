package io.augment4j.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The two speed-ups of CNN steps change the memory layout and the layer order, never the function. */
class CnnLayoutTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void channelsLastViewKeepsShapeAndValues(int channels) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, channels, 5, 7));
            NDArray v = ChannelsLast.view(x);
            assertEquals(x.getShape(), v.getShape());
            assertArrayEquals(x.toFloatArray(), v.toFloatArray());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void networkComputesWhatItsBlockComputesOnThePlainLayout(int channels) {
        CnnConfig cfg = new CnnConfig(
                List.of(new ConvLayer(8, 3, true, true, 0, Regularization.NONE),
                        new ConvLayer(16, 3, false, true, 0, Regularization.NONE)),
                List.of(new DenseLayer(12, 0, Regularization.NONE)), ActivationType.RELU, Init.AUTO,
                Regularization.NONE);
        try (Network net = ModelFactory.build(cfg, channels, 12, 12, 5, 3);
                NDManager m = net.manager().newSubManager()) {
            NDArray x = m.randomNormal(new Shape(4, channels, 12, 12));
            float[] fast = net.forward(x, false).toFloatArray();
            float[] plain = net.block().forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            assertArrayEquals(plain, fast, 1e-4f);
        }
    }

    /** ModelFactory pools before the activation: the same values and the same gradients. */
    @ParameterizedTest
    @EnumSource(ActivationType.class)
    void maxPoolCommutesWithEveryActivation(ActivationType activation) {
        Block act = activation.block();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = m.randomNormal(new Shape(2, 3, 8, 8));
            z.setRequiresGradient(true);
            ParameterStore ps = new ParameterStore(m, false);
            float[][] values = new float[2][];
            float[][] grads = new float[2][];
            for (int order = 0; order < 2; order++) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray out = order == 0
                            ? pool(act.forward(ps, new NDList(z), true).singletonOrThrow())
                            : act.forward(ps, new NDList(pool(z)), true).singletonOrThrow();
                    values[order] = out.toFloatArray();
                    // a weighted sum, so every output position has its own gradient
                    gc.backward(out.mul(m.arange(out.size()).reshape(out.getShape()).toType(
                            ai.djl.ndarray.types.DataType.FLOAT32, false)).sum());
                }
                grads[order] = z.getGradient().toFloatArray();
                z.getGradient().muli(0);
            }
            assertArrayEquals(values[0], values[1], activation + ": values");
            assertArrayEquals(grads[0], grads[1], 1e-6f, activation + ": gradients");
        }
    }

    private static NDArray pool(NDArray x) {
        return Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
    }
}
