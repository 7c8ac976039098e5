package io.augment4j.plugins.pixel;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Applied;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.pipeline.Replay;
import io.augment4j.api.registry.TransformRegistry;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The plugin seen from outside: discovered through ServiceLoader, used by name in a pipeline. */
class PixelEffectsTest {
    private final TransformRegistry registry = TransformRegistry.discover();
    private final ArrayImage rgba = ArrayImage.ofBytes(1, 2, 4, new byte[] {0, 100, (byte) 200, 7, (byte) 255, (byte) 130, 1, (byte) 250});

    private ArrayImage run(Node node, long index) {
        return Pipeline.compile(PipelineSpec.of(node), registry).apply(Sample.of(rgba), index).image().toArrayImage();
    }

    @Test
    void registeredThroughServiceLoaderWithItsProvider() {
        for (String name : List.of("invert", "posterize", "solarize")) {
            assertEquals(PixelEffectsProvider.class.getName(), registry.get(name).provider().className());
        }
    }

    @Test
    void invertKeepsAlphaAndIsItsOwnInverse() {
        ArrayImage once = run(Node.step("invert"), 0);
        assertEquals(ArrayImage.ofBytes(1, 2, 4, new byte[] {(byte) 255, (byte) 155, 55, 7, 0, 125, (byte) 254, (byte) 250}), once);
        assertEquals(rgba, Pipeline.compile(PipelineSpec.of(Node.step("invert"), Node.step("invert")), registry)
                .apply(Sample.of(rgba), 0).image());
    }

    @Test
    void solarizeInvertsOnlyAboveTheThreshold() {
        ArrayImage out = run(Node.step("solarize", Map.of("threshold", List.of(128, 128))), 0);
        assertEquals(ArrayImage.ofBytes(1, 2, 4, new byte[] {0, 100, 55, 7, 0, 125, 1, (byte) 250}), out);
    }

    @Test
    void posterizeDrawsWholeBitCountsOverTheRange() {
        Pipeline pl = Pipeline.compile(PipelineSpec.of(Node.step("posterize", Map.of("bits", List.of(1, 3)))), registry);
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Applied a = pl.applyRecorded(Sample.of(rgba), i);
            double bits = ((PointEffect.Level) ((Replay.OfStep) ((Replay.OfSequence) a.replay()).steps().get(0)).params()).value();
            seen.add(bits);
            int mask = 0xFF << (8 - (int) bits) & 0xFF;
            assertEquals((130 & mask), (int) a.sample().image().toArrayImage().get(0, 1, 1));
        }
        assertEquals(Set.of(1.0, 2.0, 3.0), seen);
    }
}
