package io.augment4j.trainer.optim;

/** The learning rate as a pure function of training progress (so resume needs no state). */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * @param step 0-based global step (batches done before this one)
     * @param epoch 0-based epoch
     * @return the learning rate for this step
     */
    double rate(long step, int epoch);
}
