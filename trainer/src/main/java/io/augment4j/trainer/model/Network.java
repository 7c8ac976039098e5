package io.augment4j.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.augment4j.trainer.HostTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built classifier: a DJL block, its parameters by stable name, and which weights carry which
 * penalty. Owns the NDManager holding all parameters (and optimizer state created next to them);
 * {@link #close()} frees them all.
 */
public final class Network implements AutoCloseable {

    /**
     * One penalized weight.
     *
     * @param name parameter name
     * @param parameter the parameter
     * @param regularization its penalty
     */
    public record PenalizedWeight(String name, Parameter parameter, Regularization regularization) {}

    private final ModelConfig config;
    private final NDManager manager;
    private final Block block;
    private final Map<String, Parameter> parameters;
    private final List<PenalizedWeight> penalized;
    private final Shape inputShape;
    private final int numClasses;
    private final ParameterStore store;

    Network(ModelConfig config, NDManager manager, Block block, Map<String, Parameter> parameters,
            List<PenalizedWeight> penalized, Shape inputShape, int numClasses) {
        this.config = config;
        this.manager = manager;
        this.block = block;
        this.parameters = parameters;
        this.penalized = List.copyOf(penalized);
        this.inputShape = inputShape;
        this.numClasses = numClasses;
        // copy=false: forward uses the parameter arrays themselves, no per-batch copies
        this.store = new ParameterStore(manager, false);
    }

    /** @return the architecture */
    public ModelConfig config() {
        return config;
    }

    /** @return the manager owning parameters; make per-batch sub-managers from it */
    public NDManager manager() {
        return manager;
    }

    /** @return the DJL block (e.g. to wrap in a DJL {@code Model}) */
    public Block block() {
        return block;
    }

    /** @return parameters in a stable order, by name */
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** @return weights that carry a penalty */
    public List<PenalizedWeight> penalized() {
        return penalized;
    }

    /** @return input shape of one example, (C, H, W) */
    public Shape inputShape() {
        return inputShape;
    }

    /** @return number of output classes */
    public int numClasses() {
        return numClasses;
    }

    /**
     * Runs the network.
     *
     * @param x a batch, (N, C, H, W)
     * @param training true: dropout on and batch-norm batch statistics; false: inference
     * @return logits, (N, classes)
     */
    public NDArray forward(NDArray x, boolean training) {
        return block.forward(store, new NDList(ChannelsLast.view(x)), training).singletonOrThrow();
    }

    /** @return a heap copy of every parameter (including batch-norm running statistics) */
    public Map<String, HostTensor> snapshot() {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        parameters.forEach((n, p) -> out.put(n, HostTensor.of(p.getArray())));
        return out;
    }

    /**
     * Overwrites parameters in place from a snapshot.
     *
     * @param values snapshot from {@link #snapshot()} of the same architecture
     */
    public void restore(Map<String, HostTensor> values) {
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            HostTensor t = values.get(e.getKey());
            if (t == null) {
                throw new IllegalArgumentException("snapshot lacks parameter " + e.getKey());
            }
            t.copyInto(e.getValue().getArray());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
