package io.augment4j.trainer.loop;

import io.augment4j.trainer.HostTensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The loop's state (counters, history, stop request) and the listeners' view of it. */
final class LoopContext implements TrainingContext {

    private final TrainedModel model;
    private final LoopConfig config;
    private final List<LoopListener> listeners;
    private final BatchStep step;
    private History history = new History();
    /** Epochs completed, i.e. the 0-based epoch to run next. */
    private int epochsDone;
    private long steps;
    private boolean atEpochEnd;
    private FitResult.Stop stop;
    private int restoredEpoch = -1;

    LoopContext(TrainedModel model, LoopConfig config, List<LoopListener> listeners, BatchStep step) {
        this.model = model;
        this.config = config;
        this.listeners = listeners;
        this.step = step;
    }

    /**
     * Starts a fit: restores a checkpoint's weights, optimizer state, counters and history (when
     * resuming), calls every listener's onTrainBegin, then gives stateful listeners their state.
     *
     * @param from the checkpoint to resume, or null
     */
    void begin(Checkpoint from) {
        if (from != null) {
            resume(from);
        }
        listeners.forEach(l -> l.onTrainBegin(this));
        if (from != null) {
            resumeListeners(from);
        }
    }

    private void resume(Checkpoint from) {
        model.network().restore(from.params());
        step.optimizer().importState(from.optimizer(), model.network().manager());
        history = new History(from.history());
        epochsDone = from.epoch() + 1;
        steps = from.step();
        if (from.finished() && (from.stopReason() != null || epochsDone < config.epochs())) {
            stop = new FitResult.Stop(from.epoch(), from.stopReason() == null ? "stopped early" : from.stopReason(),
                    true);
        }
    }

    private void resumeListeners(Checkpoint from) {
        for (LoopListener l : listeners) {
            if (l instanceof StatefulListener s && from.listeners().containsKey(s.stateKey())) {
                s.loadState(new StatefulListener.State(from.listeners().get(s.stateKey()),
                        from.listenerTensors().getOrDefault(s.stateKey(), Map.of())));
            }
        }
    }

    int epochsDone() {
        return epochsDone;
    }

    long steps() {
        return steps;
    }

    void stepDone() {
        steps++;
    }

    /** True once all epochs ran or a stop was requested. */
    boolean over() {
        return stop != null || epochsDone >= config.epochs();
    }

    /** Records a completed epoch; the listeners' onEpochEnd follows. */
    void epochDone(Map<String, Double> logs) {
        history.add(logs);
        epochsDone++;
        atEpochEnd = true;
    }

    void epochEndHandled() {
        atEpochEnd = false;
    }

    FitResult result(EvalMetrics test) {
        return new FitResult(model, history, test, restoredEpoch >= 0 ? restoredEpoch : epochsDone - 1,
                restoredEpoch >= 0, stop);
    }

    @Override
    public TrainedModel model() {
        return model;
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
        if (stop == null) {
            stop = new FitResult.Stop(atEpochEnd ? epochsDone - 1 : epochsDone, reason, atEpochEnd);
        }
    }

    @Override
    public FitResult.Stop stop() {
        return stop;
    }

    @Override
    public void restoreWeights(Map<String, HostTensor> weights, int epoch) {
        model.network().restore(weights);
        restoredEpoch = epoch;
    }

    @Override
    public Checkpoint checkpoint() {
        Map<String, Map<String, Object>> states = new HashMap<>();
        Map<String, Map<String, HostTensor>> tensors = new HashMap<>();
        for (LoopListener l : listeners) {
            if (l instanceof StatefulListener s) {
                StatefulListener.State st = s.saveState();
                states.put(s.stateKey(), st.values());
                tensors.put(s.stateKey(), st.tensors());
            }
        }
        return new Checkpoint(epochsDone - 1, steps, over(), stop == null ? null : stop.reason(), history.rows(),
                model.normalization(), states, model.network().snapshot(), step.optimizer().exportState(), tensors);
    }

    @Override
    public int liveArrays() {
        return model.network().manager().getManagedArrays().size();
    }
}
