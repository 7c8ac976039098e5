package io.augment4j.trainer.tune;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A study's progress on the console. As lines (a redirected output, a CI log): a line when a trial
 * starts, after each of its epochs, and when it ends. As a bar (a terminal): a line per ended trial
 * only, under one bar that counts ended trials and names each running trial with its last epoch;
 * a bar redrawn in place would be noise in a log, hence the rule of {@code ProgressBarListener}.
 * Thread-safe.
 */
final class StudyProgress implements AutoCloseable {

    private final PrintStream out;
    private final String metric;
    private final boolean bar;
    private final int total;
    /** ANSI: erase the line (a bar is drawn only on a terminal). */
    private static final String ERASE_LINE = "\u001b[K";
    private final Map<Integer, String> running = new TreeMap<>();
    private int ended;
    private ProgressBar drawn;

    /**
     * @param out the console
     * @param metric the monitored metric, named once on the bar
     * @param bar draw a bar (a terminal), else print lines
     * @param total trials in all
     * @param ended trials that ended before (a resume)
     */
    StudyProgress(PrintStream out, String metric, boolean bar, int total, int ended) {
        this.out = out;
        this.metric = metric;
        this.bar = bar;
        this.total = total;
        this.ended = ended;
    }

    /** @return whether it draws a bar (then the trials draw none of their own) */
    boolean bar() {
        return bar;
    }

    synchronized void started(int number, String line) {
        if (!bar) {
            out.println(line);
            return;
        }
        running.put(number, "#" + number + " ep.0");
        redraw();
    }

    /** @param state its last epoch and value, for the bar: {@code "ep.2 0.41"} */
    synchronized void epoch(int number, String line, String state) {
        if (!bar) {
            out.println(line);
            return;
        }
        running.put(number, "#" + number + " " + state);
        redraw();
    }

    synchronized void ended(int number, String line) {
        running.remove(number);
        if (!bar) {
            out.println(line);
            return;
        }
        ended++;
        // One write: back to the start of the bar's line, erase it, print the line; the bar redraws below.
        out.print("\r" + ERASE_LINE + line + System.lineSeparator());
        redraw();
    }

    private void redraw() {
        if (drawn == null) {
            drawn = new ProgressBarBuilder().setTaskName("Trials").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(out))
                    .setUpdateIntervalMillis(1000).continuousUpdate().clearDisplayOnFinish()
                    .startsFrom(ended, Duration.ZERO).build();
        }
        drawn.stepTo(ended);
        drawn.setExtraMessage(running.isEmpty() ? "" : " running (" + metric + "): "
                + String.join(", ", running.values()));
        drawn.refresh();
    }

    @Override
    public synchronized void close() {
        if (drawn != null) {
            drawn.close(); // takes the bar off the screen
            drawn = null;
        }
    }
}
