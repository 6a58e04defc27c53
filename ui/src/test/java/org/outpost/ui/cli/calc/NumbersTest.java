package org.outpost.ui.cli.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void pointsAreWholeNumbers() {
        assertThat(Numbers.text(Numbers.value(4.0, "points"))).isEqualTo("4");
        assertThat(Numbers.text(Numbers.value(0.0, "points"))).isEqualTo("0");
        assertThat(Numbers.text(Numbers.value(20.0, "points"))).isEqualTo("20");
        assertThat(Numbers.text(Numbers.value(2.5, "points"))).isEqualTo("2.5");
    }

    @Test
    void percentagesHaveAtMostTwoDecimalsRoundedHalfUpWithoutBinaryNoise() {
        assertThat(Numbers.text(Numbers.value(7.123456, "%"))).isEqualTo("7.12");
        assertThat(Numbers.text(Numbers.value(2.675, "%"))).isEqualTo("2.68");
        assertThat(Numbers.text(Numbers.value(0.1 + 0.2, "%"))).isEqualTo("0.3");
        assertThat(Numbers.text(Numbers.value(10.0, "%"))).isEqualTo("10");
        assertThat(Numbers.text(Numbers.value(100.0, "%"))).isEqualTo("100");
        assertThat(Numbers.text(Numbers.value(0.001, "%"))).isEqualTo("0");
        assertThat(Numbers.text(Numbers.value(1e-9, "%"))).isEqualTo("0");
    }

    @Test
    void regressionTermsKeepFourDecimals() {
        assertThat(Numbers.text(Numbers.contribution(-0.123456, "ln(hazard)"))).isEqualTo("-0.1235");
        assertThat(Numbers.text(Numbers.contribution(2.0, "points"))).isEqualTo("2");
    }

    @Test
    void nonFiniteIsABug() {
        assertThatThrownBy(() -> Numbers.value(Double.NaN, "%")).isInstanceOf(IllegalStateException.class);
    }
}
