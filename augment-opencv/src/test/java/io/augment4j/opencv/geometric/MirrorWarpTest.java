package io.augment4j.opencv.geometric;

import io.augment4j.api.geometry.Matrices;
import io.augment4j.opencv.MatPool;
import io.augment4j.opencv.OpenCvRuntime;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A warp whose matrix only mirrors the image onto itself (a fused run of flips whose rotation and crop did not fire)
 * takes {@code Core.flip} or a copy: the same pixels, bit for bit, as {@code warpAffine} gives for that matrix, with
 * every interpolation and border; a matrix a hair away from a flip still warps.
 */
class MirrorWarpTest {
    private static final int H = 37;
    private static final int W = 50;

    /** hflip, vflip, both and the identity on pixel centres, each also as a product with rounding in it. */
    private static List<double[]> mirrors() {
        double[] h = Matrices.affine(-1, 0, W - 1, 0, 1, 0);
        double[] v = Matrices.affine(1, 0, 0, 0, -1, H - 1);
        double[] rotate = Matrices.rotation(W / 2.0 - 0.5, H / 2.0 - 0.5, 33, 1.0);
        double[] unrotate = Matrices.rotation(W / 2.0 - 0.5, H / 2.0 - 0.5, -33, 1.0);
        double[] hv = Matrices.multiply(h, v);
        return List.of(h, v, hv, Matrices.identity(),
                Matrices.multiply(Matrices.multiply(h, rotate), unrotate),
                Matrices.multiply(Matrices.multiply(rotate, hv), Matrices.multiply(unrotate, Matrices.identity())));
    }

    @Test
    void recognisesExactlyTheMirrors() {
        int[] codes = {1, 0, -1, ProjectiveWarp.IDENTITY, 1, -1};
        List<double[]> ms = mirrors();
        for (int i = 0; i < ms.size(); i++) {
            assertEquals(codes[i], ProjectiveWarp.mirrorCode(ms.get(i), W, H), "matrix " + i);
        }
        assertEquals(ProjectiveWarp.NOT_A_MIRROR,
                ProjectiveWarp.mirrorCode(Matrices.affine(-1, 0, W - 1.01, 0, 1, 0), W, H), "a hundredth off");
        assertEquals(ProjectiveWarp.NOT_A_MIRROR,
                ProjectiveWarp.mirrorCode(Matrices.affine(-1, 0, W, 0, 1, 0), W, H), "a whole pixel off");
        assertEquals(ProjectiveWarp.NOT_A_MIRROR,
                ProjectiveWarp.mirrorCode(Matrices.affine(0, 1, 0, 1, 0, 0), W, H), "a transpose");
        assertEquals(ProjectiveWarp.NOT_A_MIRROR, ProjectiveWarp.mirrorCode(
                Matrices.multiply(Matrices.affine(-1, 0, W - 1, 0, 1, 0), Matrices.rotation(10, 10, 0.5, 1)), W, H));
    }

    @Test
    void aMirrorGivesTheWarpsPixelsBitForBit() {
        OpenCvRuntime.ensureLoaded();
        int[] types = {CvType.CV_8UC3, CvType.CV_8UC1, CvType.CV_32FC3, CvType.CV_8UC4};
        int[] interpolations = {Imgproc.INTER_LINEAR, Imgproc.INTER_NEAREST, Imgproc.INTER_CUBIC};
        int[] borders = {Core.BORDER_REFLECT_101, Core.BORDER_CONSTANT};
        for (int type : types) {
            Mat src = new Mat(H, W, type);
            Core.randu(src, 0, 255);
            for (double[] m : mirrors()) {
                for (int interpolation : interpolations) {
                    for (int border : borders) {
                        WarpOptions options = new WarpOptions(interpolation, border, new double[] {7});
                        Mat fast = ProjectiveWarp.warp("test", src, m, W, H, options);
                        Mat reference = new Mat();
                        Mat a = new Mat(2, 3, CvType.CV_64F);
                        a.put(0, 0, m[0], m[1], m[2], m[3], m[4], m[5]);
                        Imgproc.warpAffine(src, reference, a, new Size(W, H), interpolation, border,
                                Scalar.all(7));
                        Mat diff = new Mat();
                        Core.absdiff(fast, reference, diff);
                        double worst = Core.norm(diff, Core.NORM_INF);
                        assertEquals(0, worst, CvType.typeToString(type) + " interpolation " + interpolation
                                + " border " + border);
                        MatPool.recycle(fast);
                        diff.release();
                        reference.release();
                        a.release();
                    }
                }
            }
            src.release();
        }
    }

    @Test
    void aNearMirrorStillWarps() {
        OpenCvRuntime.ensureLoaded();
        Mat src = new Mat(H, W, CvType.CV_8UC1);
        Core.randu(src, 0, 255);
        double[] halfOff = Matrices.affine(-1, 0, W - 1.5, 0, 1, 0);
        Mat warped = ProjectiveWarp.warp("test", src, halfOff, W, H, WarpOptions.DEFAULT);
        Mat flipped = new Mat();
        Core.flip(src, flipped, 1);
        Mat diff = new Mat();
        Core.absdiff(warped, flipped, diff);
        assertTrue(Core.norm(diff, Core.NORM_INF) > 0, "half a pixel off a flip interpolates");
        MatPool.recycle(warped);
    }
}
