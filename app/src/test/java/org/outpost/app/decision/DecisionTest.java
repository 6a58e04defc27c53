package org.outpost.app.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.PatientId;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;

class DecisionTest {
    private static final ModelRef REF = new ModelRef("m", "1.0.0", "M", "src");
    private static final ModelInputs INPUTS = ModelInputs.of(Map.of("sex", "female", "age", 70, "smoker", false,
            "systolicBp", 138.5));

    private static Decision decision(DecisionKind kind, String reason) {
        return new Decision(UUID.randomUUID(), PatientId.random(), "m", "1.0.0", DecisionInputs.canonical(INPUTS),
                OptionalDouble.of(3), Optional.of("high"), kind, reason, "dr", Instant.EPOCH);
    }

    @Test
    void canonicalInputsAreSortedAndRoundTrip() {
        String text = DecisionInputs.canonical(INPUTS);
        assertThat(text).isEqualTo("age=70;sex=female;smoker=false;systolicBp=138.5");
        assertThat(DecisionInputs.parse(text).asMap()).isEqualTo(INPUTS.asMap());
        ModelInputs odd = ModelInputs.of(Map.of("region", "a;b=c%"));
        assertThat(DecisionInputs.parse(DecisionInputs.canonical(odd)).asMap()).isEqualTo(odd.asMap());
        assertThat(DecisionInputs.parse("").asMap()).isEmpty();
    }

    @Test
    void anOverrideNeedsAReason() {
        assertThatThrownBy(() -> decision(DecisionKind.OVERRIDDEN, "  ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(decision(DecisionKind.OVERRIDDEN, " patient declines ").reason()).isEqualTo("patient declines");
        assertThat(decision(DecisionKind.ACKNOWLEDGED, null).reason()).isEmpty();
    }

    @Test
    void aDecisionIsStaleWhenInputsOrModelVersionChange() {
        Decision d = decision(DecisionKind.ACKNOWLEDGED, "");
        assertThat(d.isStaleFor(REF, INPUTS)).isFalse();
        assertThat(d.isStaleFor(REF, ModelInputs.of(Map.of("age", 70.0, "sex", "female", "smoker", false,
                "systolicBp", 138.5)))).isFalse(); // the same values, built another way
        assertThat(d.isStaleFor(REF, INPUTS.with("systolicBp", 120))).isTrue();
        assertThat(d.isStaleFor(REF, INPUTS.without("smoker"))).isTrue();
        assertThat(d.isStaleFor(new ModelRef("m", "1.1.0", "M", "src"), INPUTS)).isTrue();
    }

    @Test
    void toStringHoldsNoInputsOrReason() {
        assertThat(decision(DecisionKind.OVERRIDDEN, "secret reason").toString())
                .doesNotContain("secret").doesNotContain("female");
    }
}
