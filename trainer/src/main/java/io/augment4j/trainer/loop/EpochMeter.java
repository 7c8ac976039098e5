package io.augment4j.trainer.loop;

import io.augment4j.trainer.loader.BatchLoader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Running sums and clocks over one training epoch, and the epoch's row of the history. */
final class EpochMeter {

    private final int epoch;
    private final int numBatches;
    private final BatchLoader loader;
    private final long start = System.nanoTime();
    private final long waitStart;
    private double seconds;
    private double waitSeconds;
    private double loss;
    private double regLoss;
    private long correct;
    private long examples;
    private double lastRate;

    /** Starts the clocks: the epoch's time and the loader's waiting time. */
    EpochMeter(int epoch, BatchLoader loader) {
        this.epoch = epoch;
        this.numBatches = loader.numBatches();
        this.loader = loader;
        this.waitStart = loader.waitNanos();
    }

    int epoch() {
        return epoch;
    }

    /** Stops the clocks once the last batch has trained (validation is not counted). */
    void stopClock() {
        seconds = (System.nanoTime() - start) / 1e9;
        waitSeconds = (loader.waitNanos() - waitStart) / 1e9;
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
     * @return the history row, keys in the order of {@code history.csv}
     */
    Map<String, Double> logs(EvalMetrics val) {
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
