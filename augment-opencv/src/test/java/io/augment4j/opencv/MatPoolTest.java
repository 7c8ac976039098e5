package io.augment4j.opencv;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class MatPoolTest {
    @Test
    void reusesBuffersOfTheSameShapeAndKeepsPoolingAfterManyShapes() {
        OpenCvRuntime.ensureLoaded();
        MatPool.clearThread();
        Mat a = MatPool.acquire(10, 12, CvType.CV_8UC3);
        MatPool.recycle(a);
        assertSame(a, MatPool.acquire(10, 12, CvType.CV_8UC3), "same shape: the same buffer comes back");
        MatPool.recycle(a);
        // Visit many shapes: the pool stays bounded and still pools the newest shape.
        for (int i = 1; i <= 60; i++) {
            MatPool.recycle(MatPool.acquire(i, i, CvType.CV_8UC1));
        }
        assertEquals(24, MatPool.pooledOnThisThread());
        Mat last = MatPool.acquire(60, 60, CvType.CV_8UC1);
        MatPool.recycle(last);
        assertSame(last, MatPool.acquire(60, 60, CvType.CV_8UC1));
        Mat other = MatPool.acquire(10, 12, CvType.CV_8UC1);
        assertNotSame(last, other);
        last.release();
        other.release();
        MatPool.clearThread();
        assertEquals(0, MatPool.pooledOnThisThread());
    }
}
