package io.augment4j.opencv.color;

import io.augment4j.opencv.MatPool;
import org.opencv.core.Mat;

/**
 * The {@link MatPool} as this package uses it, counting per thread the Mats taken and not given back. Each
 * {@code process} call must leave exactly one more outstanding (the result, which the caller owns); the tests check
 * that over thousands of calls, which proves no temporary leaks.
 */
final class Mats {
    private static final ThreadLocal<long[]> OUTSTANDING = ThreadLocal.withInitial(() -> new long[1]);

    private Mats() {
    }

    static Mat acquire(int rows, int cols, int type) {
        Mat m = MatPool.acquire(rows, cols, type);
        OUTSTANDING.get()[0]++;
        return m;
    }

    static void recycle(Mat m) {
        OUTSTANDING.get()[0]--;
        MatPool.recycle(m);
    }

    /** Mats this thread took through this class and did not give back through it. */
    static long outstanding() {
        return OUTSTANDING.get()[0];
    }
}
