package io.augment4j.trainer.loop;

/**
 * Figures after one training batch's forward and backward pass.
 *
 * @param epoch 0-based epoch
 * @param batch 0-based batch in the epoch
 * @param numBatches batches in the epoch
 * @param step 0-based global step of this batch
 * @param loss running mean data loss this epoch
 * @param regLoss running mean regularization cost this epoch
 * @param accuracy running train accuracy this epoch
 * @param examplesPerSecond throughput so far this epoch
 * @param learningRate rate used for this batch
 * @param batchLoss this batch's mean data loss
 * @param batchRegLoss this batch's regularization cost
 */
public record BatchStats(int epoch, int batch, int numBatches, long step, double loss,
        double regLoss, double accuracy, double examplesPerSecond, double learningRate,
        double batchLoss, double batchRegLoss) {}
