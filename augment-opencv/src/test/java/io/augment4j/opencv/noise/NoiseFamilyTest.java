package io.augment4j.opencv.noise;

import io.augment4j.opencv.MatPool;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.PixelType;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import io.augment4j.api.pipeline.Applied;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.opencv.TestImages;
import io.augment4j.opencv.color.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.augment4j.opencv.color.Fixtures.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contracts every noise-family transform must keep. */
class NoiseFamilyTest {
    private static final List<String> NAMES = List.of("gaussian_noise", "salt_pepper", "speckle", "gaussian_blur",
            "motion_blur", "cutout", "random_erasing");

    @Test
    void registeredWithDocsAndAcceptEveryKind() {
        for (String n : NAMES) {
            TransformDescriptor d = Fixtures.REGISTRY.get(n).descriptor();
            assertFalse(d.doc().isBlank(), n);
            d.params().forEach(p -> assertFalse(p.doc().isBlank(), n + "." + p.name()));
            Transform<Object> t = create(n, Map.of());
            for (ArrayImage img : Fixtures.allKinds(16, 13, 2)) {
                assertTrue(Fixtures.sampleApply(t, img, 3).sameShape(img), n + " " + img);
            }
        }
    }

    @Test
    void inputIsNeverModifiedAndEveryCallHandsOutExactlyItsResult() {
        for (String n : NAMES) {
            Transform<Object> t = create(n, Map.of());
            for (ArrayImage img : List.of(TestImages.photo(32, 32, 3), Fixtures.random(16, 16, 4, PixelType.UINT8, 1),
                    Fixtures.random(16, 16, 3, PixelType.FLOAT32, 2))) {
                Fixtures.assertInputUntouched(t, img, 5);
                Fixtures.assertNoLeak(t, img, 200, MatPool::outstandingOnThisThread);
            }
        }
    }

    @Test
    void sameSeedSameOutputAndEightThreadsReproduceIt() throws Exception {
        Pipeline p = Fixtures.pipeline(7, Node.step("gaussian_noise"), Node.step("salt_pepper").withP(0.5),
                Node.step("speckle").withP(0.5), Node.step("gaussian_blur").withP(0.5),
                Node.step("motion_blur").withP(0.5), Node.step("cutout").withP(0.5),
                Node.step("random_erasing").withP(0.5));
        ArrayImage img = TestImages.photo(64, 48, 3);
        assertEquals(p.apply(Sample.of(img), 2).image(), p.apply(Sample.of(img), 2).image());
        assertNotEquals(p.apply(Sample.of(img), 2).image(), p.apply(Sample.of(img), 3).image());
        Fixtures.assertThreadsReproduce(p, img, 24);
    }

    @Test
    void replayRoundTripsThroughJson() {
        Pipeline p = Fixtures.pipeline(3, Node.step("gaussian_noise"), Node.step("salt_pepper"),
                Node.step("speckle"), Node.step("gaussian_blur"), Node.step("motion_blur"), Node.step("cutout"),
                Node.step("random_erasing"));
        ArrayImage img = TestImages.photo(30, 40, 4);
        Applied a = p.applyRecorded(Sample.of(img), 1);
        String json = p.replayToJson(a.replay());
        assertEquals(a.sample().image(), p.replay(Sample.of(img), p.replayFromJson(json)).image(), json);
    }
}
