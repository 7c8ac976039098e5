package io.augment4j.trainer.run;

import io.augment4j.trainer.loop.LoopListener;
import io.augment4j.trainer.loop.TrainingContext;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** {@code aug train}'s console line per epoch: losses, errors, learning rate, time. */
record EpochPrinter(PrintStream out) implements LoopListener {
    @Override
    public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {
        boolean val = logs.containsKey("val_loss");
        out.printf(Locale.ROOT, "epoch %3d/%d  loss %.4f  error %6.2f %%%s  lr %.3g  %.1f s%n", epoch + 1,
                ctx.config().epochs(), logs.get("loss"), 100 * (1 - logs.get("accuracy")),
                val ? String.format(Locale.ROOT, "  val_loss %.4f  val_error %6.2f %%", logs.get("val_loss"),
                        100 * (1 - logs.get("val_accuracy"))) : "", logs.get("lr"), logs.get("epoch_time_s"));
        out.flush();
    }
}
