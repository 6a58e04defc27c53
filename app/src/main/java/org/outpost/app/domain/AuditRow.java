package org.outpost.app.domain;

import java.util.Objects;
import java.util.Optional;
import org.outpost.app.text.ClinicalText;

/**
 * An audit row as an auditor reads it: the stored entry (whose sequence and hash match {@code verify-audit}) with
 * who the user and the patient are as the store knows them now.
 *
 * @param userDisplayName the account's display name, empty when no account has that user name (e.g. a failed
 *                        sign-in with a mistyped name)
 * @param userRole        the account's role now (roles are fixed per account, so also when the row was written)
 * @param patientMrn      the patient's MRN, empty when the row is about no patient or the record is not on this
 *                        machine
 * @param patientName     "family name, given name", only for readers allowed to see who a patient is; see
 *                        {@link #withoutPatientName()}
 */
public record AuditRow(AuditEntry entry, Optional<String> userDisplayName, Optional<Role> userRole,
                       Optional<Mrn> patientMrn, Optional<String> patientName) {
    public AuditRow {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(userDisplayName, "userDisplayName");
        Objects.requireNonNull(userRole, "userRole");
        Objects.requireNonNull(patientMrn, "patientMrn");
        Objects.requireNonNull(patientName, "patientName");
    }

    /** How stores join a patient's two names for {@link #patientName}: the clinical bundle's English name order. */
    public static String name(String family, String given) {
        return ClinicalText.english().personName(family, given);
    }

    public AuditEvent event() {
        return entry.event();
    }

    @Override
    public String toString() {
        return "AuditRow[" + entry.sequence() + "]"; // no MRN or name in logs or exception messages
    }

    /** The same row without the patient's name, for a reader who may see the MRN only. */
    public AuditRow withoutPatientName() {
        return new AuditRow(entry, userDisplayName, userRole, patientMrn, Optional.empty());
    }
}
