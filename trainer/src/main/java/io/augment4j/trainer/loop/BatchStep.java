package io.augment4j.trainer.loop;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.loss.Loss;
import io.augment4j.api.Rng;
import io.augment4j.trainer.Seeds;
import io.augment4j.trainer.loader.HostBatch;
import io.augment4j.trainer.model.L2Form;
import io.augment4j.trainer.model.Network;
import io.augment4j.trainer.model.Regularizer;
import io.augment4j.trainer.optim.LearningRateSchedule;
import io.augment4j.trainer.optim.ParameterOptimizer;
import java.util.Map;

/**
 * One optimization step, in two halves the loop calls around the batch listeners: {@link #compute}
 * (forward, loss, backward: gradients left on the weights) and {@link #update} (weight decay and
 * the optimizer's update, gradients zeroed). Arrays it creates belong to the caller's scope.
 */
final class BatchStep {

    /**
     * One batch's figures.
     *
     * @param loss mean data loss
     * @param reg regularization cost (the L2 value also in weight-decay form, for the record)
     * @param correct examples classified correctly
     */
    record Result(double loss, double reg, int correct) {}

    private final Network net;
    private final LoopConfig config;
    private final ParameterOptimizer optimizer;
    private final LearningRateSchedule schedule;
    private final Engine engine = Engine.getInstance();
    private final Loss lossFn = Loss.softmaxCrossEntropyLoss();
    private final boolean dropout;

    /** Guards the engine's process-wide random generator (see {@link #compute}). */
    private static final Object ENGINE_GENERATOR = new Object();

    BatchStep(Network net, LoopConfig config) {
        this.net = net;
        this.config = config;
        this.optimizer = config.optimizer().create();
        this.schedule = config.schedule().build(config.optimizer().learningRate());
        this.dropout = hasDropout(net.block());
    }

    private static boolean hasDropout(Block b) {
        if (b instanceof Dropout) {
            return true;
        }
        for (Block c : b.getChildren().values()) {
            if (hasDropout(c)) {
                return true;
            }
        }
        return false;
    }

    ParameterOptimizer optimizer() {
        return optimizer;
    }

    double rate(long step, int epoch) {
        return schedule.rate(step, epoch);
    }

    Result compute(NDManager bm, HostBatch b, long step) {
        int m = b.size();
        NDArray x = bm.create(b.data(), new Shape(m, b.channels(), b.height(), b.width()));
        NDArray y = bm.create(b.labels());
        NDArray logits;
        NDArray dataLoss;
        NDArray penalty;
        try (Gradients.Recorder gc = new Gradients.Recorder()) {
            if (dropout) {
                // Dropout masks come from the engine's generator: reseed it per step so a resumed
                // run draws the same masks. It is one per process, so loops training at once
                // (a study's trials) take turns from the reseed until their masks are drawn.
                synchronized (ENGINE_GENERATOR) {
                    engine.setRandomSeed(Rng.of(config.seed(), Seeds.DROPOUT, step).nextInt());
                    logits = net.forward(x, true);
                }
            } else {
                logits = net.forward(x, true);
            }
            dataLoss = lossFn.evaluate(new NDList(y), new NDList(logits));
            penalty = Regularizer.cost(net.penalized(), config.l2Form(), m);
            gc.backward(penalty == null ? dataLoss : dataLoss.add(penalty));
        }
        double reg = penalty == null ? 0 : penalty.getFloat();
        if (config.l2Form() == L2Form.WEIGHT_DECAY) {
            reg += Regularizer.l2Value(net.penalized(), m);
        }
        return new Result(dataLoss.getFloat(), reg, TrainedModel.countCorrect(logits, b.labels()));
    }

    void update(double lr, long step, int m) {
        if (config.l2Form() == L2Form.WEIGHT_DECAY) {
            // Gradients were taken at the undecayed W, so decaying first and then
            // stepping is exactly W(1 - eta lambda/m) - eta dJ/dW.
            Regularizer.decay(net.penalized(), lr, m);
        }
        for (Map.Entry<String, Parameter> e : net.parameters().entrySet()) {
            Parameter p = e.getValue();
            if (!p.requiresGradient()) {
                continue; // batch-norm running statistics
            }
            NDArray w = p.getArray();
            optimizer.update(e.getKey(), w, w.getGradient(), (float) lr, step + 1);
            Gradients.zero(w);
        }
    }
}
