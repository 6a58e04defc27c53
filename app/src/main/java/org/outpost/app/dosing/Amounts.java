package org.outpost.app.dosing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Amounts as a prescriber writes them: no trailing zeros, and no more digits than a dose needs. */
final class Amounts {
    private Amounts() {
    }

    /** 75, 2.5, 7.14, 0.005, 1071: whole numbers bare, others to three significant digits (at least). */
    static String text(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) >= 100) {
            return Long.toString(Math.round(v));
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_UP));
        return d.stripTrailingZeros().toPlainString();
    }

    /** A ratio with one decimal: 12.5, 10, 1071.4. */
    static String ratio(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
