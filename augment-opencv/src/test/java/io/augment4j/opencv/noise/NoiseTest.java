package io.augment4j.opencv.noise;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.PixelType;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import io.augment4j.opencv.color.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.augment4j.opencv.color.Fixtures.apply;
import static io.augment4j.opencv.color.Fixtures.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gaussian, salt-and-pepper and speckle noise: identities, statistics, determinism. */
class NoiseTest {
    @Test
    void gaussianTableHasUnitVarianceAndNormalQuantiles() {
        double s = 0;
        double s2 = 0;
        for (float v : NoiseSource.GAUSS) {
            s += v;
            s2 += (double) v * v;
        }
        int n = NoiseSource.GAUSS.length;
        assertEquals(0, s / n, 1e-6);
        assertEquals(1, s2 / n, 1e-6);
        assertEquals(1.959964, NoiseSource.inverseNormal(0.975), 1e-6);
        assertEquals(-2.326348, NoiseSource.inverseNormal(0.01), 1e-6);
        assertEquals(0, NoiseSource.inverseNormal(0.5), 1e-12);
    }

    @Test
    void zeroSigmaIsTheIdentity() {
        Transform<Object> g = create("gaussian_noise", Map.of("sigma", 0));
        Transform<Object> sp = create("speckle", Map.of("sigma", 0));
        Transform<Object> salt = create("salt_pepper", Map.of("amount", 0));
        for (ArrayImage img : Fixtures.allKinds(9, 7, 4)) {
            assertEquals(img, Fixtures.sampleApply(g, img, 1), img.toString());
            assertEquals(img, Fixtures.sampleApply(sp, img, 1), img.toString());
            assertEquals(img, Fixtures.sampleApply(salt, img, 1), img.toString());
        }
    }

    private static double[] diffStats(ArrayImage a, ArrayImage b, int channels, int channel) {
        float[] x = a.toFloatArray();
        float[] y = b.toFloatArray();
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (int i = channel; i < x.length; i += channels) {
            double d = y[i] - x[i];
            s += d;
            s2 += d * d;
            n++;
        }
        double mean = s / n;
        return new double[] {mean, Math.sqrt(s2 / n - mean * mean)};
    }

    @Test
    void gaussianNoiseHasTheRequestedMeanAndStdOnEveryChannel() {
        GaussianNoise t = (GaussianNoise) (Transform<?>) create("gaussian_noise", Map.of("mean", 2.0));
        ArrayImage img = Fixtures.constant(128, 128, new int[] {128, 100, 160});
        ArrayImage out = apply(t, img, new GaussianNoise.Noise(10, 1234));
        for (int c = 0; c < 3; c++) {
            double[] st = diffStats(img, out, 3, c);
            assertEquals(2.0, st[0], 0.25, "mean, channel " + c);
            assertEquals(10.0, st[1], 0.2, "std, channel " + c);
        }
        ArrayImage f = Fixtures.constantF(64, 64, new float[] {0.5f});
        ArrayImage fo = apply(t, f, new GaussianNoise.Noise(0.1, 7));
        double[] st = diffStats(f, fo, 1, 0);
        assertEquals(2.0, st[0], 0.01);
        assertEquals(0.1, st[1], 0.003);
        // saturation: noise on white only goes down
        ArrayImage white = Fixtures.constant(32, 32, new int[] {255});
        for (float v : apply(t, white, new GaussianNoise.Noise(10, 3)).toFloatArray()) {
            assertTrue(v <= 255);
        }
    }

    @Test
    void grayNoiseSharesOneDrawPerPixelAndDifferentSeedsDiffer() {
        GaussianNoise t = (GaussianNoise) (Transform<?>) create("gaussian_noise", Map.of("per_channel", false));
        ArrayImage img = Fixtures.constant(20, 20, new int[] {128, 128, 128, 200});
        ArrayImage out = apply(t, img, new GaussianNoise.Noise(10, 5));
        boolean changed = false;
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                assertEquals(out.get(y, x, 0), out.get(y, x, 1));
                assertEquals(out.get(y, x, 0), out.get(y, x, 3) - 72);
                changed |= out.get(y, x, 0) != 128;
            }
        }
        assertTrue(changed);
        assertEquals(out, apply(t, img, new GaussianNoise.Noise(10, 5)));
        assertNotEquals(out, apply(t, img, new GaussianNoise.Noise(10, 6)));
    }

    @Test
    void speckleIsMultiplicativeWithTheRequestedSpread() {
        Speckle t = (Speckle) (Transform<?>) create("speckle", Map.of());
        ArrayImage img = Fixtures.constant(128, 128, new int[] {100, 100, 100});
        ArrayImage out = apply(t, img, new Speckle.Noise(0.1, 77));
        for (int c = 0; c < 3; c++) {
            double[] st = diffStats(img, out, 3, c);
            assertEquals(0, st[0], 0.3);
            assertEquals(10, st[1], 0.25);
        }
        ArrayImage black = Fixtures.constant(8, 8, new int[] {0, 0, 0});
        assertEquals(black, apply(t, black, new Speckle.Noise(0.3, 1)));
        ArrayImage f = Fixtures.constantF(64, 64, new float[] {2f});
        double[] st = diffStats(f, apply(t, f, new Speckle.Noise(0.05, 3)), 1, 0);
        assertEquals(0.1, st[1], 0.004);
    }

    @Test
    void saltAndPepperHitsTheRequestedFraction() {
        SaltPepper t = (SaltPepper) (Transform<?>) create("salt_pepper", Map.of("salt_vs_pepper", 0.25));
        int h = 100;
        int w = 120;
        ArrayImage img = Fixtures.constant(h, w, new int[] {128, 128, 128, 50});
        ArrayImage out = apply(t, img, new SaltPepper.Noise(0.05, 9));
        int salt = 0;
        int pepper = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = out.get(y, x, 0);
                assertEquals(v, out.get(y, x, 1));
                assertEquals(v, out.get(y, x, 2));
                assertEquals(50, out.get(y, x, 3));
                assertTrue(v == 0 || v == 128 || v == 255);
                salt += v == 255 ? 1 : 0;
                pepper += v == 0 ? 1 : 0;
            }
        }
        // 600 draws with replacement over 12000 pixels: ~1.5 % collide; a quarter are salt
        assertEquals(600 * 0.985, salt + pepper, 15);
        assertEquals(0.25, salt / (double) (salt + pepper), 0.03);
        ArrayImage f = Fixtures.constantF(10, 10, new float[] {0.5f});
        for (float v : apply(t, f, new SaltPepper.Noise(0.5, 1)).toFloatArray()) {
            assertTrue(v == 0f || v == 0.5f || v == 255f);
        }
    }

    @Test
    void sampledSigmaCoversItsRangeAndSeedsVary() {
        GaussianNoise t = (GaussianNoise) (Transform<?>) create("gaussian_noise", Map.of());
        Rng rng = new Rng(8);
        Sample s = Sample.of(Fixtures.constant(1, 1, new int[] {1}));
        double lo = 99;
        double hi = -99;
        long seed = 0;
        for (int i = 0; i < 2000; i++) {
            GaussianNoise.Noise p = t.sample(s, rng);
            assertNotEquals(seed, p.seed());
            seed = p.seed();
            lo = Math.min(lo, p.sigma());
            hi = Math.max(hi, p.sigma());
        }
        assertTrue(lo >= 5 && lo < 5.05 && hi <= 15 && hi > 14.95, lo + " " + hi);
    }

    @Test
    void everyKindOfImageKeepsItsShape() {
        for (String n : new String[] {"gaussian_noise", "speckle", "salt_pepper"}) {
            Transform<Object> t = create(n, Map.of());
            for (ArrayImage img : Fixtures.allKinds(6, 5, 3)) {
                ArrayImage out = Fixtures.sampleApply(t, img, 4);
                assertTrue(out.sameShape(img), n + " " + img);
                assertEquals(PixelType.UINT8 == img.pixelType(), out.pixelType() == PixelType.UINT8);
            }
        }
    }
}
