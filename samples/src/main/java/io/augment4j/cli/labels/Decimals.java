package io.augment4j.cli.labels;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How label files write coordinates: at most {@code places} decimals, no trailing zeros, never an exponent. */
final class Decimals {
    private Decimals() {
    }

    static String of(double v, int places) {
        if (v == 0) {
            return "0"; // also turns -0.0 into 0
        }
        String s = new BigDecimal(v).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
