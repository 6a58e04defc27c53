package org.outpost.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.AllergyEntry;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.Recorded;
import org.outpost.app.validation.Violation;

class AllergyDraftTest {
    private static final Instant THEN = Instant.parse("2024-03-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    @Test
    void blankTextIsNotRecordedNeverNoKnownAllergies() {
        assertThat(AllergyDraft.ofText("  ").toStatus(AllergyStatus.notRecorded(), "dr.a", NOW))
                .isInstanceOf(AllergyStatus.NotRecorded.class);
        assertThat(AllergyStatus.fromLegacy(List.of())).isInstanceOf(AllergyStatus.NotRecorded.class);
    }

    @Test
    void legacyTextBecomesEntriesWithUnknownReactionAndSeverity() {
        AllergyStatus status = AllergyStatus.fromLegacy(List.of("penicillin", "latex"));
        assertThat(status.entries()).extracting(AllergyEntry::substance).containsExactly("penicillin", "latex");
        assertThat(status.entries()).allSatisfy(e -> {
            assertThat(e.reaction()).isEmpty();
            assertThat(e.severity()).isEqualTo(AllergySeverity.UNKNOWN);
            assertThat(e.recorded()).isEmpty();
        });
    }

    @Test
    void noKnownAllergiesIsRecordedByTheUserNowAndKeepsItsFirstRecordWhenSavedAgain() {
        AllergyStatus first = AllergyDraft.noKnownAllergies().toStatus(AllergyStatus.notRecorded(), "dr.a", THEN);
        assertThat(first).isEqualTo(new AllergyStatus.NoKnownAllergies(new Recorded("dr.a", THEN)));
        assertThat(AllergyDraft.noKnownAllergies().toStatus(first, "dr.b", NOW)).isEqualTo(first);
    }

    @Test
    void unchangedEntriesKeepTheirRecorderAndNewOrChangedOnesAreStamped() {
        AllergyStatus before = new AllergyStatus.Listed(List.of(
                new AllergyEntry("penicillin", "hives", AllergySeverity.MODERATE, Optional.of(new Recorded("dr.a", THEN))),
                AllergyEntry.legacy("latex")));
        AllergyStatus after = AllergyDraft.list(List.of(
                new AllergyDraft.Entry("Penicillin", "hives", AllergySeverity.MODERATE),
                new AllergyDraft.Entry("latex", "contact dermatitis", AllergySeverity.MILD),
                new AllergyDraft.Entry("codeine", "", null))).toStatus(before, "dr.b", NOW);
        assertThat(after.entries()).extracting(e -> e.recorded().orElseThrow().by())
                .containsExactly("dr.a", "dr.b", "dr.b");
        assertThat(after.entries().get(2).severity()).isEqualTo(AllergySeverity.UNKNOWN);
    }

    @Test
    void anEmptyListABlankSubstanceAndARepeatAreRefused() {
        assertThat(AllergyDraft.list(List.of()).validate()).extracting(Violation::key)
                .containsExactly("patient.allergyListEmpty");
        assertThat(AllergyDraft.list(List.of(new AllergyDraft.Entry(" ", "rash", AllergySeverity.MILD),
                new AllergyDraft.Entry("latex", "", null), new AllergyDraft.Entry("LATEX", "", null))).validate())
                .extracting(Violation::key)
                .containsExactly("patient.allergySubstanceRequired", "patient.allergyRepeated");
        assertThat(AllergyDraft.noKnownAllergies().validate()).isEmpty();
    }

    @Test
    void aSavedStatusRoundTripsThroughTheDraft() {
        AllergyStatus listed = new AllergyStatus.Listed(List.of(
                new AllergyEntry("aspirin", "wheeze", AllergySeverity.SEVERE, Optional.of(new Recorded("dr.a", THEN)))));
        assertThat(AllergyDraft.of(listed).toStatus(listed, "dr.b", NOW)).isEqualTo(listed);
    }
}
