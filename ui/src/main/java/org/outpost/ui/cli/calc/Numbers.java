package org.outpost.ui.cli.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How {@code admin calc} prints numbers, the same in JSON and CSV: a result in points that is a whole
 * number is printed as an integer; any other result (a risk in %) is rounded half-up to
 * {@value #VALUE_DECIMALS} decimals; a contribution in points likewise, other contributions (a term of
 * a linear predictor) to {@value #TERM_DECIMALS} decimals. Trailing zeros are dropped, never an exponent.
 */
final class Numbers {
    static final int VALUE_DECIMALS = 2;
    static final int TERM_DECIMALS = 4;
    static final String POINTS = "points";

    /** One sentence for {@code --help}, as a picocli format string ({@code %%} for a percent sign). */
    static final String RULE_FORMAT = "Numbers: a score in points is printed as a whole number; a risk in %% (or any other "
            + "value) is rounded half-up to " + VALUE_DECIMALS + " decimals; contributions in points likewise, "
            + "other contributions (terms of a regression model) to " + TERM_DECIMALS + " decimals.";
    /** The same sentence as plain text. */
    static final String RULE = RULE_FORMAT.replace("%%", "%");

    private Numbers() {
    }

    static BigDecimal value(double v, String unit) {
        return round(v, VALUE_DECIMALS, POINTS.equals(unit));
    }

    static BigDecimal contribution(double v, String unit) {
        boolean points = POINTS.equals(unit);
        return round(v, points ? VALUE_DECIMALS : TERM_DECIMALS, points);
    }

    /** Plain text for CSV cells and messages. */
    static String text(BigDecimal n) {
        return n.toPlainString();
    }

    private static BigDecimal round(double v, int decimals, boolean wholeIfWhole) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("not a finite number");
        }
        // valueOf goes through the shortest decimal form (Double.toString), so 2.675 rounds to 2.68
        BigDecimal d = BigDecimal.valueOf(v);
        if (wholeIfWhole && v == Math.rint(v)) {
            return d.setScale(0, RoundingMode.UNNECESSARY);
        }
        BigDecimal r = d.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r.signum() == 0 ? BigDecimal.ZERO : r;
    }
}
