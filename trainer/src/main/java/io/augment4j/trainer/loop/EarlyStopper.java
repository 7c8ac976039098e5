package io.augment4j.trainer.loop;

import io.augment4j.trainer.HostTensor;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects {@link EarlyStopping} to the loop: asks to stop, keeps a heap copy of the best
 * weights, and puts them back when training ends (Keras 3 restores them at the end of training
 * whether or not it stopped early). Its state, best weights included, is checkpointed.
 *
 * <p>It starts afresh at every fit (as Keras' {@code on_train_begin}), so one instance can
 * serve several fits; a resumed fit then loads the checkpointed state.
 */
public final class EarlyStopper implements StatefulListener {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyStopper.class);

    private final EarlyStopping logic;
    private Map<String, HostTensor> bestWeights;

    /** @param config options */
    public EarlyStopper(EarlyStoppingConfig config) {
        this.logic = new EarlyStopping(config);
    }

    /** @return the decision logic (best value, best epoch, stopped epoch) */
    public EarlyStopping logic() {
        return logic;
    }

    @Override
    public void onTrainBegin(TrainingContext ctx) {
        logic.reset();
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {
        if (!logs.containsKey(logic.config().monitor()) && epoch >= logic.config().startFromEpoch()) {
            LOG.warn("Early stopping monitors '{}', which is not among the metrics {}",
                    logic.config().monitor(), logs.keySet());
        }
        switch (logic.onEpochEnd(epoch, logs)) {
            case IMPROVED -> {
                if (logic.config().restoreBestWeights()) {
                    bestWeights = ctx.network().snapshot();
                }
            }
            case STOP -> ctx.requestStop(String.format(java.util.Locale.ROOT,
                    "early stopping at epoch %d: %s did not improve for %d epochs (best %.6g at epoch %d)",
                    epoch + 1, logic.config().monitor(), logic.waitCount(), logic.best(),
                    logic.bestEpoch() + 1));
            default -> { }
        }
    }

    @Override
    public void onTrainEnd(TrainingContext ctx) {
        if (logic.config().restoreBestWeights() && bestWeights != null) {
            LOG.info("Restoring weights of epoch {} ({} = {})", logic.bestEpoch() + 1,
                    logic.config().monitor(), logic.best());
            ctx.restoreWeights(bestWeights, logic.bestEpoch());
        }
    }

    @Override
    public String stateKey() {
        return "early_stopping";
    }

    @Override
    public State saveState() {
        Map<String, Object> v = new HashMap<>();
        v.put("wait", logic.waitCount());
        v.put("best", logic.best());
        v.put("bestEpoch", logic.bestEpoch());
        v.put("stoppedEpoch", logic.stoppedEpoch());
        return new State(v, bestWeights == null ? Map.of() : bestWeights);
    }

    @Override
    public void loadState(State state) {
        Map<String, Object> v = state.values();
        Number best = (Number) v.get("best");
        logic.restore(((Number) v.get("wait")).intValue(), best == null ? null : best.doubleValue(),
                ((Number) v.get("bestEpoch")).intValue(), ((Number) v.get("stoppedEpoch")).intValue());
        bestWeights = state.tensors().isEmpty() ? null : new java.util.LinkedHashMap<>(state.tensors());
    }
}
