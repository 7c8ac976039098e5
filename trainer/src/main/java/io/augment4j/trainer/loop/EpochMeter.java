package io.augment4j.trainer.loop;

import java.util.LinkedHashMap;
import java.util.Map;

/** Running sums over one training epoch, and the epoch's row of the history. */
final class EpochMeter {

    private final int epoch;
    private final int numBatches;
    private final long start = System.nanoTime();
    private double loss;
    private double regLoss;
    private long correct;
    private long examples;
    private double lastRate;

    EpochMeter(int epoch, int numBatches) {
        this.epoch = epoch;
        this.numBatches = numBatches;
    }

    /** Adds one batch of {@code m} examples; returns the running figures. */
    BatchStats add(BatchStep.Result r, int m, int batch, long step, double lr) {
        loss += r.loss() * m;
        regLoss += r.reg() * m;
        correct += r.correct();
        examples += m;
        lastRate = lr;
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new BatchStats(epoch, batch, numBatches, step, loss / examples, regLoss / examples,
                (double) correct / examples, examples / elapsed, lr, r.loss(), r.reg());
    }

    /**
     * @param val validation metrics, or null when the validation split is empty
     * @param seconds training time of the epoch (validation excluded)
     * @param waitSeconds of which spent waiting for the loader
     * @return the history row, keys in the order of {@code history.csv}
     */
    Map<String, Double> logs(EvalMetrics val, double seconds, double waitSeconds) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("epoch", (double) (epoch + 1));
        logs.put("loss", loss / examples);
        logs.put("reg_loss", regLoss / examples);
        logs.put("accuracy", (double) correct / examples);
        if (val != null) {
            logs.put("val_loss", val.loss());
            logs.put("val_accuracy", val.accuracy());
        }
        logs.put("lr", lastRate);
        logs.put("epoch_time_s", seconds);
        logs.put("data_wait_s", waitSeconds);
        logs.put("examples_per_s", examples / seconds);
        return logs;
    }
}
