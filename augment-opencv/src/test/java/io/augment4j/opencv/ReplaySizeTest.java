package io.augment4j.opencv;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Applied;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.Replay;
import io.augment4j.opencv.geometric.GeoTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay onto an image of another size: size-bound parameters are refused, the others apply as recorded. */
class ReplaySizeTest {
    private static final ArrayImage RECORDED = TestImages.photo(40, 52, 5);
    private static final ArrayImage OTHER = TestImages.photo(30, 52, 6);

    private static Applied record(Pipeline p) {
        return p.applyRecorded(Sample.of(RECORDED), 1);
    }

    @Test
    void sizeBoundTransformsReplayExactlyOnTheRecordedSizeAndAreRefusedOnAnother() {
        Map<String, Map<String, Object>> sizeBound = Map.ofEntries(
                Map.entry("hflip", Map.of()), Map.entry("rotate", Map.of()), Map.entry("shear", Map.of()),
                Map.entry("affine", Map.of()), Map.entry("perspective", Map.of()),
                Map.entry("random_crop", Map.of("fraction", 0.8)), Map.entry("center_crop", Map.of("fraction", 0.8)),
                Map.entry("random_resized_crop", Map.of("height", 16, "width", 16)),
                Map.entry("resize", Map.of("height", 20, "width", 20)),
                Map.entry("pad_if_needed", Map.of("min_height", 64)), Map.entry("cutout", Map.of()),
                Map.entry("random_erasing", Map.of()), Map.entry("elastic", Map.of()));
        sizeBound.forEach((name, params) -> {
            Pipeline p = GeoTestSupport.pipeline(3, Node.step(name, params));
            Applied a = record(p);
            assertEquals(a.sample().image(), p.replay(Sample.of(RECORDED), a.replay()).image(), name);
            AugmentException e = assertThrows(AugmentException.class,
                    () -> p.replay(Sample.of(OTHER), p.replayFromJson(p.replayToJson(a.replay()))), name);
            assertEquals("cannot replay transform '" + name + "' on a 30x52 image (height x width): its parameters "
                    + "were recorded on a 40x52 image and hold pixel positions of that size; replay onto an image of "
                    + "the recorded size", e.getMessage());
        });
    }

    @Test
    void aFusedRunIsRefusedAtItsFirstStep() {
        Pipeline p = GeoTestSupport.pipeline(3, Node.step("rotate"), Node.step("shear"), Node.step("hflip"));
        Applied a = record(p);
        assertEquals(a.sample().image(), p.replay(Sample.of(RECORDED), a.replay()).image());
        AugmentException e = assertThrows(AugmentException.class, () -> p.replay(Sample.of(OTHER), a.replay()));
        assertTrue(e.getMessage().startsWith("cannot replay transform 'rotate' on a 30x52 image"), e.getMessage());
    }

    @Test
    void transformsWithoutPixelPositionsReplayOnAnySize() {
        for (String name : List.of("gamma", "rgb_shift", "gaussian_noise", "gaussian_blur", "grid_distortion",
                "optical_distortion", "channel_shuffle")) {
            Pipeline p = GeoTestSupport.pipeline(3, Node.step(name));
            Applied a = record(p);
            Object params = ((Replay.OfStep) ((Replay.OfSequence) a.replay()).steps().get(0)).params();
            ArrayImage expected = GeoTestSupport.apply(GeoTestSupport.create(name, Map.of()), OTHER, params);
            assertEquals(expected, p.replay(Sample.of(OTHER), a.replay()).image(), name);
            assertEquals(30, expected.height(), name);
        }
    }
}
