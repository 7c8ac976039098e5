package io.augment4j.opencv.color;

import io.augment4j.opencv.MatPool;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.ImageFormatException;
import io.augment4j.api.NoParams;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.Transform;
import io.augment4j.api.pipeline.Applied;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.registry.ParameterException;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.opencv.TestImages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.augment4j.opencv.color.Fixtures.apply;
import static io.augment4j.opencv.color.Fixtures.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contracts every colour transform must keep, plus channel_shuffle and normalize. */
class ColorFamilyTest {
    private static final List<String> NAMES = List.of("brightness", "contrast", "saturation", "hue", "gamma",
            "rgb_shift", "channel_shuffle", "to_gray", "color_jitter", "normalize");

    @Test
    void everyTransformIsRegisteredWithDocs() {
        for (String n : NAMES) {
            TransformDescriptor d = Fixtures.REGISTRY.get(n).descriptor();
            assertFalse(d.doc().isBlank(), n);
            d.params().forEach(p -> assertFalse(p.doc().isBlank(), n + "." + p.name()));
            assertEquals(EnumSet.allOf(Target.class), create(n, Map.of()).targets(), n);
        }
    }

    @Test
    void shapeAndTypeContractOrAClearRefusal() {
        for (String n : NAMES) {
            Transform<Object> t = create(n, Map.of());
            for (ArrayImage img : Fixtures.allKinds(5, 6, 1)) {
                try {
                    ArrayImage out = Fixtures.sampleApply(t, img, 3);
                    assertEquals(img.height(), out.height(), n);
                    assertEquals(img.width(), out.width(), n);
                    assertEquals(img.channels(), out.channels(), n + " " + img);
                    assertEquals(n.equals("normalize") ? PixelType.FLOAT32 : img.pixelType(), out.pixelType(), n);
                } catch (ImageFormatException e) {
                    assertTrue(e.getMessage().contains(n), e.getMessage());
                    assertTrue(n.equals("rgb_shift") && img.channels() == 1
                            || n.equals("normalize") && img.channels() != 3, n + " refused " + img);
                }
            }
        }
    }

    @Test
    void masksPassThroughUnchanged() {
        List<String> all = new ArrayList<>(NAMES);
        all.addAll(List.of("gaussian_noise", "salt_pepper", "speckle", "gaussian_blur", "motion_blur", "cutout",
                "random_erasing"));
        ArrayImage img = TestImages.photo(20, 18, 1);
        ArrayImage mask = Fixtures.random(20, 18, 1, PixelType.UINT8, 3);
        for (String n : all) {
            Sample out = create(n, Map.of()).sampleAndApply(Sample.of(img).withMask(mask), new Rng(1));
            assertEquals(mask, out.mask().toArrayImage(), n);
            out.image().close();
        }
    }

    @Test
    void alphaIsNeverChanged() {
        for (String n : NAMES) {
            if (n.equals("normalize")) {
                continue;
            }
            Transform<Object> t = create(n, Map.of());
            for (PixelType type : PixelType.values()) {
                ArrayImage img = Fixtures.random(9, 8, 4, type, 7);
                for (long seed = 0; seed < 5; seed++) {
                    ArrayImage out = Fixtures.sampleApply(t, img, seed);
                    for (int y = 0; y < 9; y++) {
                        for (int x = 0; x < 8; x++) {
                            assertEquals(img.get(y, x, 3), out.get(y, x, 3), 0.0, n + " " + type);
                        }
                    }
                }
            }
        }
    }

    @Test
    void inputIsNeverModified() {
        for (String n : NAMES) {
            Transform<Object> t = create(n, Map.of());
            for (ArrayImage img : Fixtures.allKinds(6, 5, 2)) {
                if (img.channels() == 3) {
                    Fixtures.assertInputUntouched(t, img, 17);
                }
            }
        }
    }

    @Test
    void sameSeedSameOutputAndEightThreadsReproduceIt() throws Exception {
        Pipeline p = Fixtures.pipeline(42,
                Node.step("color_jitter"), Node.step("rgb_shift").withP(0.5), Node.step("channel_shuffle").withP(0.5),
                Node.step("gamma").withP(0.5), Node.step("to_gray").withP(0.2), Node.step("normalize"));
        ArrayImage img = TestImages.photo(48, 40, 1);
        assertEquals(p.apply(Sample.of(img), 3).image(), p.apply(Sample.of(img), 3).image());
        assertNotEquals(p.apply(Sample.of(img), 3).image(), p.apply(Sample.of(img), 4).image());
        Fixtures.assertThreadsReproduce(p, img, 24);
    }

    @Test
    void replayRoundTripsThroughJson() {
        Pipeline p = Fixtures.pipeline(5, Node.step("color_jitter"), Node.step("channel_shuffle"),
                Node.step("rgb_shift"), Node.step("hue"));
        ArrayImage img = TestImages.photo(20, 24, 2);
        Applied a = p.applyRecorded(Sample.of(img), 9);
        String json = p.replayToJson(a.replay());
        assertEquals(a.sample().image(), p.replay(Sample.of(img), p.replayFromJson(json)).image(), json);
    }

    @Test
    void everyCallHandsOutExactlyItsResult() {
        for (String n : NAMES) {
            for (ArrayImage img : List.of(TestImages.photo(32, 32, 3), Fixtures.random(16, 16, 4, PixelType.UINT8, 1),
                    Fixtures.random(16, 16, 3, PixelType.FLOAT32, 2))) {
                if (n.equals("normalize") && img.channels() == 4) {
                    continue;
                }
                Fixtures.assertNoLeak(create(n, Map.of()), img, n.equals("color_jitter") ? 1000 : 200,
                        MatPool::outstandingOnThisThread);
            }
        }
    }

    @Test
    void channelShuffleIsAPermutationOfChannelPlanes() {
        ChannelShuffle t = (ChannelShuffle) (Transform<?>) create("channel_shuffle", Map.of());
        Set<String> seen = new HashSet<>();
        Rng rng = new Rng(4);
        for (PixelType type : PixelType.values()) {
            for (int c : new int[] {3, 4}) {
                ArrayImage img = Fixtures.random(7, 8, c, type, c);
                for (int i = 0; i < 40; i++) {
                    ChannelShuffle.Order o = t.sample(Sample.of(img), rng);
                    seen.add(Fixtures.str(o.order()));
                    ArrayImage out = apply(t, img, o);
                    for (int y = 0; y < 7; y++) {
                        for (int x = 0; x < 8; x++) {
                            for (int ch = 0; ch < 3; ch++) {
                                assertEquals(img.get(y, x, o.order()[ch]), out.get(y, x, ch), 0.0);
                            }
                            if (c == 4) {
                                assertEquals(img.get(y, x, 3), out.get(y, x, 3), 0.0);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(6, seen.size());
        ArrayImage gray = Fixtures.random(4, 4, 1, PixelType.UINT8, 1);
        assertEquals(gray, Fixtures.sampleApply(t, gray, 1));
        assertThrows(ImageFormatException.class,
                () -> apply(t, Fixtures.random(4, 4, 3, PixelType.UINT8, 1), new ChannelShuffle.Order(new int[] {0, 0, 1})));
    }

    @Test
    void normalizeFollowsTheFormulaForEveryByteValueAndForFloats() {
        Normalize t = (Normalize) (Transform<?>) create("normalize", Map.of());
        double[] mean = {0.485, 0.456, 0.406};
        double[] std = {0.229, 0.224, 0.225};
        // Every byte value in every channel (a 16 x 16 ramp, channel c shifted by c), against the formula in double:
        // float32 arithmetic keeps within a few 1e-7 of it.
        byte[] ramp = new byte[256 * 3];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) (i / 3 + i % 3);
        }
        ArrayImage out = apply(t, ArrayImage.wrapBytes(16, 16, 3, ramp), NoParams.INSTANCE);
        assertEquals(PixelType.FLOAT32, out.pixelType());
        for (int i = 0; i < ramp.length; i++) {
            int y = i / 3 / 16;
            int x = i / 3 % 16;
            int c = i % 3;
            double expected = ((ramp[i] & 0xFF) / 255.0 - mean[c]) / std[c];
            assertEquals(expected, out.get(y, x, c), 5e-7, "value " + (ramp[i] & 0xFF) + ", channel " + c);
        }
        ArrayImage f = Fixtures.random(5, 5, 3, PixelType.FLOAT32, 3);
        ArrayImage fo = apply(t, f, NoParams.INSTANCE);
        for (int y = 0; y < 5; y++) {
            for (int c = 0; c < 3; c++) {
                assertEquals((f.get(y, y, c) / 255 - mean[c]) / std[c], fo.get(y, y, c), 1e-5);
            }
        }
        Normalize one = (Normalize) (Transform<?>) create("normalize",
                Map.of("mean", 0.5, "std", 0.25, "max_pixel_value", 1.0));
        ArrayImage g = apply(one, Fixtures.constantF(1, 1, new float[] {1f, 0f, 0.5f, 0.75f}), NoParams.INSTANCE);
        assertEquals(2.0, g.get(0, 0, 0), 1e-6);
        assertEquals(-2.0, g.get(0, 0, 1), 1e-6);
        assertEquals(0.0, g.get(0, 0, 2), 1e-6);
        assertEquals(1.0, g.get(0, 0, 3), 1e-6);
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> apply(t, Fixtures.random(3, 3, 4, PixelType.UINT8, 1), NoParams.INSTANCE));
        assertTrue(e.getMessage().contains("normalize") && e.getMessage().contains("4 channels"), e.getMessage());
    }

    @Test
    void normalizeRefusesMismatchedListsNamingTheParameter() {
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {Map.of("mean", List.of(0.5, 0.5)), "mean"});
        cases.add(new Object[] {Map.of("std", List.of(0.5, 0.5, 0.5, 0.5, 0.5)), "std"});
        cases.add(new Object[] {Map.of("std", List.of(0.2, 0.2, 0.2, 0.2)), "std"});
        cases.add(new Object[] {Map.of("std", List.of(0.2, 0.0, 0.2)), "std"});
        cases.add(new Object[] {Map.of("max_pixel_value", 0), "max_pixel_value"});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, ?> params = (Map<String, ?>) c[0];
            ParameterException e = assertThrows(ParameterException.class, () -> create("normalize", params));
            assertEquals(c[1], e.parameter(), e.getMessage());
        }
    }
}
