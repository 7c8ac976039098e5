package io.augment4j.trainer.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Each distribution draws what it promises (statistics at a fixed seed), checks its range and zooms as documented. */
class DistributionTest {

    private static final int N = 20_000;
    /** Chi-square critical value for 9 degrees of freedom at p = 0.001. */
    private static final double CHI2_9 = 27.88;

    /** N draws, trial n from the study's per-(seed, n, path) generator. */
    private static double[] draws(Distribution d) {
        double[] out = new double[N];
        for (int n = 0; n < N; n++) {
            out[n] = ((Number) d.sample(RandomSampler.generator(7, n, "p"))).doubleValue();
        }
        return out;
    }

    /** Chi-square of the decile counts of f(x) over [a, b] against a flat histogram. */
    private static double chi2Deciles(double[] xs, DoubleUnaryOperator f, double a, double b) {
        int[] counts = new int[10];
        for (double x : xs) {
            double u = (f.applyAsDouble(x) - a) / (b - a);
            assertTrue(u >= 0 && u <= 1, "value outside the range: " + x);
            counts[Math.min(9, (int) (u * 10))]++;
        }
        double expected = xs.length / 10.0;
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        return chi2;
    }

    private static double fraction(double[] xs, java.util.function.DoublePredicate p) {
        return (double) java.util.Arrays.stream(xs).filter(p).count() / xs.length;
    }

    @Test
    void logUniformIsUniformInLogSpaceAndNotInLinearSpace() {
        Distribution d = new Distribution.LogUniform(1e-4, 1e-1);
        double[] xs = draws(d);
        assertTrue(chi2Deciles(xs, Math::log10, -4, -1) < CHI2_9);
        // Each decade gets a third of the draws; a linear uniform would put 90 % in the last one.
        assertEquals(1 / 3.0, fraction(xs, x -> x < 1e-3), 0.015);
        assertEquals(1 / 3.0, fraction(xs, x -> x >= 1e-2), 0.015);
        assertTrue(chi2Deciles(xs, x -> x, 1e-4, 1e-1) > 1000, "not flat on a linear scale");
        assertTrue(d.logScale());
    }

    @Test
    void uniformIsFlat() {
        double[] xs = draws(new Distribution.Uniform(-1, 3));
        assertTrue(chi2Deciles(xs, x -> x, -1, 3) < CHI2_9);
        assertFalse(new Distribution.Uniform(-1, 3).logScale());
    }

    @Test
    void oneMinusLogDrawsOneMinusBetaLogUniformly() {
        Distribution d = new Distribution.OneMinusLog(0.9, 0.999);
        double[] xs = draws(d);
        assertTrue(chi2Deciles(xs, x -> Math.log10(1 - x), -3, -1) < CHI2_9);
        // As many betas in [0.9, 0.99) as in [0.99, 0.999].
        assertEquals(0.5, fraction(xs, x -> x < 0.99), 0.015);
        assertTrue(d.logScale());
    }

    @Test
    void intDrawsEveryIntegerEquallyIncludingBothEnds() {
        Distribution d = new Distribution.IntUniform(3, 7);
        int[] counts = new int[5];
        for (int n = 0; n < N; n++) {
            Object v = d.sample(RandomSampler.generator(7, n, "p"));
            assertInstanceOf(Integer.class, v);
            counts[(Integer) v - 3]++;
        }
        for (int c : counts) {
            assertEquals(N / 5.0, c, N * 0.015);
        }
    }

    @Test
    void intLogGivesIntegersSpreadOnALogScale() {
        Distribution d = new Distribution.IntLog(1, 100);
        int small = 0;
        int ones = 0;
        for (int n = 0; n < N; n++) {
            Object v = d.sample(RandomSampler.generator(7, n, "p"));
            assertInstanceOf(Integer.class, v);
            int k = (Integer) v;
            assertTrue(k >= 1 && k <= 100);
            small += k <= 10 ? 1 : 0;
            ones += k == 1 ? 1 : 0;
        }
        // P(k) = log((k + 0.5) / (k - 0.5)) / log(100.5 / 0.5).
        double total = Math.log(100.5 / 0.5);
        assertEquals(Math.log(10.5 / 0.5) / total, small / (double) N, 0.015);
        assertEquals(Math.log(3) / total, ones / (double) N, 0.015);
        assertTrue(d.logScale());
    }

    @Test
    void choiceDrawsEachValueEqually() {
        Distribution d = new Distribution.Choice(List.of("adam", "sgd", "rmsprop"));
        int[] counts = new int[3];
        for (int n = 0; n < N; n++) {
            counts[List.of("adam", "sgd", "rmsprop").indexOf(d.sample(RandomSampler.generator(7, n, "p")))]++;
        }
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - N / 3.0) * (c - N / 3.0) / (N / 3.0);
        }
        assertTrue(chi2 < 13.8, "chi2 " + chi2); // 2 degrees of freedom, p = 0.001
    }

    @Test
    void badRangesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Distribution.Uniform(1, 1)).getMessage()
                .contains("empty range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Distribution.LogUniform(0.1, 0.01))
                .getMessage().contains("inverted range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Distribution.LogUniform(0, 1)).getMessage()
                .contains("positive"));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.LogUniform(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.OneMinusLog(0.9, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.OneMinusLog(0, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.IntUniform(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.IntLog(0, 4));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Choice(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Choice(List.of("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Grid(List.of(1L)));
        assertEquals(List.of(4, 4), new Distribution.IntUniform(4, 4).probes(), "a one-value integer range is allowed");
    }

    @Test
    void zoomWidensTheBestValuesByTheMarginInTheirScaleAndClips() {
        // 4 decades wide, margin 1/4: one decade each side of [1e-3, 1e-2].
        Distribution.LogUniform lr = (Distribution.LogUniform) new Distribution.LogUniform(1e-4, 1)
                .zoom(List.of(1e-2, 1e-3), 0.25);
        assertEquals(1e-4, lr.lo(), 1e-12);
        assertEquals(1e-1, lr.hi(), 1e-12);
        Distribution.LogUniform clipped = (Distribution.LogUniform) new Distribution.LogUniform(1e-4, 1)
                .zoom(List.of(2e-4), 0.25);
        assertEquals(1e-4, clipped.lo(), 1e-15, "clipped to the original range");
        assertEquals(2e-3, clipped.hi(), 1e-12);
        // Linear: width 0.5, margin 0.125.
        Distribution.Uniform drop = (Distribution.Uniform) new Distribution.Uniform(0, 0.5)
                .zoom(List.of(0.1, 0.2), 0.25);
        assertEquals(0.0, drop.lo(), 1e-12);
        assertEquals(0.325, drop.hi(), 1e-12);
        // Integers round outwards: [4 - 2.25, 5 + 2.25] -> [1, 8].
        assertEquals(new Distribution.IntUniform(1, 8), new Distribution.IntUniform(1, 10).zoom(List.of(4, 5), 0.25));
        // log2 width 4, margin one octave: [64 / 2, 64 * 2].
        assertEquals(new Distribution.IntLog(32, 128), new Distribution.IntLog(32, 512).zoom(List.of(64), 0.25));
        // 1 - beta in [1e-3, 1e-1]: two decades, margin half a decade around 1 - 0.99 = 1e-2.
        Distribution.OneMinusLog beta = (Distribution.OneMinusLog) new Distribution.OneMinusLog(0.9, 0.999)
                .zoom(List.of(0.99), 0.25);
        assertEquals(1 - Math.pow(10, -1.5), beta.lo(), 1e-12);
        assertEquals(1 - Math.pow(10, -2.5), beta.hi(), 1e-12);
        assertTrue(beta.logScale());
        assertEquals(new Distribution.Choice(List.of("adam", "sgd")),
                new Distribution.Choice(List.of("adam", "rmsprop", "sgd")).zoom(List.of("sgd", "adam", "sgd"), 0.25));
    }
}
