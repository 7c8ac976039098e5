package io.augment4j.trainer.loop;

import io.augment4j.trainer.HostTensor;
import java.util.Map;

/** A listener whose state goes into checkpoints, so a resumed run continues it exactly. */
public interface StatefulListener extends LoopListener {

    /**
     * A listener's saved state.
     *
     * @param values JSON-friendly values (numbers, strings, booleans, null)
     * @param tensors tensors (e.g. best weights)
     */
    record State(Map<String, Object> values, Map<String, HostTensor> tensors) {}

    /** @return a key unique among the run's listeners */
    String stateKey();

    /** @return the state to checkpoint */
    State saveState();

    /**
     * Called on a resumed fit, after {@link #onTrainBegin}.
     *
     * @param state what {@link #saveState()} returned in the interrupted run
     */
    void loadState(State state);
}
