package io.augment4j.api.pipeline;

import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.geometry.FusableWarp;
import io.augment4j.api.TransformFailedException;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.testing.TestTransforms;
import io.augment4j.api.testing.TestTranslate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarpFusionTest {
    private final TransformRegistry registry = TransformRegistry.discover();
    private final Sample input = Sample.of(TestTransforms.randomImage(9, 11, 3, 4));

    private PipelineSpec spec(String secondSettings) {
        return PipelineSpec.of(
                Node.step("test_translate").withP(0.7),
                Node.step("test_translate", Map.of("limit", 3)).withP(0.7),
                Node.step("test_translate", Map.of("settings", secondSettings)).withP(0.7),
                Node.step("add_offset"),
                Node.step("test_translate"),
                Node.step("test_translate")).withSeed(11L);
    }

    @Test
    void consecutiveWarpsResampleOnceAndMatchTheUnfusedResult() {
        Pipeline fused = Pipeline.compile(spec("a"), registry);
        Pipeline plain = Pipeline.compile(spec("a"), registry, false);
        TestTranslate.WARPS.set(0);
        TestTranslate.APPLIES.set(0);
        int n = 300;
        for (int i = 0; i < n; i++) {
            // Integer shifts compose exactly, so one warp must give the same pixels as three.
            Applied f = fused.applyRecorded(input, i);
            Applied u = plain.applyRecorded(input, i);
            assertEquals(u.sample(), f.sample(), "sample " + i);
            assertEquals(plain.replayToJson(u.replay()), fused.replayToJson(f.replay()), "same parameters drawn");
        }
        // The trailing pair always fuses: at least one fused warp per sample, and fewer single applies than unfused.
        assertTrue(TestTranslate.WARPS.get() >= n, "warps " + TestTranslate.WARPS.get());
    }

    @Test
    void replayOfAFusedRunIsExact() {
        Pipeline fused = Pipeline.compile(spec("a"), registry);
        for (int i = 0; i < 100; i++) {
            Applied a = fused.applyRecorded(input, i);
            assertEquals(a.sample(), fused.replay(input, fused.replayFromJson(fused.replayToJson(a.replay()))));
        }
    }

    @Test
    void differentWarpSettingsAreNotFused() {
        Pipeline pl = Pipeline.compile(PipelineSpec.of(Node.step("test_translate"),
                Node.step("test_translate", Map.of("settings", "b"))), registry);
        TestTranslate.WARPS.set(0);
        TestTranslate.APPLIES.set(0);
        pl.apply(input, 0);
        assertEquals(0, TestTranslate.WARPS.get());
        assertEquals(2, TestTranslate.APPLIES.get());
    }

    @Test
    void aSingleAppliedStepRunsOnItsOwn() {
        Pipeline pl = Pipeline.compile(PipelineSpec.of(Node.step("test_translate"),
                Node.step("test_translate").withP(0)), registry);
        TestTranslate.WARPS.set(0);
        TestTranslate.APPLIES.set(0);
        pl.apply(input, 0);
        assertEquals(0, TestTranslate.WARPS.get());
        assertEquals(1, TestTranslate.APPLIES.get());
    }

    /** A fusable warp whose warpSettings() throws, as a broken plugin's might. */
    private static final class BrokenSettings implements TransformProvider {
        @Override
        public int spiVersion() {
            return SPI_VERSION;
        }

        @Override
        public List<TransformDescriptor> transforms() {
            return List.of(TransformDescriptor.of("broken_warp", "A warp whose settings throw.", List.of(),
                    p -> new ThrowingSettings()));
        }
    }

    /** Translates like {@link TestTranslate} but cannot say its settings. */
    private static final class ThrowingSettings implements FusableWarp<TestTranslate.Shift> {
        private final TestTranslate inner = new TestTranslate(1, null);

        @Override
        public TestTranslate.Shift sample(Sample input, Rng rng) {
            return inner.sample(input, rng);
        }

        @Override
        public Sample apply(Sample input, TestTranslate.Shift params) {
            return inner.apply(input, params);
        }

        @Override
        public Sample warp(Sample input, double[] matrix, int outWidth, int outHeight) {
            return inner.warp(input, matrix, outWidth, outHeight);
        }

        @Override
        public Class<TestTranslate.Shift> paramsType() {
            return TestTranslate.Shift.class;
        }

        @Override
        public Object warpSettings() {
            throw new IllegalStateException("settings not ready");
        }
    }

    @Test
    void aWarpWhoseSettingsThrowIsNamedNotAnInternalError() {
        TransformRegistry broken = TransformRegistry.builder().add(new BrokenSettings()).build();
        TransformFailedException e = assertThrows(TransformFailedException.class, () -> Pipeline.compile(
                PipelineSpec.of(Node.step("broken_warp"), Node.step("broken_warp")), broken));
        assertEquals("broken_warp", e.transform());
        assertTrue(e.getMessage().contains("giving its warp settings"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }
}
