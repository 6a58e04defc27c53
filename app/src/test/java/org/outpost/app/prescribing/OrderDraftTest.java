package org.outpost.app.prescribing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.outpost.app.model.SuggestedDose;

class OrderDraftTest {
    @Test
    void anOrderGivesASuggestionWithTheSameAmountUnitAndFrequencyInAnyWording() {
        OrderDraft riva = new OrderDraft(" Rivaroxaban ", 15, "mg", "once daily", null);
        assertThat(riva.drug()).isEqualTo("rivaroxaban");
        assertThat(riva.route()).isEqualTo("oral");
        assertThat(riva.gives(new SuggestedDose(15, "mg", "once daily with the evening meal"))).isTrue();
        assertThat(riva.gives(new SuggestedDose(20, "mg", "once daily with the evening meal"))).isFalse();
        assertThat(riva.gives(new SuggestedDose(15, "mg", "twice daily"))).isFalse();
        assertThat(riva.gives(new SuggestedDose(15, "mcg", "once daily"))).isFalse();
        assertThat(new OrderDraft("x", 2.5, "mg", "twice daily", "").gives(new SuggestedDose(2.5, "mg", "bid"))).isTrue();
        assertThat(OrderDraft.canonicalFrequency("once daily with the evening meal")).isEqualTo("once daily");
    }

    @Test
    void everyProblemIsNamedByField() {
        assertThat(new OrderDraft("", Double.NaN, "pills", "now and then", "").violations())
                .extracting(v -> v.field() + ":" + v.key())
                .containsExactly("drug:order.drugMissing", "amount:order.amountNotPositive", "unit:order.unitUnknown",
                        "frequency:order.frequencyUnknown");
        assertThat(new OrderDraft("warfarin", 500_000, "mg", "once daily", "").violations())
                .extracting(v -> v.key()).containsExactly("order.amountImpossible");
        assertThat(new OrderDraft("warfarin", 5, "mg", "once daily", "").violations()).isEmpty();
        assertThat(new OrderDraft("warfarin", 2.50, "mg", "once daily", "").amountText()).isEqualTo("2.5");
    }
}
