package io.augment4j.api.geometry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatricesTest {
    private static double[] map(double[] m, double x, double y) {
        double w = m[6] * x + m[7] * y + m[8];
        return new double[] {(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w};
    }

    @Test
    void multiplyAppliesTheRightFactorFirst() {
        double[] shift = Matrices.affine(1, 0, 5, 0, 1, 0);
        double[] scale = Matrices.affine(2, 0, 0, 0, 2, 0);
        assertArrayEquals(new double[] {12, 2}, map(Matrices.multiply(shift, scale), 3.5, 1), 0);
        assertArrayEquals(new double[] {17, 2}, map(Matrices.multiply(scale, shift), 3.5, 1), 0);
        assertArrayEquals(scale, Matrices.multiply(Matrices.identity(), scale), 0);
    }

    @Test
    void rotationIsCounterClockwiseOnScreenAboutTheCentre() {
        // cv2.getRotationMatrix2D((2, 2), 90, 1): (4, 2), right of the centre, goes up to (2, 0)
        double[] r = Matrices.rotation(2, 2, 90, 1);
        assertArrayEquals(new double[] {2, 0}, map(r, 4, 2), 1e-12);
        assertArrayEquals(new double[] {2, 2}, map(r, 2, 2), 1e-12);
        assertTrue(Matrices.isAffine(r));
    }

    @Test
    void perspectiveMapsTheFourPoints() {
        double[] src = {0, 0, 10, 0, 10, 10, 0, 10};
        double[] dst = {1, 2, 9, 0, 12, 11, -1, 8};
        double[] h = Matrices.perspective(src, dst);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(new double[] {dst[2 * i], dst[2 * i + 1]}, map(h, src[2 * i], src[2 * i + 1]), 1e-9);
        }
        assertFalse(Matrices.isAffine(h));
        assertArrayEquals(Matrices.identity(), Matrices.perspective(src, src), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> Matrices.perspective(new double[] {0, 0, 1, 1, 2, 2, 3, 3}, dst));
    }
}
