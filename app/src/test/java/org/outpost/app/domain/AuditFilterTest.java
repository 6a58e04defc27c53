package org.outpost.app.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditFilterTest {
    @Test
    void daysAreTheClinicsWholeDaysHalfOpen() {
        // Auckland is UTC+13 on 1 March 2026 (NZDT until 5 April), so its 1 March starts at 11:00Z on 28 February
        AuditFilter f = AuditFilter.of(" Nurse.Kim ", "  ", AuditAction.CHART_OPENED, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1), ZoneId.of("Pacific/Auckland"));
        assertThat(f.username()).contains("nurse.kim");
        assertThat(f.patientText()).isEmpty();
        assertThat(f.from()).contains(Instant.parse("2026-02-28T11:00:00Z"));
        assertThat(f.until()).contains(Instant.parse("2026-03-01T11:00:00Z"));
        assertThatThrownBy(() -> AuditFilter.of(null, null, null, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1),
                ZoneId.of("UTC"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditFilter.of(null, "x".repeat(AuditFilter.MAX_PATIENT_TEXT + 1), null, null, null,
                ZoneId.of("UTC"))).hasMessageContaining("longer than");
    }

    @Test
    void itsDescriptionForTheAuditLogNeverHoldsThePatientText() {
        AuditFilter f = new AuditFilter(Optional.of("nurse.kim"), Optional.of("O'Brien OB-0001"),
                Optional.of(AuditAction.CHART_OPENED), Optional.of(Instant.parse("2026-03-01T08:00:00Z")),
                Optional.empty());
        assertThat(f.describe())
                .isEqualTo("user=nurse.kim;action=CHART_OPENED;from=2026-03-01T08:00:00Z;patient=set");
        assertThat(f.toString()).doesNotContain("Brien").doesNotContain("OB-0001");
        assertThat(f.patientWords()).containsExactly("o'brien", "ob-0001");
        assertThat(AuditFilter.ALL.describe()).isEqualTo("all");
    }
}
