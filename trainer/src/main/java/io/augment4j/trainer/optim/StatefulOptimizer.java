package io.augment4j.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.augment4j.trainer.HostTensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared state bookkeeping: named buffers per parameter, zero-initialized on first use. */
abstract class StatefulOptimizer implements ParameterOptimizer {

    private final Map<String, NDArray> state = new LinkedHashMap<>();

    /** @return the buffer {@code key} of parameter {@code name}, created as zeros on first use */
    protected NDArray buffer(String name, String key, NDArray like) {
        return state.computeIfAbsent(name + "/" + key, k -> {
            NDArray z = like.zerosLike();
            NDScope.unregister(z); // it outlives the step: owned by the parameter's manager
            return z;
        });
    }

    @Override
    public Map<String, HostTensor> exportState() {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, HostTensor.of(v)));
        return out;
    }

    @Override
    public void importState(Map<String, HostTensor> saved, NDManager manager) {
        state.values().forEach(NDArray::close);
        state.clear();
        saved.forEach((k, t) -> {
            NDArray a = manager.create(t.data(), new Shape(t.shape()));
            NDScope.unregister(a);
            state.put(k, a);
        });
    }
}
