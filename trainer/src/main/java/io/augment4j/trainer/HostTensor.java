package io.augment4j.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * A float tensor copied to the Java heap: what checkpoints, best-weight snapshots and optimizer
 * state exports hold. Living on the heap, it needs no NDManager and can outlive any of them.
 *
 * @param shape dimensions
 * @param data row-major values
 */
public record HostTensor(long[] shape, float[] data) {

    /** @param array source (float32; other types are converted) @return a heap copy */
    public static HostTensor of(NDArray array) {
        float[] d = array.getDataType() == DataType.FLOAT32
                ? array.toFloatArray()
                : toFloats(array);
        return new HostTensor(array.getShape().getShape(), d);
    }

    private static float[] toFloats(NDArray array) {
        try (NDArray f = array.toType(DataType.FLOAT32, false)) {
            return f.toFloatArray();
        }
    }

    /**
     * Copies the values into an existing array of the same shape, in place (the array keeps its
     * identity, so blocks and optimizers holding it see the new values).
     *
     * @param target destination
     */
    public void copyInto(NDArray target) {
        if (!Arrays.equals(shape, target.getShape().getShape())) {
            throw new IllegalArgumentException("shape mismatch: stored " + Arrays.toString(shape)
                    + ", target " + target.getShape());
        }
        target.set(data);
    }
}
