package io.augment4j.trainer.loader;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Rng;
import io.augment4j.api.TransformFailedException;
import io.augment4j.trainer.Seeds;
import io.augment4j.trainer.data.ImageSet;
import io.augment4j.trainer.data.Normalization;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Assembles normalized (and, for training, augmented) mini-batches in worker threads, with a
 * bounded number of batches prefetched ahead of the trainer.
 *
 * <p>Batches come out in order: batch {@code k} of an epoch is always the same examples with
 * the same augmentation, whatever the number of threads or their timing, because the epoch
 * order is a seeded shuffle of (seed, epoch) and each example's augmentation seed is derived
 * from (seed, epoch, example index). Each batch is one task; the trainer takes the oldest
 * future, then submits the next batch, so at most {@code prefetch} batches are in flight and
 * memory stays bounded.
 *
 * <p>The time the trainer spends blocked in {@link Iterator#next()} is accumulated in
 * {@link #waitNanos()}: the share of an epoch spent waiting for data.
 */
public final class BatchLoader implements AutoCloseable {

    private final ImageSet data;
    private final int[] indices;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final ExampleAugmenter augmenter;
    private final Normalization normalization;
    private final int prefetch;
    private final ExecutorService pool;
    private long waitNanos;

    /**
     * @param data the dataset
     * @param indices the examples to serve (a split)
     * @param batchSize examples per batch
     * @param shuffle shuffle per epoch (train) or keep order (evaluation)
     * @param seed run seed
     * @param augmenter augmentation, or null for none (val, test, inference)
     * @param normalization applied to every example
     * @param workers worker threads (0: assemble in the caller's thread)
     * @param prefetch batches in flight ahead of the consumer (at least 1)
     */
    public BatchLoader(ImageSet data, int[] indices, int batchSize, boolean shuffle, long seed,
            ExampleAugmenter augmenter, Normalization normalization, int workers, int prefetch) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.data = data;
        this.indices = indices.clone();
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.augmenter = augmenter;
        this.normalization = normalization;
        this.prefetch = Math.max(1, prefetch);
        // daemon threads: never keep the JVM alive because a run was abandoned
        this.pool = workers <= 0 ? null : Executors.newFixedThreadPool(workers,
                new ThreadFactoryBuilder().setNameFormat("batch-loader-%d").setDaemon(true).build());
    }

    /** @return batches per epoch (the last may be partial) */
    public int numBatches() {
        return (indices.length + batchSize - 1) / batchSize;
    }

    /** @return examples per epoch */
    public int numExamples() {
        return indices.length;
    }

    /** @return nanoseconds the consumer spent blocked waiting for batches, since creation */
    public long waitNanos() {
        return waitNanos;
    }

    /**
     * The example order of one epoch: a seeded shuffle of (seed, epoch), so a resumed run sees
     * the same order.
     *
     * @param epoch epoch number
     * @return dataset indices in the order they will be served
     */
    public int[] order(int epoch) {
        int[] order = indices.clone();
        if (shuffle) {
            Rng.of(seed, Seeds.SHUFFLE, epoch).shuffle(order);
        }
        return order;
    }

    /**
     * Starts serving one epoch: the workers start on its first batches at once, so asking for
     * the next epoch before validating the last one hides its start-up. Iterate one epoch at a
     * time.
     *
     * @param epoch epoch number (drives shuffle and augmentation seeds)
     * @return the epoch's batches, in order
     */
    public Iterator<HostBatch> epoch(int epoch) {
        int[] order = order(epoch);
        int total = numBatches();
        return new Iterator<>() {
            private final ArrayDeque<Future<HostBatch>> inFlight = new ArrayDeque<>();
            private int submitted;
            private int taken;

            {
                if (pool != null) {
                    fill();
                }
            }

            @Override
            public boolean hasNext() {
                return taken < total;
            }

            @Override
            public HostBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long t0 = System.nanoTime();
                try {
                    if (pool == null) {
                        return build(order, taken++, epoch);
                    }
                    fill();
                    HostBatch b = inFlight.poll().get();
                    taken++;
                    fill(); // refill at once so workers stay busy while the trainer computes
                    return b;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a batch", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AugmentException user) {
                        throw user; // a bad image file or spec: its message names it, print it as is
                    }
                    throw new IllegalStateException("building batch " + taken + " of epoch " + epoch
                            + " failed: " + e.getCause(), e.getCause());
                } finally {
                    waitNanos += System.nanoTime() - t0;
                }
            }

            private void fill() {
                while (submitted < total && inFlight.size() < prefetch) {
                    int k = submitted++;
                    inFlight.add(pool.submit(() -> build(order, k, epoch)));
                }
            }
        };
    }

    private HostBatch build(int[] order, int k, int epoch) {
        int from = k * batchSize;
        int m = Math.min(batchSize, order.length - from);
        int h = data.height();
        int w = data.width();
        int c = data.channels();
        int px = h * w * c;
        float[] out = new float[m * px];
        long[] labels = new long[m];
        int[] idx = new int[m];
        float[] buf = new float[px];
        for (int i = 0; i < m; i++) {
            int ex = order[from + i];
            data.image(ex, buf);
            float[] img = buf;
            if (augmenter != null) {
                try {
                    img = augmenter.augment(buf, h, w, c, ExampleAugmenter.seedFor(seed, epoch, ex));
                } catch (TransformFailedException e) {
                    throw e.on(data.describe(ex)); // a plugin's failure names the training image it failed on
                }
                if (img.length != px) {
                    throw new IllegalStateException("augmenter changed the image size: "
                            + img.length + " values, expected " + px);
                }
            }
            normalization.toChw(img, out, i * px);
            labels[i] = data.label(ex);
            idx[i] = ex;
        }
        return new HostBatch(out, labels, idx, m, c, h, w);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
