package io.augment4j.trainer.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The engine calls DJL's public API lacks for a hand-written loop on PyTorch.
 *
 * <p>PyTorch accumulates gradients across backward passes and DJL 0.36 disabled
 * {@code GradientCollector.zeroGradients()} on PyTorch (its own optimizers zero each gradient
 * natively after the update), so an own optimizer must zero them itself. Grad mode is
 * thread-local in PyTorch: DJL turns it off only on the thread that loaded the engine, so the
 * training thread turns it off for itself (in-place updates of leaf weights need it off).
 *
 * <p>{@link Recorder} does what DJL's {@code PtGradientCollector} does, without its process-wide
 * "one collector at a time" flag: PyTorch's grad mode is per thread, so several loops (the trials
 * of a tuning study) may record gradients at once, each in its own thread.
 */
final class Gradients {

    private Gradients() {}

    /** @param weight a parameter whose gradient to reset to zero, in place */
    static void zero(NDArray weight) {
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    /** Records the calling thread's operations for a backward pass, from creation to close. */
    static final class Recorder implements AutoCloseable {

        Recorder() {
            JniUtils.setGradMode(true);
        }

        /** @param target a scalar to differentiate: gradients accumulate on the weights */
        void backward(NDArray target) {
            NDArray ones = target.getManager().ones(target.getShape(), target.getDataType());
            JniUtils.backward((PtNDArray) target, (PtNDArray) ones, false, false);
        }

        @Override
        public void close() {
            JniUtils.setGradMode(false);
        }
    }

    /** Turns autograd recording off for the calling thread (outside gradient collectors). */
    static void gradModeOff() {
        JniUtils.setGradMode(false);
    }
}
