package io.augment4j.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
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
        // Not target.set(float[]): DJL's native code for it enters a deprecated PyTorch mode that
        // prints a warning on the user's console. An indexed copy writes the same values quietly;
        // it is an in-place op on a weight, so it runs with autograd recording off.
        boolean recording = JniUtils.isGradMode();
        try (NDManager scratch = target.getManager().newSubManager()) {
            NDArray src = scratch.create(data, new Shape(shape));
            if (src.getDataType() != target.getDataType()) {
                src = src.toType(target.getDataType(), false);
            }
            JniUtils.setGradMode(false);
            target.set(new NDIndex("..."), src);
        } finally {
            JniUtils.setGradMode(recording);
        }
    }
}
