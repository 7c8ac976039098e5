package io.augment4j.trainer.tune;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The threads a {@link TrialExecutor} runs its trials on (daemon threads, so an abandoned study never keeps the JVM
 * alive) and the order in which the trials end: {@link #take} hands back whichever ended first.
 */
public final class TrialPool {
    private final ExecutorService threads;
    private final ExecutorCompletionService<TrialOutcome> done;
    private final Function<Throwable, RuntimeException> failure;

    /**
     * @param size threads, one per trial running at once
     * @param nameFormat the threads' names, {@code %d} their number
     * @param failure what {@link #take} throws for a trial whose thread ended in an exception (an {@link Error} is
     *     rethrown as it is)
     */
    public TrialPool(int size, String nameFormat, Function<Throwable, RuntimeException> failure) {
        this.threads = Executors.newFixedThreadPool(size,
                new ThreadFactoryBuilder().setNameFormat(nameFormat).setDaemon(true).build());
        this.done = new ExecutorCompletionService<>(threads);
        this.failure = failure;
    }

    /** Starts {@code trial} on a free thread, or queues it until one is free. */
    public void submit(Callable<TrialOutcome> trial) {
        done.submit(trial);
    }

    /** The outcome of the next trial to end, waiting for one if none has. */
    public TrialOutcome take() throws InterruptedException {
        try {
            return done.take().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw failure.apply(e.getCause());
        }
    }

    /** Interrupts the running trials and drops the queued ones. */
    public void shutdownNow() {
        threads.shutdownNow();
    }

    /** Lets the running trials end, up to {@code seconds}, and drops none of them. */
    public void shutdownAndWait(long seconds) {
        threads.shutdown();
        try {
            threads.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
