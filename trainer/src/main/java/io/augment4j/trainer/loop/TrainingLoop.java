package io.augment4j.trainer.loop;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import io.augment4j.trainer.HostTensor;
import io.augment4j.trainer.Seeds;
import io.augment4j.trainer.data.ImageSet;
import io.augment4j.trainer.data.Normalization;
import io.augment4j.trainer.loader.HostBatch;
import io.augment4j.trainer.loader.BatchLoader;
import io.augment4j.trainer.loader.ExampleAugmenter;
import io.augment4j.trainer.model.L2Form;
import io.augment4j.trainer.model.ModelConfig;
import io.augment4j.trainer.model.ModelFactory;
import io.augment4j.trainer.model.Network;
import io.augment4j.trainer.model.Regularizer;
import io.augment4j.trainer.optim.LearningRateSchedule;
import io.augment4j.trainer.optim.ParameterOptimizer;
import io.augment4j.trainer.split.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop: one loop, with progress, history, checkpoints, early stopping and the NaN
 * guard around it.
 *
 * <p>Per batch: the batch's arrays live in a sub-manager of the network's manager and every
 * other array created during the step (loss, penalty, gradients, optimizer temporaries) in an
 * {@link NDScope}; both close at the end of the step, so the live-array count stays flat.
 *
 * <p>Per epoch: train, validate, append to the history (CSV and JSON), run listeners, write the
 * checkpoint atomically. After a kill, {@code fit} with the same configuration and output folder
 * resumes after the last checkpointed epoch and reproduces the uninterrupted run.
 */
public final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    private final ModelConfig modelConfig;
    private final LoopConfig config;
    private final List<LoopListener> extraListeners = new ArrayList<>();

    /**
     * @param modelConfig architecture
     * @param config training options
     */
    public TrainingLoop(ModelConfig modelConfig, LoopConfig config) {
        this.modelConfig = modelConfig;
        this.config = config;
    }

    /** @param listener an extra listener, run after the built-in ones @return this */
    public TrainingLoop addListener(LoopListener listener) {
        extraListeners.add(listener);
        return this;
    }

    /**
     * Trains on {@code split.train()}, validates on {@code split.val()} every epoch, and
     * measures {@code split.test()} once at the end.
     *
     * @param data the dataset the split indexes
     * @param split train/val/test indices
     * @param augmenter train-time augmentation, or null
     * @return the model (owned by the caller), history and test metrics
     * @throws DivergedException when the loss becomes NaN or infinite
     */
    public FitResult fit(ImageSet data, Split split, ExampleAugmenter augmenter) {
        split.warnings().forEach(w -> LOG.warn("Split: {}", w));
        Path out = config.outputDir();
        Checkpoint resumeFrom = null;
        if (out != null && config.resume() && Checkpoint.exists(out)) {
            try {
                resumeFrom = Checkpoint.load(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read checkpoint " + Checkpoint.path(out), e);
            }
            LOG.info("Resuming from {} (epoch {} done)", Checkpoint.path(out), resumeFrom.epoch() + 1);
        }
        // Statistics of the train split only; a resumed run reuses the saved ones.
        Normalization norm = resumeFrom != null
                ? resumeFrom.normalization()
                : Normalization.fit(data, split.train());
        Network net = ModelFactory.build(modelConfig, data.channels(), data.height(), data.width(),
                data.numClasses(), config.seed());
        boolean ok = false;
        try {
            FitResult r = run(net, norm, data, split, augmenter, resumeFrom);
            ok = true;
            return r;
        } finally {
            if (!ok) {
                net.close();
            }
        }
    }

    private FitResult run(Network net, Normalization norm, ImageSet data, Split split,
            ExampleAugmenter augmenter, Checkpoint resumeFrom) {
        Gradients.gradModeOff();
        List<LoopListener> listeners = new ArrayList<>();
        if (config.progressBar()) {
            listeners.add(new ProgressBarListener());
        }
        if (config.earlyStopping() != null) {
            listeners.add(new EarlyStopper(config.earlyStopping()));
        }
        listeners.addAll(extraListeners);

        ParameterOptimizer optimizer = config.optimizer().create();
        LearningRateSchedule schedule = config.schedule().build(config.optimizer().learningRate());
        Context ctx = new Context(net, config);
        int startEpoch = 0;
        long step = 0;
        boolean finished = false;
        if (resumeFrom != null) {
            net.restore(resumeFrom.params());
            optimizer.importState(resumeFrom.optimizer(), net.manager());
            ctx.history = new History(resumeFrom.history());
            for (LoopListener l : listeners) {
                if (l instanceof StatefulListener s) {
                    Map<String, Object> v = resumeFrom.listeners().get(s.stateKey());
                    if (v != null) {
                        s.loadState(new StatefulListener.State(v,
                                resumeFrom.listenerTensors().getOrDefault(s.stateKey(), Map.of())));
                    }
                }
            }
            startEpoch = resumeFrom.epoch() + 1;
            step = resumeFrom.step();
            finished = resumeFrom.finished();
        }

        Path out = config.outputDir();
        try (BatchLoader train = new BatchLoader(data, split.train(), config.batchSize(), true,
                        config.seed(), augmenter, norm, config.workers(), config.prefetch());
                BatchLoader val = new BatchLoader(data, split.val(), config.evalBatchSize(), false,
                        config.seed(), null, norm, config.workers(), config.prefetch())) {
            listeners.forEach(l -> l.onTrainBegin(ctx));
            Iterator<HostBatch> batches = finished ? null : train.epoch(startEpoch);
            for (int epoch = startEpoch; epoch < config.epochs() && !finished; epoch++) {
                for (LoopListener l : listeners) {
                    l.onEpochBegin(ctx, epoch, train.numBatches());
                }
                long t0 = System.nanoTime();
                long wait0 = train.waitNanos();
                EpochTotals tot = trainEpoch(net, batches, train.numBatches(), optimizer, schedule,
                        epoch, step, listeners, ctx);
                step += tot.batches;
                double seconds = (System.nanoTime() - t0) / 1e9;
                double waitSeconds = (train.waitNanos() - wait0) / 1e9;
                if (epoch + 1 < config.epochs()) {
                    // The workers prepare the next epoch's first batches while we validate.
                    batches = train.epoch(epoch + 1);
                }
                Map<String, Double> logs = new LinkedHashMap<>();
                logs.put("epoch", (double) (epoch + 1));
                logs.put("loss", tot.loss / tot.examples);
                logs.put("reg_loss", tot.regLoss / tot.examples);
                logs.put("accuracy", (double) tot.correct / tot.examples);
                if (split.val().length > 0) {
                    EvalMetrics vm = TrainedModel.evaluate(net, val);
                    logs.put("val_loss", vm.loss());
                    logs.put("val_accuracy", vm.accuracy());
                }
                logs.put("lr", tot.lastRate);
                logs.put("epoch_time_s", seconds);
                logs.put("data_wait_s", waitSeconds);
                logs.put("examples_per_s", tot.examples / seconds);
                ctx.history.add(logs);
                for (LoopListener l : listeners) {
                    l.onEpochEnd(ctx, epoch, logs);
                }
                finished = ctx.stopReason != null || epoch == config.epochs() - 1;
                if (out != null) {
                    saveCheckpoint(out, epoch, step, finished, norm, net, optimizer, listeners, ctx);
                }
                if (ctx.stopReason != null) {
                    LOG.info("Stopping: {}", ctx.stopReason);
                }
            }
            listeners.forEach(l -> l.onTrainEnd(ctx));
        }
        TrainedModel model = new TrainedModel(net, norm, data.classNames());
        EvalMetrics test = split.test().length > 0
                ? model.evaluate(data, split.test(), config.evalBatchSize())
                : null;
        if (out != null) {
            try {
                model.save(out.resolve("model"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the model under " + out, e);
            }
        }
        return new FitResult(model, ctx.history, test, ctx.stopReason);
    }

    /** Sums over one epoch. */
    private static final class EpochTotals {
        double loss;
        double regLoss;
        long correct;
        long examples;
        int batches;
        double lastRate;
    }

    private EpochTotals trainEpoch(Network net, Iterator<HostBatch> it, int numBatches, ParameterOptimizer optimizer,
            LearningRateSchedule schedule, int epoch, long firstStep, List<LoopListener> listeners,
            Context ctx) {
        Engine engine = Engine.getInstance();
        Loss lossFn = Loss.softmaxCrossEntropyLoss();
        L2Form form = config.l2Form();
        EpochTotals tot = new EpochTotals();
        long start = System.nanoTime();
        for (int k = 0; it.hasNext(); k++) {
            HostBatch b = it.next();
            long step = firstStep + k;
            int m = b.size();
            double lr = schedule.rate(step, epoch);
            try (NDScope scope = new NDScope();
                    NDManager bm = net.manager().newSubManager()) {
                NDArray x = bm.create(b.data(), new Shape(m, b.channels(), b.height(), b.width()));
                NDArray y = bm.create(b.labels());
                // Dropout masks come from the engine's generator: reseed it per step so a
                // resumed run draws the same masks.
                engine.setRandomSeed(io.augment4j.api.Rng.of(config.seed(), Seeds.DROPOUT, step).nextInt());
                NDArray logits;
                NDArray dataLoss;
                NDArray penalty;
                try (GradientCollector gc = engine.newGradientCollector()) {
                    logits = net.forward(x, true);
                    dataLoss = lossFn.evaluate(new NDList(y), new NDList(logits));
                    penalty = Regularizer.cost(net.penalized(), form, m);
                    gc.backward(penalty == null ? dataLoss : dataLoss.add(penalty));
                }
                double lossValue = dataLoss.getFloat();
                double regValue = penalty == null ? 0 : penalty.getFloat();
                if (form == L2Form.WEIGHT_DECAY) {
                    regValue += Regularizer.l2Value(net.penalized(), m);
                }
                checkFinite(lossValue, regValue, epoch, k, step, lr);
                if (form == L2Form.WEIGHT_DECAY) {
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
                tot.loss += lossValue * m;
                tot.regLoss += regValue * m;
                tot.correct += TrainedModel.countCorrect(logits, b.labels());
            }
            tot.examples += m;
            tot.batches++;
            tot.lastRate = lr;
            double elapsed = (System.nanoTime() - start) / 1e9;
            BatchStats stats = new BatchStats(epoch, k, numBatches, step,
                    tot.loss / tot.examples, tot.regLoss / tot.examples,
                    (double) tot.correct / tot.examples, tot.examples / elapsed, lr);
            for (LoopListener l : listeners) {
                l.onBatchEnd(ctx, stats);
            }
        }
        return tot;
    }

    private void checkFinite(double loss, double reg, int epoch, int batch, long step, double lr) {
        if (Double.isFinite(loss) && Double.isFinite(reg)) {
            return;
        }
        Path out = config.outputDir();
        String where = out == null
                ? "No checkpoint was written (no output folder)."
                : Checkpoint.exists(out)
                        ? "The last good checkpoint, " + Checkpoint.path(out)
                                + ", is kept; resume from it with a lower learning rate."
                        : "No epoch had completed, so there is no checkpoint yet.";
        throw new DivergedException(String.format(Locale.ROOT,
                "Training diverged: the %s is %s at epoch %d, batch %d (step %d, learning rate %.3g)."
                        + " The weights were not updated with this batch. %s Usual causes: learning"
                        + " rate too high, unnormalized or corrupt inputs (NaN pixels), or too weak"
                        + " numerical guards in a custom loss.",
                Double.isFinite(loss) ? "regularization cost" : "loss",
                Double.isFinite(loss) ? Double.toString(reg) : Double.toString(loss),
                epoch + 1, batch + 1, step + 1, lr, where));
    }

    private void saveCheckpoint(Path out, int epoch, long step, boolean finished, Normalization norm,
            Network net, ParameterOptimizer optimizer, List<LoopListener> listeners, Context ctx) {
        Map<String, Map<String, Object>> states = new HashMap<>();
        Map<String, Map<String, HostTensor>> tensors = new HashMap<>();
        for (LoopListener l : listeners) {
            if (l instanceof StatefulListener s) {
                StatefulListener.State st = s.saveState();
                states.put(s.stateKey(), st.values());
                tensors.put(s.stateKey(), st.tensors());
            }
        }
        try {
            ctx.history.writeCsv(out.resolve("history.csv"));
            ctx.history.writeJson(out.resolve("history.json"));
            new Checkpoint(epoch, step, finished, ctx.history.rows(), norm, states, net.snapshot(),
                    optimizer.exportState(), tensors).save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint to " + out, e);
        }
    }

    /** The listeners' view of the run. */
    private static final class Context implements TrainingContext {
        private final Network network;
        private final LoopConfig config;
        private History history = new History();
        private String stopReason;

        Context(Network network, LoopConfig config) {
            this.network = network;
            this.config = config;
        }

        @Override
        public Network network() {
            return network;
        }

        @Override
        public LoopConfig config() {
            return config;
        }

        @Override
        public History history() {
            return history;
        }

        @Override
        public void requestStop(String reason) {
            if (stopReason == null) {
                stopReason = reason;
            }
        }

        @Override
        public int liveArrays() {
            return network.manager().getManagedArrays().size();
        }
    }
}
