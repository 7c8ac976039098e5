package io.augment4j.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.augment4j.trainer.HostTensor;
import java.util.Map;

/**
 * A parameter update rule with exportable state.
 *
 * <p>Ours rather than DJL's: DJL's optimizers keep momentum and Adam moments in private maps
 * keyed by random parameter ids, so they cannot be checkpointed, and resume would restart them
 * from zero. Four rules in a few NDArray ops each are simpler than working around that.
 *
 * <p>Call {@link #update} from inside an {@code NDScope}: temporaries it creates are then
 * freed with the scope; state arrays it creates for a parameter on first use are removed from
 * the scope and owned by the parameter's manager.
 */
public interface ParameterOptimizer {

    /**
     * Updates one parameter in place.
     *
     * @param name stable parameter name (the state key)
     * @param weight the parameter
     * @param grad dJ/dW
     * @param learningRate this step's rate
     * @param step 1-based step count (Adam's bias correction)
     */
    void update(String name, NDArray weight, NDArray grad, float learningRate, long step);

    /** @return state arrays by key, copied to the heap, for a checkpoint */
    Map<String, HostTensor> exportState();

    /**
     * Restores state from a checkpoint.
     *
     * @param state as returned by {@link #exportState()}
     * @param manager where to create the state arrays (the parameters' manager)
     */
    void importState(Map<String, HostTensor> state, NDManager manager);
}
