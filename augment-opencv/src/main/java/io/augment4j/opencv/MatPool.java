package io.augment4j.opencv;

import org.opencv.core.Mat;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A per-thread pool of native {@link Mat} buffers keyed by shape and type, so a pipeline that processes image after
 * image of the same size allocates nothing in steady state (a fresh 3-5 MB buffer per call costs hundreds of page
 * faults at 512x512). Buffers come back when the {@link MatImage} holding them is closed.
 *
 * <p>Each thread has its own pool, so no locking; a Mat closed on another thread simply joins that thread's pool.
 * Pools are bounded: surplus buffers are released at once.
 */
public final class MatPool {
    private static final int MAX_PER_SHAPE = 4;
    private static final int MAX_TOTAL = 24;
    private static final ThreadLocal<MatPool> POOLS = ThreadLocal.withInitial(MatPool::new);
    /** Per thread: Mats handed out by acquire and not yet given back by recycle (leak checks in tests). */
    private static final ThreadLocal<long[]> OUTSTANDING = ThreadLocal.withInitial(() -> new long[1]);

    // Access-ordered, so the least recently used shape is evicted first when the pool is full.
    private final LinkedHashMap<Long, ArrayDeque<Mat>> free = new LinkedHashMap<>(16, 0.75f, true);
    private int total;

    private MatPool() {
    }

    private static long key(int rows, int cols, int type) {
        return ((long) rows << 40) ^ ((long) cols << 16) ^ type;
    }

    /** A Mat of the given shape and type, reused when one is free; its contents are undefined. */
    public static Mat acquire(int rows, int cols, int type) {
        OUTSTANDING.get()[0]++;
        return POOLS.get().take(rows, cols, type);
    }

    /** Gives a Mat back for reuse (or releases it when the pool is full). The caller must not use it again. */
    public static void recycle(Mat mat) {
        OUTSTANDING.get()[0]--;
        POOLS.get().give(mat);
    }

    /**
     * Mats this thread acquired and did not recycle: a transform's {@code process} must leave exactly one more (its
     * result, owned by the caller), so tests can prove over many calls that no temporary leaks.
     */
    public static long outstandingOnThisThread() {
        return OUTSTANDING.get()[0];
    }

    /**
     * A pooled Mat of the given shape filled by {@code writer}; if the writer throws, the Mat goes back to the pool
     * before the exception propagates, so a failing transform leaks nothing.
     */
    public static Mat produce(int rows, int cols, int type, java.util.function.Consumer<Mat> writer) {
        Mat dst = acquire(rows, cols, type);
        try {
            writer.accept(dst);
            return dst;
        } catch (RuntimeException | Error e) {
            recycle(dst);
            throw e;
        }
    }

    /** Releases every pooled Mat of the calling thread. */
    public static void clearThread() {
        POOLS.get().clear();
    }

    private Mat take(int rows, int cols, int type) {
        ArrayDeque<Mat> q = free.get(key(rows, cols, type));
        if (q != null && !q.isEmpty()) {
            total--;
            return q.pop();
        }
        return new Mat(rows, cols, type);
    }

    private void give(Mat mat) {
        // Only whole, continuous buffers of their own are reusable; views (submat) just drop their reference.
        if (mat.empty() || !mat.isContinuous() || mat.isSubmatrix()) {
            mat.release();
            return;
        }
        ArrayDeque<Mat> q = free.computeIfAbsent(key(mat.rows(), mat.cols(), mat.type()), k -> new ArrayDeque<>());
        if (q.size() >= MAX_PER_SHAPE) {
            mat.release();
            return;
        }
        if (total >= MAX_TOTAL) {
            evictLeastRecentlyUsed();
        }
        q.push(mat);
        total++;
    }

    /** Releases one buffer of the shape used longest ago, so a thread that moves on to new sizes keeps pooling. */
    private void evictLeastRecentlyUsed() {
        Iterator<Map.Entry<Long, ArrayDeque<Mat>>> it = free.entrySet().iterator();
        while (it.hasNext()) {
            ArrayDeque<Mat> q = it.next().getValue();
            if (!q.isEmpty()) {
                q.pollLast().release();
                total--;
                if (q.isEmpty()) {
                    it.remove();
                }
                return;
            }
            it.remove();
        }
    }

    /** Buffers pooled on the calling thread (for tests and diagnostics). */
    static int pooledOnThisThread() {
        return POOLS.get().total;
    }

    private void clear() {
        free.values().forEach(q -> q.forEach(Mat::release));
        free.clear();
        total = 0;
    }
}
