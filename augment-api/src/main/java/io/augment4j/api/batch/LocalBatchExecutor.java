package io.augment4j.api.batch;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;

/** The default {@link BatchExecutor}: a fixed pool of daemon threads in this JVM. */
public final class LocalBatchExecutor implements BatchExecutor {
    private final int threads;

    /** A pool of {@code threads} threads (at least 1). */
    public LocalBatchExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public <R> void run(List<? extends BatchTask<R>> tasks, TaskListener<R> listener) throws InterruptedException {
        if (tasks.isEmpty()) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "aug-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), tf);
        try {
            List<Future<?>> futures = new ArrayList<>(tasks.size());
            for (BatchTask<R> task : tasks) {
                futures.add(pool.submit(() -> runOne(task, listener)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // runOne reports task failures itself; an error here is the listener's own failure
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> void runOne(BatchTask<R> task, TaskListener<R> listener) {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        R result;
        try {
            result = task.call();
        } catch (Exception e) {
            listener.failed(task, e);
            return;
        } catch (OutOfMemoryError e) {
            listener.failed(task, new IllegalStateException("out of memory (raise -Xmx, lower --threads or "
                    + "--max-pixels)", e));
            return;
        }
        listener.succeeded(task, result);
    }

    @Override
    public String describe() {
        return "local, " + threads + (threads == 1 ? " thread" : " threads");
    }
}
