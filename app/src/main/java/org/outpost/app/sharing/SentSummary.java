package org.outpost.app.sharing;

import java.time.Instant;
import java.util.Objects;
import org.outpost.app.domain.PatientId;

/**
 * What was sent for a patient, exactly: the de-identified bundle as it left the workstation, the outbox generation
 * it was built for, and when the server confirmed it. The store keeps the latest per patient, to show "what was
 * sent" in the chart.
 *
 * @param patient    whose summary (internal id; the bundle itself carries only the pseudonym)
 * @param generation the {@link OutboxEntry#generation()} the bundle was built for
 * @param bundleJson the de-identified FHIR bundle, as sent
 * @param sentAt     when the server confirmed it
 */
public record SentSummary(PatientId patient, long generation, String bundleJson, Instant sentAt) {
    /** Longest bundle the store keeps (characters); a longer one is refused rather than cut. */
    public static final int MAX_BUNDLE_CHARS = 1_000_000;

    public SentSummary {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(bundleJson, "bundleJson");
        Objects.requireNonNull(sentAt, "sentAt");
        if (bundleJson.length() > MAX_BUNDLE_CHARS) {
            throw new IllegalArgumentException("A sent bundle of over " + MAX_BUNDLE_CHARS + " characters cannot be kept");
        }
    }

    /** What was sent for {@code entry}. */
    public static SentSummary of(OutboxEntry entry, String bundleJson, Instant sentAt) {
        return new SentSummary(entry.patient(), entry.generation(), bundleJson, sentAt);
    }

    @Override
    public String toString() {
        return "SentSummary[" + patient + ", generation " + generation + ", " + bundleJson.length() + " chars, " + sentAt
                + "]";
    }
}
