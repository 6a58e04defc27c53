package org.outpost.ui.text;

import java.time.LocalDate;
import java.time.ZoneId;
import org.outpost.app.domain.AllergyEntry;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.AllergyStatus;

/** Allergies in words, the same on the chart header and the patient form. */
public final class AllergyText {
    private AllergyText() {
    }

    /** A severity as the user reads it ("life-threatening"); "severity not recorded" for unknown. */
    public static String severity(UiText text, AllergySeverity severity) {
        return switch (severity) {
            case UNKNOWN -> text.get("patient.allergySeverity.unknown");
            case MILD -> text.get("patient.allergySeverity.mild");
            case MODERATE -> text.get("patient.allergySeverity.moderate");
            case SEVERE -> text.get("patient.allergySeverity.severe");
            case LIFE_THREATENING -> text.get("patient.allergySeverity.lifeThreatening");
        };
    }

    /** "penicillin: anaphylaxis, life-threatening"; a missing reaction or severity says it was not recorded. */
    public static String entry(UiText text, String substance, String reaction, AllergySeverity severity) {
        String what = reaction == null || reaction.isBlank() ? text.get("patient.allergyReaction.unknown") : reaction.strip();
        return text.get("patient.allergyEntry", substance, what, severity(text, severity));
    }

    /** The chart header's line: not recorded, no known allergies (who, when), or the list. */
    public static String status(UiText text, AllergyStatus status, ZoneId zone) {
        return switch (status) {
            case AllergyStatus.NotRecorded n -> text.get("chart.allergiesNotRecorded");
            case AllergyStatus.NoKnownAllergies n -> text.get("chart.noAllergies", n.recorded().by(),
                    LocalDate.ofInstant(n.recorded().at(), zone).toString());
            case AllergyStatus.Listed l -> text.get("chart.allergies", String.join("; ", l.entries().stream()
                    .map((AllergyEntry e) -> entry(text, e.substance(), e.reaction(), e.severity())).toList()));
        };
    }
}
