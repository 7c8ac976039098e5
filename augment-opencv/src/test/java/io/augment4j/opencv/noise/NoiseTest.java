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
    /** P(|Z| > t) for a standard normal, by numerical integration of the density. */
    private static double normalTail(double t) {
        double sum = 0;
        double h = 1e-4;
        for (double x = t + h / 2; x < 12; x += h) {
            sum += Math.exp(-x * x / 2) * h;
        }
        return 2 * sum / Math.sqrt(2 * Math.PI);
    }

    @Test
    void theGeneratorsExactDistributionIsTheStandardNormalsToFourSigma() {
        // the exact distribution of the centred sum of four uniform bytes, by convolution
        double[] d = {1};
        for (int k = 0; k < 4; k++) {
            double[] next = new double[d.length + 255];
            for (int i = 0; i < d.length; i++) {
                for (int b = 0; b < 256; b++) {
                    next[i + b] += d[i] / 256;
                }
            }
            d = next;
        }
        double m1 = 0;
        double m2 = 0;
        double m4 = 0;
        double[] t = {1, 2, 3, 3.5, 4};
        double[] tail = new double[t.length];
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < d.length; i++) {
            int zq = NoiseSource.fromSum(i - 510);
            assertTrue(zq >= last, "monotone at " + i);
            last = zq;
            double z = zq / 4096.0;
            m1 += d[i] * z;
            m2 += d[i] * z * z;
            m4 += d[i] * z * z * z * z;
            for (int k = 0; k < t.length; k++) {
                tail[k] += Math.abs(z) > t[k] ? d[i] : 0;
            }
        }
        assertEquals(0, m1, 2e-4, "mean");
        assertEquals(1, m2, 1e-4, "variance");
        assertEquals(3, m4, 2e-3, "kurtosis");
        for (int k = 0; k < t.length; k++) {
            assertEquals(1, tail[k] / normalTail(t[k]), 0.04, "P(|z| > " + t[k] + ") over the normal's");
        }
        assertEquals(-NoiseSource.fromSum(510), NoiseSource.fromSum(-510), 1, "odd");
        assertEquals(5.11, NoiseSource.fromSum(510) / 4096.0, 0.01, "largest value");
    }

    @Test
    void theStreamAtAFixedSeedIsNormalAndUncorrelated() {
        int n = 1 << 20;
        long seed = new Rng(42).nextLong();
        double s = 0;
        double s2 = 0;
        double lag = 0;
        double cross = 0;
        int over2 = 0;
        int over3 = 0;
        float prev = 0;
        for (int i = 0; i < n; i++) {
            float z = NoiseSource.normal(seed, i);
            s += z;
            s2 += z * z;
            lag += z * prev;
            cross += z * NoiseSource.normal(seed + 1, i);
            over2 += Math.abs(z) > 2 ? 1 : 0;
            over3 += Math.abs(z) > 3 ? 1 : 0;
            prev = z;
        }
        assertEquals(0, s / n, 0.005, "mean");
        assertEquals(1, s2 / n, 0.005, "variance");
        assertEquals(0, lag / n, 0.005, "correlation of neighbours");
        assertEquals(0, cross / n, 0.005, "correlation of two seeds");
        assertEquals(normalTail(2), over2 / (double) n, 0.001, "P(|z| > 2)");
        assertEquals(normalTail(3), over3 / (double) n, 0.0004, "P(|z| > 3)");
    }

    @Test
    void bulkLevelsEqualTheScalarFormulaAndRoundHalfUp() {
        long seed = 99;
        int pairs = 1001;
        for (double[] ms : new double[][] {{0, 10}, {2, 3.3}, {-1.25, 0.4}, {100, 5000}, {0, 0.01}}) {
            NoiseSource.Levels l = NoiseSource.Levels.of(ms[0], ms[1]);
            int[] out = new int[pairs];
            NoiseSource.levelPairs(out, pairs, seed, l);
            for (int i = 0; i < 2 * pairs; i++) {
                int bulk = (short) (i % 2 == 0 ? out[i / 2] : out[i / 2] >> 16);
                int zq = NoiseSource.normalQ12(i, NoiseSource.key1(seed), NoiseSource.key2(seed));
                assertEquals(l.level(zq), bulk, "value " + i);
                // the fixed point matches floor(mean + sigma * z + 0.5) but for sigma's 15-bit rounding
                double exact = ms[0] + ms[1] * zq / 4096.0 + 0.5;
                assertTrue(Math.abs(bulk - Math.floor(exact)) <= (Math.abs(exact - Math.rint(exact)) < 1e-3 ? 1 : 0),
                        ms[0] + "," + ms[1] + " value " + i + ": " + bulk + " vs " + exact);
            }
        }
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

    /**
     * Each value is multiplied by its own gain {@code 1 + sigma * z_i} (z from the seeded stream, value {@code i} in
     * HWC order), UINT8 rounded to nearest and saturated: exactly, for every channel count, and FLOAT32 unclipped.
     */
    @Test
    void speckleMultipliesEachValueByItsOwnGain() {
        Speckle t = (Speckle) (Transform<?>) create("speckle", Map.of());
        float sigma = 0.3f;
        long seed = 123;
        for (int c : new int[] {1, 3, 4}) {
            ArrayImage img = Fixtures.random(17, 23, c, PixelType.UINT8, c);
            ArrayImage out = apply(t, img, new Speckle.Noise(sigma, seed));
            byte[] in = img.rawBytes();
            byte[] got = out.rawBytes();
            for (int i = 0; i < in.length; i++) {
                float gain = 1f + sigma / 4096 * NoiseSource.normalQ12(i, NoiseSource.key1(seed),
                        NoiseSource.key2(seed));
                double expected = Math.max(0, Math.min(255, Math.rint((in[i] & 0xFF) * gain)));
                assertEquals(expected, got[i] & 0xFF, "value " + i + " of a " + c + "-channel image");
            }
            ArrayImage f = Fixtures.random(5, 7, c, PixelType.FLOAT32, c + 10);
            float[] fin = f.rawFloats();
            float[] fout = apply(t, f, new Speckle.Noise(sigma, seed)).rawFloats();
            for (int i = 0; i < fin.length; i++) {
                float gain = 1f + sigma / 4096 * NoiseSource.normalQ12(i, NoiseSource.key1(seed),
                        NoiseSource.key2(seed));
                assertEquals(fin[i] * gain, fout[i], 1e-4 * Math.max(1, Math.abs(fin[i])), "float value " + i);
            }
        }
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
