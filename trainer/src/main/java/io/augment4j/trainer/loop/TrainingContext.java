package io.augment4j.trainer.loop;

import io.augment4j.trainer.HostTensor;
import io.augment4j.trainer.model.Network;
import java.util.Map;

/** What listeners may see and do during a run. */
public interface TrainingContext {

    /** @return the model being trained (its network and input normalization) */
    TrainedModel model();

    /** @return the network being trained */
    default Network network() {
        return model().network();
    }

    /** @return the run's configuration */
    LoopConfig config();

    /** @return metrics so far, one row per completed epoch */
    History history();

    /**
     * Asks the loop to stop; the one way a listener ends a run cleanly. The first request wins.
     * Made in {@link LoopListener#onEpochEnd}, the run ends after that epoch (it is in the
     * history and the checkpoint, which is marked finished). Made earlier in an epoch, the loop
     * stops after the current batch and drops the unfinished epoch: the run is suspended, and a
     * resume redoes that epoch from the last checkpoint.
     *
     * @param reason why, for the log and the {@link FitResult}
     */
    void requestStop(String reason);

    /** @return the stop requested so far, or null */
    FitResult.Stop stop();

    /**
     * Puts back weights saved earlier (e.g. early stopping's best), and records which epoch they
     * come from: {@link FitResult#bestEpoch()}.
     *
     * @param weights a {@link Network#snapshot()}
     * @param epoch 0-based epoch after which they were taken
     */
    void restoreWeights(Map<String, HostTensor> weights, int epoch);

    /**
     * @return the run's state after its last completed epoch (weights and optimizer state copied
     *     to the heap, counters, history, listener state): what a checkpoint holds
     */
    Checkpoint checkpoint();

    /** @return the number of NDArrays alive under the network's manager (leak checks) */
    int liveArrays();
}
