package io.augment4j.trainer.loop;

import io.augment4j.trainer.model.Network;

/** What listeners may see and do during a run. */
public interface TrainingContext {

    /** @return the network being trained */
    Network network();

    /** @return the run's configuration */
    LoopConfig config();

    /** @return metrics so far */
    History history();

    /** @param reason why, for the log: ask the loop to stop after this epoch */
    void requestStop(String reason);

    /** @return the number of NDArrays alive under the network's manager (leak checks) */
    int liveArrays();
}
