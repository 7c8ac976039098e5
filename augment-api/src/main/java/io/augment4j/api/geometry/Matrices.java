package io.augment4j.api.geometry;

/** Small 3x3 matrix helpers (row-major {@code double[9]}) for composing projective maps. */
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
}
