package io.augment4j.trainer.loop;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The NaN guard: throws {@link DivergedException} when a batch's loss or regularization cost is
 * NaN or infinite, before the weights are updated with that batch (as DJL's
 * {@code DivergenceCheckTrainingListener}). Place it first, so no other listener sees the batch.
 */
public final class DivergenceGuard implements LoopListener {

    @Override
    public void onBatchEnd(TrainingContext ctx, BatchStats s) {
        double loss = s.batchLoss();
        double reg = s.batchRegLoss();
        if (Double.isFinite(loss) && Double.isFinite(reg)) {
            return;
        }
        Path out = ctx.config().outputDir();
        String where = out == null
                ? "No checkpoint was written (no output folder)."
                : Checkpoint.exists(out)
                        ? "The last good checkpoint, " + Checkpoint.path(out)
                                + ", is kept; resume from it with a lower learning rate."
                        : "No epoch had completed, so there is no checkpoint yet.";
        throw new DivergedException(String.format(Locale.ROOT,
                "Training diverged: the %s is %s at epoch %d, batch %d (step %d, learning rate %.3g)."
                        + " The weights were not updated with this batch. %s Usual causes: learning"
                        + " rate too high, unnormalized or corrupt inputs (NaN pixels), or too weak"
                        + " numerical guards in a custom loss.",
                Double.isFinite(loss) ? "regularization cost" : "loss",
                Double.isFinite(loss) ? Double.toString(reg) : Double.toString(loss),
                s.epoch() + 1, s.batch() + 1, s.step() + 1, s.learningRate(), where));
    }
}
