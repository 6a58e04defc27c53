package org.outpost.sync.deid;

import java.util.Objects;
import java.util.regex.Pattern;
import org.outpost.app.domain.PatientId;

/**
 * The only patient identifier that leaves the site: HMAC-SHA256(site secret, internal patient id) as 64 lower-case
 * hex digits. Stable per site (the same patient always gets the same pseudonym, so a resend updates rather than
 * duplicates) and different between sites. It is not derived from the MRN, a name or a date, and cannot be turned
 * back into the patient id without the site secret, so it is not one of the identifiers of 45 CFR
 * 164.514(b)(2)(i): it is a re-identification code kept under 164.514(c) (not derived from information about the
 * individual, and the key is never disclosed). 64 characters is FHIR's longest logical id, so it is also the
 * Patient's id on the server.
 */
public record Pseudonym(String hex) implements Comparable<Pseudonym> {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Pseudonym {
        Objects.requireNonNull(hex, "hex");
        if (!HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("A pseudonym is 64 lower-case hex digits");
        }
    }

    /** The pseudonym of {@code patient} at the site holding {@code secret}. */
    public static Pseudonym of(PseudonymKey secret, PatientId patient) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(patient, "patient");
        return new Pseudonym(secret.hmacHex(patient.toString()));
    }

    @Override
    public int compareTo(Pseudonym o) {
        return hex.compareTo(o.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
