package io.augment4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import io.augment4j.api.ArrayImage;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class DjlArrayDatasetTest {

    @Test
    void everyImageOfEveryBatchGetsItsOwnDraw() throws Exception {
        DjlArrayDataset.Seen seen = DjlArrayDataset.run(20, 8, 5);

        assertEquals(List.of(new Shape(8, 8, 12, 3), new Shape(8, 8, 12, 3), new Shape(4, 8, 12, 3)),
                seen.batchShapes());
        // The k-th image seen is augmented exactly as pipeline.apply(image k, k) with the same spec and seed.
        Pipeline same = Pipeline.compile(PipelineSpec.of(Node.step("hflip").withP(0.5)).withSeed(5L),
                TransformRegistry.discover());
        int mirrored = 0;
        for (int k = 0; k < 20; k++) {
            ArrayImage expected = same.apply(Sample.of(DjlArrayDataset.image(k)), k).image().toArrayImage();
            assertEquals(expected, seen.images().get(k), "image " + k);
            mirrored += DjlArrayDataset.brightColumnOnTheRight(seen.images().get(k)) ? 1 : 0;
        }
        // Draws are per image, not per batch: some images of a batch are mirrored and some are not.
        assertTrue(mirrored > 3 && mirrored < 17, mirrored + " of 20 mirrored");
    }
}
