package io.augment4j.trainer.loader;

/**
 * One mini-batch on the Java heap, ready to copy into an NDArray.
 *
 * <p>Kept as plain arrays so worker threads never touch DJL: NDArrays are created only by the
 * training thread, in its per-batch manager, which keeps ownership simple.
 *
 * @param data normalized pixels, NCHW
 * @param labels class index per example
 * @param indices dataset index per example
 * @param size examples in this batch (the last batch may be smaller)
 * @param channels C
 * @param height H
 * @param width W
 */
public record HostBatch(
        float[] data, long[] labels, int[] indices, int size, int channels, int height, int width) {}
