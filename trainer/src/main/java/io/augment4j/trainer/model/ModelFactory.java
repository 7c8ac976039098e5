package io.augment4j.trainer.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.Pair;
import io.augment4j.api.Rng;
import io.augment4j.trainer.HostTensor;
import io.augment4j.trainer.Seeds;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds and initializes a {@link Network} from a {@link ModelConfig}. */
public final class ModelFactory {

    private ModelFactory() {}

    /**
     * Builds the network and draws its initial weights.
     *
     * @param config architecture
     * @param channels input channels
     * @param height input height
     * @param width input width
     * @param numClasses output classes
     * @param seed initialization seed: same seed, same weights
     * @return the network; the caller owns it and must close it
     */
    public static Network build(
            ModelConfig config, int channels, int height, int width, int numClasses, long seed) {
        SequentialBlock net = new SequentialBlock();
        // The layer (block) whose "weight" parameter a penalty applies to.
        Map<Object, Regularization> penalties = new IdentityHashMap<>();
        ActivationType act = config.activation();
        if (config instanceof CnnConfig cnn) {
            for (ConvLayer c : cnn.conv()) {
                Conv2d conv = Conv2d.builder()
                        .setKernelShape(new Shape(c.kernel(), c.kernel()))
                        .optPadding(new Shape(c.kernel() / 2, c.kernel() / 2))
                        .setFilters(c.filters())
                        .optBias(!c.batchNorm())
                        .build();
                net.add(conv);
                penalties.put(conv, c.regularization());
                if (c.batchNorm()) {
                    net.add(BatchNorm.builder().build());
                }
                if (c.maxPool()) {
                    // Pooling before the activation is the same function with the same gradients
                    // (every activation here is non-decreasing, so it commutes with max), and the
                    // activation then runs on a quarter of the values: 1.2-1.3x faster per step
                    // (StepBenchmark).
                    net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
                }
                net.add(act.block());
                if (c.dropout() > 0) {
                    net.add(Dropout.builder().optRate((float) c.dropout()).build());
                }
            }
        }
        net.add(Blocks.batchFlattenBlock());
        List<DenseLayer> dense = config instanceof CnnConfig cnn ? cnn.dense() : ((MlpConfig) config).hidden();
        for (DenseLayer d : dense) {
            Linear lin = Linear.builder().setUnits(d.units()).build();
            net.add(lin);
            penalties.put(lin, d.regularization());
            net.add(act.block());
            if (d.dropout() > 0) {
                // DJL's dropout on PyTorch is inverted (kept units scaled by 1/(1-rate)), and off
                // when forward(training=false); DropoutTest checks both.
                net.add(Dropout.builder().optRate((float) d.dropout()).build());
            }
        }
        Linear out = Linear.builder().setUnits(numClasses).build();
        net.add(out);
        penalties.put(out, config.outputRegularization());

        NDManager manager = NDManager.newBaseManager(Device.cpu());
        try {
            Shape input = new Shape(channels, height, width);
            // initialize() below draws every weight itself; DJL's random initializers would only
            // consume the engine's process-wide generator, which a loop training at the same time
            // in another thread (a study's trials) reseeds and draws its dropout masks from.
            net.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, channels, height, width));
            Map<String, Parameter> params = new LinkedHashMap<>();
            for (Pair<String, Parameter> p : net.getParameters()) {
                params.put(p.getKey(), p.getValue());
            }
            List<Network.PenalizedWeight> penalized = new ArrayList<>();
            for (var child : net.getChildren()) {
                Regularization r = penalties.get(child.getValue());
                if (r != null && r.active()) {
                    String name = child.getKey() + "_weight";
                    penalized.add(new Network.PenalizedWeight(name, params.get(name), r));
                }
            }
            initialize(params, config.init().resolve(act), seed);
            return new Network(config, manager, net, params, penalized, input, numClasses);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Draws every weight from N(0, std(fan_in)^2) with a generator seeded per parameter; biases
     * stay zero, batch-norm gamma one and beta zero (DJL's defaults for those).
     */
    private static void initialize(Map<String, Parameter> params, Init init, long seed) {
        int i = 0;
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            Parameter p = e.getValue();
            i++;
            if (p.getType() != Parameter.Type.WEIGHT) {
                continue;
            }
            NDArray w = p.getArray();
            long[] shape = w.getShape().getShape();
            long fanIn = 1;
            for (int d = 1; d < shape.length; d++) {
                fanIn *= shape[d];
            }
            double std = init.std(fanIn);
            Rng rnd = Rng.of(seed, Seeds.INIT, i);
            float[] v = new float[Math.toIntExact(w.size())];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) (rnd.nextGaussian() * std);
            }
            new HostTensor(shape, v).copyInto(w);
        }
    }
}
