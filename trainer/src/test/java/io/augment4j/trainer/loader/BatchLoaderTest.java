package io.augment4j.trainer.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.api.AugmentException;
import io.augment4j.api.TransformFailedException;
import io.augment4j.trainer.data.SubsetImageSet;
import io.augment4j.trainer.TinyData;
import io.augment4j.trainer.data.ArrayImageSet;
import io.augment4j.trainer.data.Normalization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchLoaderTest {

    private final ArrayImageSet data = TinyData.bands(103, 3, 6, 2, 30, 1);
    private final int[] indices = IntStream.range(0, 103).filter(i -> i % 7 != 0).toArray();

    private List<HostBatch> epoch(int workers, ExampleAugmenter aug, int epoch) {
        try (BatchLoader l = new BatchLoader(data, indices, 10, true, 99, aug,
                Normalization.identity(2), workers, 3)) {
            List<HostBatch> out = new ArrayList<>();
            l.epoch(epoch).forEachRemaining(out::add);
            return out;
        }
    }

    @Test
    void batchesAreIdenticalWhateverTheThreadCount() {
        // a slow, jittery augmenter makes workers finish out of order
        ExampleAugmenter flip = TinyData.randomFlip();
        ExampleAugmenter jittery = (img, h, w, c, seed) -> {
            try {
                Thread.sleep(Math.floorMod(seed, 3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return flip.augment(img, h, w, c, seed);
        };
        List<HostBatch> serial = epoch(0, jittery, 2);
        for (int workers : new int[] {1, 4}) {
            List<HostBatch> parallel = epoch(workers, jittery, 2);
            assertEquals(serial.size(), parallel.size());
            for (int k = 0; k < serial.size(); k++) {
                assertArrayEquals(serial.get(k).data(), parallel.get(k).data(), "batch " + k);
                assertArrayEquals(serial.get(k).labels(), parallel.get(k).labels());
            }
        }
    }

    @Test
    void workersStartOnAnEpochAsSoonAsItIsAskedForAndStopAtThePrefetchLimit() throws Exception {
        // 3 batches of 10 are prefetched; the trainer asks for the next epoch before validating,
        // so those are ready by the time it takes the first one.
        CountDownLatch prefetched = new CountDownLatch(30);
        AtomicInteger built = new AtomicInteger();
        ExampleAugmenter counting = (img, h, w, c, seed) -> {
            built.incrementAndGet();
            prefetched.countDown();
            return img;
        };
        try (BatchLoader l = new BatchLoader(data, indices, 10, true, 99, counting,
                Normalization.identity(2), 2, 3)) {
            Iterator<HostBatch> it = l.epoch(0);
            assertTrue(prefetched.await(30, TimeUnit.SECONDS), "the first 3 batches are built before next()");
            Thread.sleep(200);
            assertEquals(30, built.get(), "no more than the prefetch limit is built ahead");
            assertEquals(10, it.next().size());
        }
    }

    @Test
    void everyExampleOncePerEpochInASeededOrder() {
        List<HostBatch> e0 = epoch(2, null, 0);
        int[] seen = e0.stream().flatMapToInt(b -> Arrays.stream(b.indices())).sorted().toArray();
        assertArrayEquals(indices, seen);
        assertEquals(8, e0.get(e0.size() - 1).size(), "last batch is partial (88 examples)");
        int[] order0 = e0.stream().flatMapToInt(b -> Arrays.stream(b.indices())).toArray();
        int[] order1 = epoch(2, null, 1).stream().flatMapToInt(b -> Arrays.stream(b.indices())).toArray();
        assertFalse(Arrays.equals(order0, order1), "each epoch is reshuffled");
        int[] again = epoch(3, null, 1).stream().flatMapToInt(b -> Arrays.stream(b.indices())).toArray();
        assertArrayEquals(order1, again, "same seed and epoch, same order");
    }

    @Test
    void augmentsOnlyWhenGivenAnAugmenterWithPerSampleSeeds() {
        AtomicInteger calls = new AtomicInteger();
        List<Long> seeds = java.util.Collections.synchronizedList(new ArrayList<>());
        ExampleAugmenter counting = (img, h, w, c, seed) -> {
            calls.incrementAndGet();
            seeds.add(seed);
            return img;
        };
        epoch(2, counting, 0);
        assertEquals(indices.length, calls.get());
        assertEquals(indices.length, seeds.stream().distinct().count(), "one seed per example");
        epoch(2, counting, 1);
        assertEquals(2L * indices.length, seeds.stream().distinct().count(), "new seeds each epoch");
    }

    @Test
    void unshuffledLoaderKeepsOrderAndNormalizesToChw() {
        Normalization n = new Normalization(new float[] {10, 20}, new float[] {2, 4});
        try (BatchLoader l = new BatchLoader(data, indices, 50, false, 1, null, n, 1, 1)) {
            Iterator<HostBatch> it = l.epoch(5);
            HostBatch b = it.next();
            assertArrayEquals(Arrays.copyOf(indices, 50), b.indices());
            float[] hwc = new float[72];
            data.image(indices[0], hwc);
            assertEquals((hwc[0] - 10) / 2, b.data()[0], 1e-6);   // c0, pixel 0
            assertEquals((hwc[1] - 20) / 4, b.data()[36], 1e-6);  // c1, pixel 0
            assertTrue(it.hasNext());
            assertTrue(l.waitNanos() > 0);
        }
    }

    @Test
    void aUserErrorInAWorkerReachesTheCallerAsItself() {
        AugmentException bad = new AugmentException("data/cat/7.png: the file is empty (0 bytes), not an image");
        ExampleAugmenter failing = (img, h, w, c, seed) -> {
            throw bad;
        };
        for (int workers : new int[] {0, 2}) {
            assertSame(bad, assertThrows(AugmentException.class, () -> epoch(workers, failing, 0)));
        }
    }

    @Test
    void aFailingTransformNamesTheExampleItFailedOn() {
        // The loader sees example 0 of a subset; the message names example 42 of the full set it comes from.
        SubsetImageSet subset = new SubsetImageSet(TinyData.bands(50, 3, 6, 2, 30, 1), new int[] {42});
        ExampleAugmenter boom = (img, h, w, c, seed) -> {
            throw new TransformFailedException("acme.boom", "acme-1.0.jar", "applying", null,
                    new IllegalStateException("bad pixel"));
        };
        try (BatchLoader l = new BatchLoader(subset, new int[] {0}, 1, false, 1, boom,
                Normalization.identity(2), 1, 2)) {
            TransformFailedException e = assertThrows(TransformFailedException.class, () -> l.epoch(0).next());
            assertEquals("example 42", e.source());
            assertTrue(e.getMessage().contains("'acme.boom' (from acme-1.0.jar) failed on example 42"), e.getMessage());
        }
    }
}
