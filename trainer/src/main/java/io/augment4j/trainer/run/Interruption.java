package io.augment4j.trainer.run;

import io.augment4j.trainer.loop.BatchStats;
import io.augment4j.trainer.loop.LoopListener;
import io.augment4j.trainer.loop.TrainingContext;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (or a caller's stop flag) during {@code aug train}: a listener turns the request into
 * {@link TrainingContext#requestStop} at the next batch or epoch start, which suspends the run
 * after the current batch; the shutdown hook waits until the run has unwound and said how to
 * resume.
 */
final class Interruption {

    /** The stop reason the listener gives; the run reports it as an interruption. */
    static final String REASON = "interrupted";

    private final AtomicBoolean requested;
    private final PrintStream out;
    private final CountDownLatch done = new CountDownLatch(1);
    volatile boolean training;
    volatile boolean acknowledged;
    volatile Path runDir;

    Interruption(AtomicBoolean requested, PrintStream out) {
        this.requested = requested;
        this.out = out;
    }

    /** Runs in the shutdown hook: ask the loop to stop, wait until it has unwound. */
    void onSignal() {
        requested.set(true);
        if (training) {
            try {
                done.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!acknowledged && runDir != null && done.getCount() > 0) {
            out.println();
            out.println("interrupted: resume with aug train --resume " + runDir);
            out.flush();
        }
    }

    /** The run has printed how to resume (or finished): the hook may let the JVM exit. */
    void acknowledge() {
        acknowledged = true;
        done.countDown();
    }

    /** The run is over, in any way. */
    void done() {
        done.countDown();
    }

    /** @return the listener that stops the loop once a stop was requested */
    LoopListener listener() {
        return new LoopListener() {
            @Override
            public void onEpochBegin(TrainingContext ctx, int epoch, int numBatches) {
                check(ctx);
            }

            @Override
            public void onBatchEnd(TrainingContext ctx, BatchStats stats) {
                check(ctx);
            }

            private void check(TrainingContext ctx) {
                if (requested.get()) {
                    ctx.requestStop(REASON);
                }
            }
        };
    }
}
