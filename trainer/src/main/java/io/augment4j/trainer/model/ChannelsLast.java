package io.augment4j.trainer.model;

import ai.djl.ndarray.NDArray;

/**
 * Hands PyTorch an image batch in channels-last (NHWC) memory order while its shape stays
 * (N, C, H, W).
 *
 * <p>PyTorch on CPU chooses its kernels by the input's strides: a batch whose strides are NHWC
 * runs the convolutions, batch norm and max pooling of the whole network in oneDNN's
 * channels-last kernels, which on this project's 2-core machines made a conv32/conv64 training
 * step 1.6x faster than the default NCHW kernels (StepBenchmark; the NCHW max pool alone took a
 * quarter of the step). The values and the network's function are unchanged: only the memory order differs.
 * DJL has no memory-format API, so the order is set through a permuted view.
 */
public final class ChannelsLast {

    private ChannelsLast() {}

    /**
     * @param x a contiguous batch, (N, C, H, W)
     * @return the same values, shape (N, C, H, W), channels-last strides; {@code x} itself when
     *     it is not 4-D
     */
    public static NDArray view(NDArray x) {
        long[] s = x.getShape().getShape();
        if (s.length != 4) {
            return x;
        }
        if (s[1] == 1) {
            // One channel: NCHW and NHWC hold the same bytes; only the strides need to say NHWC.
            return x.reshape(s[0], s[2], s[3], 1).transpose(0, 3, 1, 2);
        }
        // Several channels: reorder the bytes once (reshape of a permuted view copies).
        return x.transpose(0, 2, 3, 1).reshape(s[0], s[2] * s[3] * s[1])
                .reshape(s[0], s[2], s[3], s[1]).transpose(0, 3, 1, 2);
    }
}
