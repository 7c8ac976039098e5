package io.augment4j.trainer.loop;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One console progress bar per epoch with running loss, accuracy and examples/s, drawn only when
 * the JVM has a terminal: redirected to a file or a CI log, a bar redrawn in place turns into
 * noise, and the trainer's one line per epoch says the same.
 */
public final class ProgressBarListener implements LoopListener {

    private final boolean draw;
    private final PrintStream out;
    private ProgressBar bar;

    /** Draws on the console when {@link System#console()} says there is a terminal, else nothing. */
    public ProgressBarListener() {
        this(System.console() != null, null);
    }

    /** @param out where to draw the bars; null: draw nothing */
    public ProgressBarListener(PrintStream out) {
        this(out != null, out);
    }

    private ProgressBarListener(boolean draw, PrintStream out) {
        this.draw = draw;
        this.out = out;
    }

    @Override
    public void onEpochBegin(TrainingContext ctx, int epoch, int numBatches) {
        if (!draw) {
            return;
        }
        ProgressBarBuilder b = new ProgressBarBuilder();
        if (out != null) {
            b.setConsumer(new ConsoleProgressBarConsumer(out));
        }
        bar = b
                .setTaskName(String.format(Locale.ROOT, "Epoch %d/%d", epoch + 1, ctx.config().epochs()))
                .setInitialMax(numBatches)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .build();
    }

    @Override
    public void onBatchEnd(TrainingContext ctx, BatchStats s) {
        if (bar == null) {
            return;
        }
        bar.stepTo(s.batch() + 1L);
        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f acc %.4f %.0f ex/s",
                s.loss(), s.accuracy(), s.examplesPerSecond()));
    }

    @Override
    public void onEpochEnd(TrainingContext ctx, int epoch, Map<String, Double> logs) {
        if (bar != null) {
            StringBuilder sb = new StringBuilder();
            logs.forEach((k, v) -> {
                if (k.contains("loss") || k.contains("accuracy")) {
                    sb.append(String.format(Locale.ROOT, " %s %.4f", k, v));
                }
            });
            bar.setExtraMessage(sb.toString());
            bar.close();
            bar = null;
        }
    }

    @Override
    public void onTrainSuspended(TrainingContext ctx) {
        if (bar != null) {
            bar.setExtraMessage(" suspended");
            bar.close(); // ends the console line, so the next message starts on its own
            bar = null;
        }
    }
}
