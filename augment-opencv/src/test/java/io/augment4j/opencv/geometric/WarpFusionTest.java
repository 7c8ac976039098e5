package io.augment4j.opencv.geometric;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Applied;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.opencv.TestImages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consecutive geometric steps resample once, by the product of their matrices. */
class WarpFusionTest {
    private final TransformRegistry registry = TransformRegistry.discover();
    private final ArrayImage photo = TestImages.photo(96, 128, 3);

    private PipelineSpec chain() {
        return PipelineSpec.of(
                Node.step("hflip").withP(0.5),
                Node.step("rotate", Map.of("limit", 15)),
                Node.step("shear", Map.of("x", 10)),
                Node.step("random_crop", Map.of("fraction", 0.8, "resize_back", true)),
                Node.step("brightness")).withSeed(21L);
    }

    private static double meanAbsDiff(ArrayImage a, ArrayImage b, int margin) {
        double s = 0;
        int n = 0;
        for (int y = margin; y < a.height() - margin; y++) {
            for (int x = margin; x < a.width() - margin; x++) {
                for (int c = 0; c < a.channels(); c++) {
                    s += Math.abs(a.get(y, x, c) - b.get(y, x, c));
                    n++;
                }
            }
        }
        return s / n;
    }

    @Test
    void fusedAndStepByStepAgreeUpToInterpolationAndDrawTheSameParameters() {
        Pipeline fused = Pipeline.compile(chain(), registry);
        Pipeline plain = Pipeline.compile(chain(), registry, false);
        for (int i = 0; i < 20; i++) {
            Applied f = fused.applyRecorded(Sample.of(photo), i);
            Applied p = plain.applyRecorded(Sample.of(photo), i);
            assertEquals(plain.replayToJson(p.replay()), fused.replayToJson(f.replay()));
            ArrayImage a = f.sample().image().toArrayImage();
            ArrayImage b = p.sample().image().toArrayImage();
            assertEquals(b.height(), a.height());
            assertEquals(b.width(), a.width());
            // One interpolation instead of three: small differences inside, none structural.
            double diff = meanAbsDiff(a, b, 12);
            assertTrue(diff < 4, "sample " + i + ": mean difference " + diff);
        }
    }

    @Test
    void fusedRunsReplayExactly() {
        Pipeline fused = Pipeline.compile(chain(), registry);
        for (int i = 0; i < 10; i++) {
            Applied f = fused.applyRecorded(Sample.of(photo), i);
            assertEquals(f.sample(), fused.replay(Sample.of(photo), fused.replayFromJson(fused.replayToJson(f.replay()))));
        }
    }

    @Test
    void wholePixelMapsStayExactWhenFused() {
        Pipeline flips = Pipeline.compile(PipelineSpec.of(Node.step("hflip"), Node.step("vflip"), Node.step("hflip"),
                Node.step("vflip")), registry);
        assertEquals(photo, flips.apply(Sample.of(photo), 0).image());
        Pipeline crops = Pipeline.compile(PipelineSpec.of(Node.step("hflip"),
                Node.step("center_crop", Map.of("height", 40, "width", 60)), Node.step("hflip")), registry);
        ArrayImage out = crops.apply(Sample.of(photo), 0).image().toArrayImage();
        int y0 = (96 - 40) / 2;
        int x0 = (128 - 60) / 2;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 60; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(photo.get(y0 + y, x0 + x, c), out.get(y, x, c));
                }
            }
        }
    }

    @Test
    void aMaskFollowsTheFusedWarp() {
        ArrayImage mask = ArrayImage.wrapBytes(96, 128, 1, new byte[96 * 128]);
        byte[] m = mask.rawBytes();
        for (int y = 30; y < 60; y++) {
            for (int x = 40; x < 90; x++) {
                m[y * 128 + x] = 1;
            }
        }
        Pipeline fused = Pipeline.compile(PipelineSpec.of(Node.step("rotate", Map.of("limit", List.of(20, 20))),
                Node.step("random_crop", Map.of("fraction", 0.9, "resize_back", true))), registry);
        Sample out = fused.apply(Sample.of(photo).withMask(mask), 3);
        ArrayImage om = out.mask().toArrayImage();
        assertEquals(96, om.height());
        int ones = 0;
        for (byte b : om.rawBytes()) {
            assertTrue(b == 0 || b == 1, "labels are never blended");
            ones += b;
        }
        assertTrue(ones > 1000 && ones < 96 * 128, "the labelled area moved, not vanished: " + ones);
    }
}
