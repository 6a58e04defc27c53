package org.outpost.app.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The consent to sharing: nothing is shared unless given; genotypes only with summaries; a withdrawal says who and when. */
class SharingConsentTest {
    private static final Recorded ASKED = new Recorded("dr.a", Instant.parse("2025-01-02T10:00:00Z"));
    private static final Recorded TAKEN_BACK = new Recorded("dr.b", Instant.parse("2025-06-01T09:00:00Z"));

    @Test
    void onlyAGivenConsentShares() {
        assertThat(SharingConsent.notRecorded().sharesSummaries()).isFalse();
        assertThat(SharingConsent.refused(ASKED).sharesSummaries()).isFalse();
        assertThat(SharingConsent.given(false, ASKED).sharesSummaries()).isTrue();
        assertThat(SharingConsent.given(false, ASKED).sharesGenotypes()).isFalse();
        assertThat(SharingConsent.given(true, ASKED).sharesGenotypes()).isTrue();
        assertThat(SharingConsent.legacy(Consent.GIVEN).sharesSummaries()).isTrue();
        assertThat(SharingConsent.legacy(Consent.GIVEN).recorded()).isEmpty();
    }

    @Test
    void aWithdrawalKeepsWhoHadRecordedTheConsentAndSharesNothing() {
        SharingConsent withdrawn = SharingConsent.given(true, ASKED).withdraw(TAKEN_BACK);
        assertThat(withdrawn.summaries()).isEqualTo(Consent.WITHDRAWN);
        assertThat(withdrawn.recorded()).contains(ASKED);
        assertThat(withdrawn.withdrawn()).contains(TAKEN_BACK);
        assertThat(withdrawn.withdrawnAt()).contains(TAKEN_BACK.at());
        assertThat(withdrawn.sharesSummaries()).isFalse();
        assertThat(withdrawn.sharesGenotypes()).isFalse();
        assertThatThrownBy(() -> SharingConsent.refused(ASKED).withdraw(TAKEN_BACK))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void impossibleCombinationsAreRefused() {
        assertThatThrownBy(() -> new SharingConsent(Consent.REFUSED, true, Optional.of(ASKED), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SharingConsent(Consent.UNKNOWN, false, Optional.of(ASKED), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SharingConsent(Consent.WITHDRAWN, false, Optional.of(ASKED), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SharingConsent(Consent.GIVEN, false, Optional.of(ASKED), Optional.of(TAKEN_BACK)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharingConsent.legacy(Consent.WITHDRAWN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPatientWithoutAConsentHasNoneRecorded() {
        Patient p = new Patient(PatientId.random(), new Mrn("T-1"), "A", "B", Sex.FEMALE,
                java.time.LocalDate.of(1970, 1, 1), "", "", null, null);
        assertThat(p.consent()).isEqualTo(SharingConsent.notRecorded());
        assertThat(p.withConsent(SharingConsent.given(false, ASKED)).consent().sharesSummaries()).isTrue();
    }
}
