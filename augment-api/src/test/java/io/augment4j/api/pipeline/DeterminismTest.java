package io.augment4j.api.pipeline;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.testing.TestTransforms;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminismTest {
    private final Pipeline pipeline = Pipeline.compile(PipelineSpec.of(
            Node.step("test_hflip").withP(0.5),
            Node.someOf(2, Node.step("add_offset", Map.of("offset", 30, "per_channel", true)),
                    Node.step("add_offset", Map.of("offset", List.of(-50, -10))),
                    Node.step("test_hflip")),
            Node.oneOf(Node.step("add_offset", Map.of("offset", 5)).withP(0.7), Node.step("test_hflip"))
    ).withSeed(99L), TransformRegistry.discover());

    private static final List<Sample> INPUTS = new ArrayList<>();

    static {
        for (int i = 0; i < 32; i++) {
            INPUTS.add(Sample.of(TestTransforms.randomImage(8, 8, 3, i)));
        }
    }

    private Sample run(int i) {
        return pipeline.apply(INPUTS.get(i % INPUTS.size()), i);
    }

    @Test
    void sameSeedSameOutputBitForBit() {
        Pipeline again = Pipeline.compile(pipeline.spec(), TransformRegistry.discover());
        for (int i = 0; i < 500; i++) {
            assertEquals(run(i), again.apply(INPUTS.get(i % INPUTS.size()), i));
        }
    }

    @Test
    void seedChangesTheOutput() {
        Pipeline other = pipeline.withSeed(100);
        int differ = 0;
        for (int i = 0; i < 200; i++) {
            differ += run(i).equals(other.apply(INPUTS.get(i % INPUTS.size()), i)) ? 0 : 1;
        }
        assertTrue(differ > 100, "differ=" + differ);
        assertNotEquals(Rng.forSample(99, 1).nextLong(), Rng.forSample(100, 1).nextLong());
    }

    @Test
    void eightThreadsSharingOnePipelineReproduceTheSingleThreadedOutput() throws Exception {
        int n = 4000;
        List<Sample> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(run(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Sample>> futures = new ArrayList<>();
            // Submit in reverse order so thread scheduling differs from the sequential run.
            for (int i = n - 1; i >= 0; i--) {
                int idx = i;
                futures.add(pool.submit(() -> run(idx)));
            }
            for (int i = 0; i < n; i++) {
                assertEquals(expected.get(n - 1 - i), futures.get(i).get(), "sample " + (n - 1 - i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void inputIsNeverModified() {
        ArrayImage original = (ArrayImage) INPUTS.get(0).image();
        byte[] before = original.copyBytes();
        for (int i = 0; i < 100; i++) {
            pipeline.apply(INPUTS.get(0), i);
        }
        assertEquals(ArrayImage.wrapBytes(8, 8, 3, before), original);
    }
}
