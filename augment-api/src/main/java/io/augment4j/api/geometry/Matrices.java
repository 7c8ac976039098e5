package io.augment4j.api.geometry;

/**
 * The 3x3 matrix maths of projective maps (row-major {@code double[9]}, pixel-centre coordinates as in
 * {@link ProjectiveParams}): building affine, rotation and perspective matrices, composing them. Pure Java, no native
 * calls, so parameter records stay cheap to build and to serialize.
 */
public final class Matrices {
    private Matrices() {
    }

    /** The identity. */
    public static double[] identity() {
        return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    /** {@code a * b}: apply {@code b} first, then {@code a}. */
    public static double[] multiply(double[] a, double[] b) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
            }
        }
        return r;
    }

    /** True when the last row is {@code (0, 0, 1)}: the map is affine and a 2x3 warp suffices. */
    public static boolean isAffine(double[] m) {
        return Math.abs(m[6]) < 1e-12 && Math.abs(m[7]) < 1e-12 && Math.abs(m[8] - 1) < 1e-12;
    }

    /** An affine 2x3 matrix (6 values, row-major) completed to 3x3. */
    public static double[] affine(double a, double b, double c, double d, double e, double f) {
        return new double[] {a, b, c, d, e, f, 0, 0, 1};
    }

    /** The rotation of {@code cv2.getRotationMatrix2D(center, angle, scale)}: positive = counter-clockwise. */
    public static double[] rotation(double cx, double cy, double angleDeg, double scale) {
        double rad = Math.toRadians(angleDeg);
        double a = Math.cos(rad) * scale;
        double b = Math.sin(rad) * scale;
        return affine(a, b, (1 - a) * cx - b * cy, -b, a, b * cx + (1 - a) * cy);
    }

    /**
     * The homography taking the 4 points {@code src} to the 4 points {@code dst} (each {@code x0,y0,...,x3,y3}),
     * solved as {@code cv2.getPerspectiveTransform} does: the same 8x8 system, Gaussian elimination with partial
     * pivoting, {@code m22 = 1}.
     *
     * @throws IllegalArgumentException when the points are degenerate (three on a line)
     */
    public static double[] perspective(double[] src, double[] dst) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = src[2 * i];
            double y = src[2 * i + 1];
            double u = dst[2 * i];
            double v = dst[2 * i + 1];
            a[i][0] = x;
            a[i][1] = y;
            a[i][2] = 1;
            a[i][6] = -x * u;
            a[i][7] = -y * u;
            a[i][8] = u;
            a[i + 4][3] = x;
            a[i + 4][4] = y;
            a[i + 4][5] = 1;
            a[i + 4][6] = -x * v;
            a[i + 4][7] = -y * v;
            a[i + 4][8] = v;
        }
        for (int col = 0; col < 8; col++) {
            int piv = col;
            for (int r = col + 1; r < 8; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            if (Math.abs(a[piv][col]) < 1e-300) {
                throw new IllegalArgumentException("degenerate quadrilateral: no perspective transform");
            }
            double[] t = a[piv];
            a[piv] = a[col];
            a[col] = t;
            for (int r = col + 1; r < 8; r++) {
                double f = a[r][col] / a[col][col];
                if (f != 0) {
                    for (int k = col; k < 9; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] x = new double[8];
        for (int r = 7; r >= 0; r--) {
            double s = a[r][8];
            for (int k = r + 1; k < 8; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return new double[] {x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], 1};
    }
}
