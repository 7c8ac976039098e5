package io.augment4j.benchmarks.trainer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import io.augment4j.trainer.model.ChannelsLast;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Time of one bare training step (forward, backward, plain SGD update) of a CNN in the four
 * combinations of memory layout (NCHW or channels-last input) and order of max pool and ReLU,
 * all in one process, so the ratios compare like with like.
 *
 * <p>Run: {@code java -Dai.djl.offline=true -cp <classpath> io.augment4j.benchmarks.trainer.StepBenchmark
 * [filters, e.g. 32,64] [convs per pool, 1 or 2] [batch] [steps]}. Each conv is 3x3 'same' with batch
 * norm; each group of convs ends in a 2x2 max pool; then dense 128 and 10 outputs on 1x28x28 input,
 * as for Fashion-MNIST. The first variant is run twice and its first (warm-up) round is not reported.
 */
public final class StepBenchmark {

    private StepBenchmark() {}

    /**
     * @param args optional: filters per group, convs per group, batch size, timed steps
     */
    public static void main(String[] args) {
        int[] filters = Arrays.stream((args.length > 0 ? args[0] : "32,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int perGroup = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        Engine.getInstance();
        JniUtils.setGradMode(false);
        System.out.printf(Locale.ROOT, "filters %s, %d conv(s) per pool, batch %d, %d steps, %d threads%n",
                Arrays.toString(filters), perGroup, batch, steps, JniUtils.getNumThreads());
        boolean warm = false;
        for (boolean channelsLast : new boolean[] {false, true}) {
            for (boolean poolFirst : new boolean[] {false, true}) {
                if (!warm) {
                    time(filters, perGroup, batch, steps, channelsLast, poolFirst);
                    warm = true;
                }
                double ms = time(filters, perGroup, batch, steps, channelsLast, poolFirst);
                System.out.printf(Locale.ROOT, "%-13s %-18s %7.2f ms/step %7.0f examples/s%n",
                        channelsLast ? "channels-last" : "NCHW", poolFirst ? "pool, then relu" : "relu, then pool",
                        ms, batch / (ms / 1000));
            }
        }
    }

    private static double time(int[] filters, int perGroup, int batch, int steps, boolean channelsLast,
            boolean poolFirst) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SequentialBlock net = network(filters, perGroup, poolFirst);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            ParameterStore store = new ParameterStore(manager, false);
            Loss loss = Loss.softmaxCrossEntropyLoss();
            Random rnd = new Random(1);
            float[] x = new float[batch * 28 * 28];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.nextGaussian();
            }
            float[] y = new float[batch];
            for (int i = 0; i < batch; i++) {
                y[i] = rnd.nextInt(10);
            }
            int warmup = 5;
            long t0 = 0;
            for (int s = 0; s < warmup + steps; s++) {
                if (s == warmup) {
                    t0 = System.nanoTime();
                }
                try (NDScope scope = new NDScope(); NDManager bm = manager.newSubManager()) {
                    NDArray in = bm.create(x, new Shape(batch, 1, 28, 28));
                    if (channelsLast) {
                        in = ChannelsLast.view(in);
                    }
                    NDArray labels = bm.create(y);
                    NDArray l;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray out = net.forward(store, new NDList(in), true).singletonOrThrow();
                        l = loss.evaluate(new NDList(labels), new NDList(out));
                        gc.backward(l);
                    }
                    l.getFloat();
                    for (Pair<String, Parameter> p : net.getParameters()) {
                        if (p.getValue().requiresGradient()) {
                            NDArray w = p.getValue().getArray();
                            w.subi(w.getGradient().mul(0.01f));
                            JniUtils.zeroGrad((PtNDArray) w);
                        }
                    }
                }
            }
            return (System.nanoTime() - t0) / 1e6 / steps;
        }
    }

    private static SequentialBlock network(int[] filters, int perGroup, boolean poolFirst) {
        SequentialBlock net = new SequentialBlock();
        for (int f : filters) {
            for (int k = 0; k < perGroup; k++) {
                net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(f).optBias(false).build());
                net.add(BatchNorm.builder().build());
                boolean last = k == perGroup - 1;
                if (last && poolFirst) {
                    net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
                }
                net.add(Activation.reluBlock());
                if (last && !poolFirst) {
                    net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
                }
            }
        }
        net.add(Blocks.batchFlattenBlock());
        net.add(Linear.builder().setUnits(128).build());
        net.add(Activation.reluBlock());
        net.add(Linear.builder().setUnits(10).build());
        return net;
    }
}
