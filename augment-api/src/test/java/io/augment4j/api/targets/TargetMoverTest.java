package io.augment4j.api.targets;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.BoundingBox;
import io.augment4j.api.Keypoint;
import io.augment4j.api.PixelType;
import io.augment4j.api.Sample;
import io.augment4j.api.geometry.Matrices;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coordinate convention, checked against Albumentations' expected values (tests/test_keypoint.py, 1.x). */
class TargetMoverTest {
    private static final double EPS = 1e-9;

    /** hflip of a W-wide image on pixel centres, as OpenCV's flip and the built-in flip's matrix. */
    private static double[] hflip(int w) {
        return new double[] {-1, 0, w - 1, 0, 1, 0, 0, 0, 1};
    }

    private static double[] vflip(int h) {
        return new double[] {1, 0, 0, 0, -1, h - 1, 0, 0, 1};
    }

    @Test
    void boxEdgesGoToWMinusXAndPixelKeypointsToWMinus1MinusI() {
        double[] m = TargetMover.continuous(hflip(100));
        BoundingBox b = TargetMover.moveBox(new BoundingBox(10, 20, 30, 40, "a"), m, BoxMethod.CORNERS);
        assertEquals(new BoundingBox(70, 20, 90, 40, "a"), b);
        // Albumentations: HorizontalFlip maps xy keypoint (20, 30) to (79, 30) on a 100x100 image, angle 45 -> 135.
        Keypoint k = TargetMover.moveKeypoint(new Keypoint(20.5, 30.5, Math.toRadians(45), Double.NaN, "p"), m);
        assertEquals(79, k.pixelX(), EPS);
        assertEquals(30, k.pixelY(), EPS);
        assertEquals(Math.toRadians(135), k.angle(), EPS);
        // VerticalFlip: (20, 30) -> (20, 69), angle 45 -> 315.
        k = TargetMover.moveKeypoint(Keypoint.atPixel(20, 30, null).moved(20.5, 30.5, Math.toRadians(45), 2),
                TargetMover.continuous(vflip(100)));
        assertEquals(20, k.pixelX(), EPS);
        assertEquals(69, k.pixelY(), EPS);
        assertEquals(Math.toRadians(315), k.angle(), EPS);
        assertEquals(2, k.scale(), EPS);
    }

    @Test
    void quarterTurnsMatchAlbumentationsKeypointRotate() {
        // F.keypoint_rotate((20, 30, pi/2), angle, rows=100, cols=100): 90 -> (30, 79, pi); 180 -> (79, 69, 3pi/2);
        // 270 -> (69, 20, 0). The rotation is cv2.getRotationMatrix2D about ((W-1)/2, (H-1)/2), as the rotate
        // transform's matrix.
        double[][] expected = {{30, 79, Math.PI}, {79, 69, 3 * Math.PI / 2}, {69, 20, 0}};
        for (int q = 1; q <= 3; q++) {
            double[] m = TargetMover.continuous(Matrices.rotation(49.5, 49.5, 90 * q, 1));
            Keypoint k = TargetMover.moveKeypoint(Keypoint.atPixel(20, 30, null).moved(20.5, 30.5, Math.PI / 2,
                    Double.NaN), m);
            assertEquals(expected[q - 1][0], k.pixelX(), 1e-9);
            assertEquals(expected[q - 1][1], k.pixelY(), 1e-9);
            assertEquals(expected[q - 1][2], k.angle() > 2 * Math.PI - 1e-9 ? 0 : k.angle(), 1e-9);
        }
        // A box turned a quarter stays exact: (10, 20)-(30, 60) in 100x100 -> x' = y, y' = 100 - x.
        BoundingBox b = TargetMover.moveBox(new BoundingBox(10, 20, 30, 60, null),
                TargetMover.continuous(Matrices.rotation(49.5, 49.5, 90, 1)), BoxMethod.CORNERS);
        assertEquals(20, b.xMin(), 1e-9);
        assertEquals(70, b.yMin(), 1e-9);
        assertEquals(60, b.xMax(), 1e-9);
        assertEquals(90, b.yMax(), 1e-9);
    }

    @Test
    void rotatedBoxEnclosesTheMovedCornersAndTheEllipseIsInside() {
        Random rnd = new Random(5);
        for (int i = 0; i < 200; i++) {
            double angle = rnd.nextDouble() * 360 - 180;
            double[] pix = Matrices.rotation(63.5, 47.5, angle, 0.5 + rnd.nextDouble());
            double[] m = TargetMover.continuous(pix);
            double x0 = rnd.nextDouble() * 100;
            double y0 = rnd.nextDouble() * 80;
            BoundingBox b = new BoundingBox(x0, y0, x0 + 1 + rnd.nextDouble() * 30, y0 + 1 + rnd.nextDouble() * 30,
                    null);
            BoundingBox r = TargetMover.moveBox(b, m, BoxMethod.CORNERS);
            BoundingBox e = TargetMover.moveBox(b, m, BoxMethod.ELLIPSE);
            double[][] corners = {{b.xMin(), b.yMin()}, {b.xMax(), b.yMin()}, {b.xMax(), b.yMax()},
                    {b.xMin(), b.yMax()}};
            boolean touchesX0 = false;
            for (double[] c : corners) {
                double[] p = TargetMover.apply(m, c[0], c[1]);
                assertTrue(p[0] >= r.xMin() - EPS && p[0] <= r.xMax() + EPS && p[1] >= r.yMin() - EPS
                        && p[1] <= r.yMax() + EPS);
                touchesX0 |= Math.abs(p[0] - r.xMin()) < 1e-9;
            }
            assertTrue(touchesX0, "the box is tight");
            assertTrue(e.xMin() >= r.xMin() - EPS && e.xMax() <= r.xMax() + EPS && e.yMin() >= r.yMin() - EPS
                    && e.yMax() <= r.yMax() + EPS, "the ellipse box is inside the corner box");
            // The sampled-ellipse path (used for perspective maps) agrees with the closed form.
            double[] persp = m.clone();
            persp[8] = 1 + 1e-15;
            BoundingBox es = TargetMover.moveBox(b, persp, BoxMethod.ELLIPSE);
            assertEquals(e.xMin(), es.xMin(), 0.01 * b.width() + 1e-6);
        }
    }

    @Test
    void keypointAngleAndScaleFollowAnAffineMap() {
        // Rotation by t counter-clockwise adds t; a scale factor s multiplies the scale.
        double[] m = TargetMover.continuous(Matrices.rotation(10, 10, 30, 2));
        Keypoint k = TargetMover.moveKeypoint(new Keypoint(5, 5, 0.25, 3, null), m);
        assertEquals(0.25 + Math.toRadians(30), k.angle(), 1e-9);
        assertEquals(6, k.scale(), 1e-9);
        // Without angle and scale they stay absent.
        k = TargetMover.moveKeypoint(new Keypoint(5, 5, null), m);
        assertTrue(!k.hasAngle() && !k.hasScale());
    }

    @Test
    void theInverseOfABackwardMapMovesPointsWhereThePixelsWent() {
        int h = 40;
        int w = 50;
        float[] mx = new float[h * w];
        float[] my = new float[h * w];
        // Output pixel (u, v) reads input (u - 3 + 0.05 v, v + 2): the input point p goes to u = p.x + 3 - 0.05 v.
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                mx[v * w + u] = (float) (u - 3 + 0.05 * v);
                my[v * w + u] = v + 2;
            }
        }
        BackwardMapInverse inv = new BackwardMapInverse(mx, my, h, w);
        double[] p = inv.map(20.5, 10.5);
        // Pixel centre (20, 10) is read by v = 8, u = 20 + 3 - 0.4 = 22.6.
        assertEquals(22.6 + 0.5, p[0], 1e-3);
        assertEquals(8 + 0.5, p[1], 1e-3);
    }

    /**
     * A smooth backward map as local warps make, with bumps of 6 px at a 28-px wavelength: output (u, v) reads input
     * (u + 6 sin(v / 9 + 1) + 2 cos(u / 14), v + 5 cos(u / 11) - 2 sin(v / 13)).
     */
    private static float[][] wavyMap(int h, int w) {
        return map(h, w, (u, v) -> u + 6 * Math.sin(v / 9.0 + 1) + 2 * Math.cos(u / 14.0),
                (u, v) -> v + 5 * Math.cos(u / 11.0) - 2 * Math.sin(v / 13.0));
    }

    /** A backward map's x and y arrays (row-major, {@code h x w}) from its values at output pixel {@code (u, v)}. */
    private static float[][] map(int h, int w, DoubleBinaryOperator x, DoubleBinaryOperator y) {
        float[] mx = new float[h * w];
        float[] my = new float[h * w];
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                mx[v * w + u] = (float) x.applyAsDouble(u, v);
                my[v * w + u] = (float) y.applyAsDouble(u, v);
            }
        }
        return new float[][] {mx, my};
    }

    @Test
    void interleavedAndSeparateMapsAndWarmAndColdStartsAgree() {
        int h = 90;
        int w = 120;
        float[][] m = wavyMap(h, w);
        float[] xy = new float[2 * h * w];
        for (int i = 0; i < h * w; i++) {
            xy[2 * i] = m[0][i];
            xy[2 * i + 1] = m[1][i];
        }
        BackwardMapInverse warm = BackwardMapInverse.interleaved(xy, h, w);
        Random rnd = new Random(3);
        double x = 60;
        double y = 45;
        for (int i = 0; i < 300; i++) {
            // A walk of small steps (warm starts) with a jump now and then (cold starts).
            x = i % 50 == 0 ? 5 + rnd.nextDouble() * (w - 10) : Math.max(1, Math.min(w - 1, x + rnd.nextGaussian() * 4));
            y = i % 50 == 0 ? 5 + rnd.nextDouble() * (h - 10) : Math.max(1, Math.min(h - 1, y + rnd.nextGaussian() * 4));
            double[] a = warm.map(x, y);
            double[] cold = new BackwardMapInverse(m[0], m[1], h, w).map(x, y);
            assertEquals(cold[0], a[0], 1e-3, "x at " + x + ", " + y);
            assertEquals(cold[1], a[1], 1e-3, "y at " + x + ", " + y);
            // The answer reads the point back: map(u) = p, on pixel centres.
            double ux = a[0] - 0.5;
            double uy = a[1] - 0.5;
            if (ux > 0 && uy > 0 && ux < w - 1 && uy < h - 1) {
                assertEquals(x - 0.5, ux + 6 * Math.sin(uy / 9.0 + 1) + 2 * Math.cos(ux / 14.0), 0.02);
                assertEquals(y - 0.5, uy + 5 * Math.cos(ux / 11.0) - 2 * Math.sin(uy / 13.0), 0.02);
            }
        }
    }

    @Test
    void aGuessedStartGivesTheColdStartsAnswer() {
        int h = 90;
        int w = 120;
        float[][] m = wavyMap(h, w);
        BackwardMapInverse inv = new BackwardMapInverse(m[0], m[1], h, w);
        Random rnd = new Random(5);
        double[] guessed = new double[6];
        double[] cold = new double[6];
        for (int i = 0; i < 200; i++) {
            double x = 5 + rnd.nextDouble() * (w - 10);
            double y = 5 + rnd.nextDouble() * (h - 10);
            // Guesses up to 4 px off the answer, as an interpolated outline point can be.
            new BackwardMapInverse(m[0], m[1], h, w).mapWithJacobian(x, y, cold);
            double gx = cold[0] + (rnd.nextDouble() * 2 - 1) * 4;
            double gy = cold[1] + (rnd.nextDouble() * 2 - 1) * 4;
            assertTrue(inv.mapWithJacobian(x, y, gx, gy, guessed));
            assertEquals(cold[0], guessed[0], 1e-3, "x at " + x + ", " + y);
            assertEquals(cold[1], guessed[1], 1e-3, "y at " + x + ", " + y);
        }
    }

    @Test
    void aBoxOnALocalWarpEnclosesItsOutlineMovedPointByPoint() {
        int h = 120;
        int w = 160;
        float[][] m = wavyMap(h, w);
        Random rnd = new Random(4);
        for (int trial = 0; trial < 40; trial++) {
            double x0 = 10 + rnd.nextDouble() * 60;
            double y0 = 10 + rnd.nextDouble() * 40;
            BoundingBox box = new BoundingBox(x0, y0, x0 + 5 + rnd.nextDouble() * 80, y0 + 5 + rnd.nextDouble() * 60,
                    "b");
            Sample in = Sample.of(ArrayImage.zeros(h, w, 1, PixelType.UINT8)).withBoxes(List.of(box));
            BoundingBox moved = TargetMover.follow(in, in, new BackwardMapInverse(m[0], m[1], h, w)).boxes().get(0);
            // Reference: the outline moved every 0.005 px, each point solved to 1e-9 px. (The bilinear map's moved
            // edge has a kink at every pixel row and column, often where it turns: sampled every 0.05 px, the
            // reference would miss such a turn by up to 0.001 px, which the scan of sampled maps finds exactly.)
            BackwardMapInverse inv = preciseInverse(m, h, w);
            double[] ref = denseOutlineBox(inv, box, 0.005);
            // Within 0.02 px of the dense outline, and never beyond it.
            String msg = box + " -> " + moved + " vs " + java.util.Arrays.toString(ref);
            assertEquals(ref[0], moved.xMin(), 0.02, msg);
            assertEquals(ref[1], moved.yMin(), 0.02, msg);
            assertEquals(ref[2], moved.xMax(), 0.02, msg);
            assertEquals(ref[3], moved.yMax(), 0.02, msg);
            assertTrue(moved.xMin() >= ref[0] - 1e-3 && moved.yMin() >= ref[1] - 1e-3 && moved.xMax() <= ref[2] + 1e-3
                    && moved.yMax() <= ref[3] + 1e-3, msg);
        }
    }

    /**
     * A sampled map's boxes come from scanning their moved edges pixel by pixel: through a constant shift (by a
     * fraction of a pixel) that is exact, the box moving back by the shift.
     */
    @Test
    void aBoxThroughASampledShiftIsScannedExactly() {
        int h = 60;
        int w = 80;
        float[][] m = map(h, w, (u, v) -> u + 2.25, (u, v) -> v - 1.75);
        BackwardMapInverse inv = new BackwardMapInverse(m[0], m[1], h, w);
        double[] out = new double[4];
        assertTrue(inv.enclose(10.3, 12.6, 41.9, 40.2, out), "an inner box is scanned");
        assertArrayEquals(new double[] {10.3 - 2.25, 12.6 + 1.75, 41.9 - 2.25, 40.2 + 1.75}, out, 1e-9);
        Sample in = Sample.of(ArrayImage.zeros(h, w, 1, PixelType.UINT8))
                .withBoxes(List.of(new BoundingBox(10.3, 12.6, 41.9, 40.2, "b")));
        BoundingBox moved = TargetMover.follow(in, in, inv).boxes().get(0);
        assertEquals(10.3 - 2.25, moved.xMin(), 1e-9);
        assertEquals(40.2 + 1.75, moved.yMax(), 1e-9);
    }

    /**
     * Where a moved edge leaves the image, the map holds the border's displacement, and the scan follows it there in
     * closed form: the same box as the outline moved point by point, for boxes whose moved edges leave the image on
     * every side.
     */
    @Test
    void aBoxWhoseMovedEdgeLeavesTheImageIsScannedThroughTheHeldBorder() {
        int h = 60;
        int w = 80;
        float[][] m = map(h, w, (u, v) -> u - 2.5 + 1.5 * Math.sin(v / 7.0), (u, v) -> v + 3 + Math.cos(u / 9.0));
        float[][] n = map(h, w, (u, v) -> u + 2.5 + 1.5 * Math.sin(v / 7.0), (u, v) -> v - 3 + Math.cos(u / 9.0));
        BoundingBox[] boxes = {new BoundingBox(20.5, 1, 50.5, 30.5, "top"), new BoundingBox(0, 10, 30, 40, "left"),
                new BoundingBox(40, 20, 80, 59.5, "bottom right"), new BoundingBox(0, 0, 80, 60, "whole")};
        for (float[][] map : List.of(m, n)) {
            for (BoundingBox box : boxes) {
                BackwardMapInverse inv = new BackwardMapInverse(map[0], map[1], h, w);
                double[] out = new double[4];
                assertTrue(inv.enclose(box.xMin(), box.yMin(), box.xMax(), box.yMax(), out), box.toString());
                double[] ref = denseOutlineBox(inv, box, 0.01);
                assertArrayEquals(ref, out, 0.01, box + ": " + java.util.Arrays.toString(out) + " vs "
                        + java.util.Arrays.toString(ref));
            }
        }
        // A box whose top moves above the image keeps its moved top there (the filter clips it later).
        BackwardMapInverse inv = new BackwardMapInverse(m[0], m[1], h, w);
        double[] out = new double[4];
        assertTrue(inv.enclose(20.5, 1, 50.5, 30.5, out));
        assertTrue(out[1] < 0, "moved above the image: " + java.util.Arrays.toString(out));
    }

    /**
     * Property: on random smooth maps that do not fold (sums of random waves, gradient under 0.5), every box, from a
     * tenth of a pixel to the whole image and touching any border, moves to the box of its outline moved point by
     * point (every 0.01 px, solved to 1e-9 px): within 0.02 px, and never beyond it by more than 0.002 px (between
     * two reference points the moved edge can turn at a kink of the bilinear map).
     */
    @Test
    void boxesThroughRandomSampledMapsMatchTheirDenseOutline() {
        Random rnd = new Random(41);
        for (int trial = 0; trial < 12; trial++) {
            int h = 20 + rnd.nextInt(50);
            int w = 20 + rnd.nextInt(70);
            double[][] waves = new double[6][];
            for (int k = 0; k < waves.length; k++) {
                // amplitude a, wave numbers kx, ky (gradient a * |k| <= 0.08 per wave), phase
                double kx = (rnd.nextDouble() - 0.5) * 0.6;
                double ky = (rnd.nextDouble() - 0.5) * 0.6;
                double a = 0.08 / Math.max(1e-3, Math.hypot(kx, ky)) * rnd.nextDouble();
                waves[k] = new double[] {Math.min(a, 6), kx, ky, rnd.nextDouble() * 6.3};
            }
            float[][] m = map(h, w, (u, v) -> u + wave(waves, 0, u, v), (u, v) -> v + wave(waves, 3, u, v));
            BackwardMapInverse precise = preciseInverse(m, h, w);
            for (int b = 0; b < 8; b++) {
                double bw = b == 0 ? w : b == 1 ? 0.1 + rnd.nextDouble() : rnd.nextDouble() * w;
                double bh = b == 0 ? h : b == 1 ? 0.1 + rnd.nextDouble() : rnd.nextDouble() * h;
                double x0 = rnd.nextBoolean() ? 0 : rnd.nextDouble() * (w - bw);
                double y0 = rnd.nextBoolean() ? h - bh : rnd.nextDouble() * (h - bh);
                BoundingBox box = new BoundingBox(x0, y0, x0 + bw, y0 + bh, "b");
                Sample in = Sample.of(ArrayImage.zeros(h, w, 1, PixelType.UINT8)).withBoxes(List.of(box));
                BoundingBox moved = TargetMover.follow(in, in, new BackwardMapInverse(m[0], m[1], h, w)).boxes()
                        .get(0);
                double[] ref = denseOutlineBox(precise, box, 0.01);
                double[] got = {moved.xMin(), moved.yMin(), moved.xMax(), moved.yMax()};
                String msg = "trial " + trial + ", " + h + "x" + w + ", " + box + " -> " + moved + " vs "
                        + java.util.Arrays.toString(ref);
                assertArrayEquals(ref, got, 0.02, msg);
                assertTrue(got[0] >= ref[0] - 2e-3 && got[1] >= ref[1] - 2e-3 && got[2] <= ref[2] + 2e-3
                        && got[3] <= ref[3] + 2e-3, msg);
            }
        }
    }

    /** The sum of the waves' displacements along one axis (offset 0: x from waves' first half, 3: y from the rest). */
    private static double wave(double[][] waves, int from, double u, double v) {
        double d = 0;
        for (int k = from; k < from + 3; k++) {
            double[] c = waves[k];
            d += c[0] * Math.sin(c[1] * u + c[2] * v + c[3]);
        }
        return d;
    }

    /**
     * The box of {@code box}'s outline moved point by point through {@code inv}, every {@code step} pixels or less
     * along each edge (ends included): {@code xMin, yMin, xMax, yMax}.
     */
    private static double[] denseOutlineBox(PointMap inv, BoundingBox box, double step) {
        double[] ref = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (int e = 0; e < 4; e++) {
            int n = Math.max(1, (int) Math.ceil((e % 2 == 0 ? box.width() : box.height()) / step));
            for (int i = 0; i <= n; i++) {
                double t = (double) i / n;
                double[] p = switch (e) {
                    case 0 -> inv.map(box.xMin() + t * box.width(), box.yMin());
                    case 1 -> inv.map(box.xMax(), box.yMin() + t * box.height());
                    case 2 -> inv.map(box.xMin() + t * box.width(), box.yMax());
                    default -> inv.map(box.xMin(), box.yMin() + t * box.height());
                };
                ref[0] = Math.min(ref[0], p[0]);
                ref[1] = Math.min(ref[1], p[1]);
                ref[2] = Math.max(ref[2], p[0]);
                ref[3] = Math.max(ref[3], p[1]);
            }
        }
        return ref;
    }

    /** The inverse of the bilinear map {@code m} ({@code h x w}) with every search solved to 1e-9 px. */
    private static BackwardMapInverse preciseInverse(float[][] m, int h, int w) {
        SampledBackwardMap sampled = new SampledBackwardMap(m[0], m[1], 0, 0, 1, h, w);
        return new BackwardMapInverse(new BackwardMap() {
            @Override
            public void sample(double u, double v, double[] out) {
                sampled.sample(u, v, out);
            }

            @Override
            public double residualTolerance() {
                return 1e-9;
            }
        }, 8);
    }
}
