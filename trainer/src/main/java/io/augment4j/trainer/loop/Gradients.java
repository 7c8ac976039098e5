package io.augment4j.trainer.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The two engine calls DJL's public API lacks for a hand-written loop on PyTorch.
 *
 * <p>PyTorch accumulates gradients across backward passes and DJL 0.36 disabled
 * {@code GradientCollector.zeroGradients()} on PyTorch (its own optimizers zero each gradient
 * natively after the update), so an own optimizer must zero them itself. Grad mode is
 * thread-local in PyTorch: DJL turns it off only on the thread that loaded the engine, so the
 * training thread turns it off for itself (in-place updates of leaf weights need it off).
 */
final class Gradients {

    private Gradients() {}

    /** @param weight a parameter whose gradient to reset to zero, in place */
    static void zero(NDArray weight) {
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    /** Turns autograd recording off for the calling thread (outside gradient collectors). */
    static void gradModeOff() {
        JniUtils.setGradMode(false);
    }
}
