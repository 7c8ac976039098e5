package io.augment4j.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.augment4j.trainer.HostTensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shared state bookkeeping: named buffers per parameter, zero-initialized on first use, and the
 * flushing of tiny weights and state values to zero.
 *
 * <p>Why the flush: arithmetic on subnormal floats takes a microcode assist on many x86 CPUs
 * (Intel's in particular), tens to hundreds of cycles per value, unless the thread runs with
 * flush-to-zero, which DJL cannot set; and training makes them. A weight whose data gradient is
 * zero (it reads a feature that is always 0 after ReLU, or feeds a dead unit) shrinks under L2
 * geometrically once Adam's denominator is down to epsilon, and its moment {@code m} decays by
 * {@code beta1} per step: both pass through the subnormal range on their way to zero. In the
 * Fashion-MNIST recipe the first dense layer had 4.4 % subnormal weights after 12 epochs, and
 * rising (BENCHMARKS.md, "Subnormal weights"); every forward and backward matrix product then
 * touches them. Every {@link #FLUSH_EVERY} steps each weight and state value below {@link #TINY}
 * in magnitude is set to zero. Such a value changes no output or update by more than about
 * {@code 1e-30} relative, and at a decay of 0.9 per step it takes about 175 steps to fall from
 * {@code 1e-30} to the subnormal range, so (almost) none gets there between two flushes.
 */
abstract class StatefulOptimizer implements ParameterOptimizer {

    /** Weights and state values below this magnitude are set to zero. */
    static final float TINY = 1e-30f;
    /** Steps between two flushes. */
    static final int FLUSH_EVERY = 32;

    private final Map<String, NDArray> state = new LinkedHashMap<>();

    @Override
    public final void update(String name, NDArray weight, NDArray grad, float lr, long step) {
        step(name, weight, grad, lr, step);
        if (step % FLUSH_EVERY == 0) {
            flushTiny(weight);
            String prefix = name + "/";
            state.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    flushTiny(v);
                }
            });
        }
    }

    /** The rule itself: {@link #update} without the flush. */
    protected abstract void step(String name, NDArray weight, NDArray grad, float lr, long step);

    /** Sets the values of {@code a} below {@link #TINY} in magnitude to zero, in place. */
    static void flushTiny(NDArray a) {
        a.muli(a.abs().gte(TINY).toType(a.getDataType(), false));
    }

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
