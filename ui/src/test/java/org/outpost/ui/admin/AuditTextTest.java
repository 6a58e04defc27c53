package org.outpost.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Role;
import org.outpost.ui.text.UiText;

/** Audit rows in words: actions, people, patients and details without ids. */
class AuditTextTest {
    private final AuditText words = new AuditText(new UiText(Locale.ENGLISH),
            Map.of("nurse.kim", "Kim Park", "it", "it"));

    private static AuditRow row(AuditAction action, String detail) {
        AuditEvent event = new AuditEvent(Instant.parse("2026-03-02T09:00:00Z"), "nurse.kim", action,
                Optional.of(PatientId.random()), detail);
        return new AuditRow(new AuditEntry(7, event, "0".repeat(64), "a".repeat(64)), Optional.of("Kim Park"),
                Optional.of(Role.CLINICIAN), Optional.of(new Mrn("OK-0002")), Optional.of("Okafor, Ngozi"));
    }

    @Test
    void everyActionHasWordsOfItsOwn() {
        var labels = Arrays.stream(AuditAction.values()).map(words::action).toList();
        assertThat(labels).noneMatch(l -> l.startsWith("!") || l.contains("_"));
        assertThat(labels).doesNotHaveDuplicates();
        assertThat(words.action(AuditAction.LOGIN_OK)).isEqualTo("Signed in");
        assertThat(words.action(AuditAction.AUDIT_EXPORTED)).isEqualTo("Exported audit log");
    }

    @Test
    void aDecisionOnAModelResultSaysWhichDecision() {
        assertThat(words.action(row(AuditAction.RISK_DECISION_RECORDED, "model=pce-2013;version=1.0.0;kind=OVERRIDDEN")))
                .isEqualTo("Overrode a model suggestion");
        assertThat(words.action(row(AuditAction.RISK_DECISION_RECORDED, "model=x;version=1;kind=ACKNOWLEDGED")))
                .isEqualTo("Acknowledged a model result");
        assertThat(words.action(row(AuditAction.RISK_DECISION_RECORDED, "model=x;version=1;kind=SOMETHING_NEW")))
                .isEqualTo("Recorded a decision on a model result");
    }

    @Test
    void detailsNameWhatTheirIdsMean() {
        assertThat(words.detail(row(AuditAction.OBSERVATION_RECORDED, "8480-6")))
                .isEqualTo("Systolic blood pressure (LOINC 8480-6)");
        assertThat(words.detail(row(AuditAction.USER_ADDED, "user=nurse.kim as clinician")))
                .isEqualTo("Account of Kim Park (nurse.kim), as Clinician");
        assertThat(words.detail(row(AuditAction.USER_DISABLED, "user=someone.gone")))
                .isEqualTo("Account of someone.gone");
        assertThat(words.detail(row(AuditAction.ORDER_PLACED,
                "order=3f2a91c0-7d4e-4b1a-9c3e-5a6b7c8d9e0f;alerts=1 high/0 moderate/0 low;overridden=1")))
                .isEqualTo("order #3f2a91c0, alerts: 1 high/0 moderate/0 low, overridden: 1");
        assertThat(words.detail(row(AuditAction.DATABASE_RESTORED, "from a backup made 2026-01-01T00:00:00Z")))
                .isEqualTo("from a backup made 2026-01-01T00:00:00Z");
    }

    @Test
    void thePatientIsNamedOnlyWhenTheRowCarriesTheName() {
        AuditRow named = row(AuditAction.CHART_OPENED, "");
        assertThat(words.patient(named)).isEqualTo("Okafor, Ngozi (MRN OK-0002)");
        assertThat(words.patient(named.withoutPatientName())).isEqualTo("MRN OK-0002");
        assertThat(words.user(named)).isEqualTo("Kim Park (nurse.kim)");
        assertThat(words.role(named)).isEqualTo("Clinician");
    }
}
