package io.augment4j.opencv.geometric;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.opencv.TestImages;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FlipTest {
    private final TransformRegistry registry = TransformRegistry.discover();

    @Test
    void hflipMirrorsColumnsExactly() {
        ArrayImage img = TestImages.randomBytes(3, 4, 3, 1);
        ArrayImage out = Pipeline.compile(PipelineSpec.of(Node.step("hflip")), registry).apply(Sample.of(img), 0)
                .image().toArrayImage();
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(img.get(y, x, c), out.get(y, 3 - x, c));
                }
            }
        }
    }

    @Test
    void flippingTwiceIsTheIdentityForEveryAxisTypeAndChannelCount() {
        for (String axis : new String[] {"hflip", "vflip"}) {
            for (int c : new int[] {1, 3, 4}) {
                for (ArrayImage img : new ArrayImage[] {TestImages.randomBytes(5, 6, c, c), TestImages.randomFloats(5, 6, c, c)}) {
                    Pipeline once = Pipeline.compile(PipelineSpec.of(Node.step(axis)), registry);
                    Pipeline twice = Pipeline.compile(PipelineSpec.of(Node.step(axis), Node.step(axis)), registry);
                    assertNotEquals(img, once.apply(Sample.of(img), 0).image());
                    assertEquals(img, twice.apply(Sample.of(img), 0).image(), axis + " " + img);
                }
            }
        }
    }

    @Test
    void geometryMatrixMapsPixelCentres() {
        Flip f = new Flip("hflip", Flip.Axis.HORIZONTAL);
        double[] p = f.geometry(10, 4).mapPoint(0, 2);
        assertEquals(9, p[0], 1e-12);
        assertEquals(2, p[1], 1e-12);
    }
}
