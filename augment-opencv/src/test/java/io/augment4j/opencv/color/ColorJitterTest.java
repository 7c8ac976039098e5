package io.augment4j.opencv.color;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.augment4j.opencv.color.Fixtures.apply;
import static io.augment4j.opencv.color.Fixtures.create;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColorJitterTest {
    private final ColorJitter jitter = (ColorJitter) (Transform<?>) create("color_jitter", Map.of());

    @Test
    void ordersArePermutationsAndFactorsCoverTheirRanges() {
        Set<String> orders = new HashSet<>();
        double[] lo = {9, 9, 9, 9};
        double[] hi = {-9, -9, -9, -9};
        Rng rng = new Rng(11);
        Sample s = Sample.of(Fixtures.constant(1, 1, new int[] {1, 2, 3}));
        for (int i = 0; i < 3000; i++) {
            ColorJitter.Params p = jitter.sample(s, rng);
            int[] sorted = p.order().clone();
            Arrays.sort(sorted);
            assertArrayEquals(new int[] {0, 1, 2, 3}, sorted);
            orders.add(Arrays.toString(p.order()));
            double[] v = {p.brightness(), p.contrast(), p.saturation(), p.hue()};
            for (int k = 0; k < 4; k++) {
                lo[k] = Math.min(lo[k], v[k]);
                hi[k] = Math.max(hi[k], v[k]);
            }
        }
        assertEquals(24, orders.size());
        double[] expLo = {0.8, 0.8, 0.8, -0.05};
        double[] expHi = {1.2, 1.2, 1.2, 0.05};
        for (int k = 0; k < 4; k++) {
            assertTrue(lo[k] >= expLo[k] && lo[k] < expLo[k] + 0.01, "lo " + k + " " + lo[k]);
            assertTrue(hi[k] <= expHi[k] && hi[k] > expHi[k] - 0.01, "hi " + k + " " + hi[k]);
        }
    }

    /** color_jitter gives exactly what the four single adjustments give one after another (UINT8 bit for bit). */
    @Test
    void resultEqualsTheStepsAppliedInOrder() {
        Adjust[] single = {
                (Adjust) (Transform<?>) create("brightness", Map.of()),
                (Adjust) (Transform<?>) create("contrast", Map.of()),
                (Adjust) (Transform<?>) create("saturation", Map.of()),
                (Adjust) (Transform<?>) create("hue", Map.of())};
        Rng rng = new Rng(2);
        for (int c : new int[] {1, 3, 4}) {
            for (PixelType type : PixelType.values()) {
                ArrayImage img = Fixtures.random(10, 12, c, type, c);
                for (int i = 0; i < 30; i++) {
                    ColorJitter.Params p = jitter.sample(Sample.of(img), rng);
                    double[] v = {p.brightness(), p.contrast(), p.saturation(), p.hue()};
                    ArrayImage expected = img;
                    for (int step : p.order()) {
                        expected = apply(single[step], expected, new Adjust.Factor(v[step]));
                    }
                    ArrayImage got = apply(jitter, img, p);
                    if (type == PixelType.UINT8) {
                        assertEquals(expected, got, "order " + Arrays.toString(p.order()));
                    } else {
                        float[] a = expected.toFloatArray();
                        float[] b = got.toFloatArray();
                        for (int k = 0; k < a.length; k++) {
                            assertEquals(a[k], b[k], 1e-3, "value " + k);
                        }
                    }
                }
            }
        }
    }

    @Test
    void scalarParametersFollowTorchvision() {
        ColorJitter j = (ColorJitter) (Transform<?>) create("color_jitter",
                Map.of("brightness", 1.5, "contrast", 0, "saturation", 0.5, "hue", 0.2));
        Rng rng = new Rng(1);
        Sample s = Sample.of(Fixtures.constant(1, 1, new int[] {1, 2, 3}));
        for (int i = 0; i < 500; i++) {
            ColorJitter.Params p = j.sample(s, rng);
            assertTrue(p.brightness() >= 0 && p.brightness() <= 2.5);
            assertEquals(1.0, p.contrast());
            assertTrue(p.saturation() >= 0.5 && p.saturation() <= 1.5);
            assertTrue(Math.abs(p.hue()) <= 0.2);
        }
    }
}
