package io.augment4j.trainer.loop;

import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.augment4j.trainer.data.ImageSet;
import io.augment4j.trainer.data.Normalization;
import io.augment4j.trainer.loader.BatchLoader;
import io.augment4j.trainer.loader.ExampleAugmenter;
import io.augment4j.trainer.loader.HostBatch;
import io.augment4j.trainer.model.ModelConfig;
import io.augment4j.trainer.model.ModelFactory;
import io.augment4j.trainer.split.Split;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop: runs epochs of batches, validates after each epoch, and calls its
 * {@link LoopListener}s, which do everything else (progress, history files, checkpoints, early
 * stopping, the NaN guard, model saving: {@link LoopListeners#defaults}), in the spirit of DJL's
 * {@code EasyTrain.fit} with its training listeners.
 *
 * <p>Per batch: the batch's arrays live in a sub-manager of the network's manager and every
 * other array created during the step (loss, penalty, gradients, optimizer temporaries,
 * listeners' arrays) in an {@link NDScope}; both close at the end of the step, so the live-array
 * count stays flat.
 *
 * <p>Resume: when {@link LoopConfig#resume()} is on and the output folder holds a checkpoint,
 * {@code fit} restores it and continues after its epoch, reproducing the uninterrupted run.
 */
public final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    private final ModelConfig modelConfig;
    private final LoopConfig config;
    private final List<LoopListener> listeners;

    /**
     * A loop with the default listeners, {@link LoopListeners#defaults(LoopConfig, LoopListener...)}.
     *
     * @param modelConfig architecture
     * @param config training options
     */
    public TrainingLoop(ModelConfig modelConfig, LoopConfig config) {
        this(modelConfig, config, LoopListeners.defaults(config));
    }

    /**
     * @param modelConfig architecture
     * @param config training options
     * @param listeners exactly these listeners, called in this order
     */
    public TrainingLoop(ModelConfig modelConfig, LoopConfig config, List<LoopListener> listeners) {
        this.modelConfig = modelConfig;
        this.config = config;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Trains on {@code split.train()}, validates on {@code split.val()} every epoch, and
     * measures {@code split.test()} once at the end of a run that ended (not of a suspended one).
     *
     * @param data the dataset the split indexes
     * @param split train/val/test indices
     * @param augmenter train-time augmentation, or null
     * @return the model (owned by the caller), history, test metrics, best epoch and stop
     * @throws DivergedException when the NaN guard finds a NaN or infinite loss
     */
    public FitResult fit(ImageSet data, Split split, ExampleAugmenter augmenter) {
        split.warnings().forEach(w -> LOG.warn("Split: {}", w));
        Checkpoint from = Checkpoint.resumePoint(config);
        if (from != null) {
            LOG.info("Resuming from {} (epoch {} done)", Checkpoint.path(config.outputDir()), from.epoch() + 1);
        }
        // Statistics of the train split only; a resumed run reuses the saved ones.
        Normalization norm = from != null ? from.normalization() : Normalization.fit(data, split.train());
        TrainedModel model = new TrainedModel(ModelFactory.build(modelConfig, data.channels(), data.height(),
                data.width(), data.numClasses(), config.seed()), norm, data.classNames());
        int threadsBefore = config.torchThreads() > 0 ? JniUtils.getNumThreads() : 0;
        if (config.torchThreads() > 0) {
            JniUtils.setNumThreads(config.torchThreads());
        }
        try {
            return run(model, data, split, augmenter, from);
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        } finally {
            if (config.torchThreads() > 0) {
                JniUtils.setNumThreads(threadsBefore);
            }
        }
    }

    private FitResult run(TrainedModel model, ImageSet data, Split split, ExampleAugmenter augmenter,
            Checkpoint from) {
        Gradients.gradModeOff();
        BatchStep step = new BatchStep(model.network(), config);
        LoopContext ctx = new LoopContext(model, config, listeners, step);
        ctx.begin(from);
        try (BatchLoader train = new BatchLoader(data, split.train(), config.batchSize(), true,
                        config.seed(), augmenter, model.normalization(), config.workers(), config.prefetch());
                BatchLoader val = new BatchLoader(data, split.val(), config.evalBatchSize(), false,
                        config.seed(), null, model.normalization(), config.workers(), config.prefetch())) {
            Iterator<HostBatch> batches = ctx.over() ? null : train.epoch(ctx.epochsDone());
            while (!ctx.over()) {
                int epoch = ctx.epochsDone();
                listeners.forEach(l -> l.onEpochBegin(ctx, epoch, train.numBatches()));
                EpochMeter meter = new EpochMeter(epoch, train);
                trainEpoch(ctx, step, batches, meter);
                if (ctx.stop() != null) {
                    break; // requested during the epoch: it is dropped, the run suspended
                }
                meter.stopClock();
                if (epoch + 1 < config.epochs()) {
                    // The workers prepare the next epoch's first batches while we validate.
                    batches = train.epoch(epoch + 1);
                }
                Map<String, Double> logs = meter.logs(
                        split.val().length > 0 ? TrainedModel.evaluate(model.network(), val) : null);
                ctx.epochDone(logs);
                listeners.forEach(l -> l.onEpochEnd(ctx, epoch, logs));
                ctx.epochEndHandled();
            }
        }
        if (ctx.stop() != null) {
            LOG.info("Stopping: {}", ctx.stop().reason());
            if (!ctx.stop().completed()) {
                listeners.forEach(l -> l.onTrainSuspended(ctx));
                return ctx.result(null);
            }
        }
        listeners.forEach(l -> l.onTrainEnd(ctx));
        return ctx.result(split.test().length > 0
                ? model.evaluate(data, split.test(), config.evalBatchSize()) : null);
    }

    private void trainEpoch(LoopContext ctx, BatchStep step, Iterator<HostBatch> it, EpochMeter meter) {
        for (int k = 0; it.hasNext() && ctx.stop() == null; k++) {
            HostBatch b = it.next();
            long s = ctx.steps();
            double lr = step.rate(s, meter.epoch());
            try (NDScope scope = new NDScope();
                    NDManager bm = ctx.network().manager().newSubManager()) {
                BatchStats stats = meter.add(step.compute(bm, b, s), b.size(), k, s, lr);
                for (LoopListener l : listeners) {
                    l.onBatchEnd(ctx, stats);
                }
                step.update(lr, s, b.size());
            }
            ctx.stepDone();
        }
    }
}
