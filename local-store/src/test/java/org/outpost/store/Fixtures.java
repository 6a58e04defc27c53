package org.outpost.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Sex;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.TestKdfCost;

/** Shared test data and helpers, including a raw JDBC door into an encrypted database. */
final class Fixtures {
    static final String ADMIN = "admin";
    static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    static final char[] WRONG = "incorrect horse battery staple".toCharArray();

    private Fixtures() {
    }

    /** Consent to de-identified summaries (not genotypes), as the fixture patients have it. */
    static final SharingConsent CONSENTED = SharingConsent.given(false,
            new Recorded("dr.test", java.time.Instant.parse("2024-01-01T09:00:00Z")));

    static char[] pw() {
        return PASSWORD.clone();
    }

    static Patient patient(String mrn, String family, String given, LocalDate born, String... allergies) {
        return new Patient(PatientId.random(), new Mrn(mrn), family, given, Sex.FEMALE, born, "1 Main Street",
                "555-0100", CONSENTED, AllergyStatus.fromLegacy(List.of(allergies)));
    }

    /** The patient with "no known allergies" recorded, for tests of checks other than the allergy check. */
    static Patient noKnownAllergies(Patient p) {
        return new Patient(p.id(), p.mrn(), p.familyName(), p.givenName(), p.sex(), p.birthDate(), p.address(), p.phone(),
                p.consent(), new AllergyStatus.NoKnownAllergies(new org.outpost.app.domain.Recorded("dr.test",
                        java.time.Instant.parse("2024-01-01T09:00:00Z"))));
    }

    /** Opens the encrypted file directly, deriving the H2 password the way the vault does. */
    static Connection rawConnection(Path dir, String user, char[] password) throws SQLException, WrongCredentialsException {
        var slot = KeySlotFile.read(dir.resolve(KeySlotFile.NAME)).find(user).orElseThrow();
        try (DataKey key = TestKdfCost.lowCostWrapper().unwrap(slot, password)) {
            return H2Database.connect(dir, key, true);
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Every regular file under {@code dir} whose bytes contain {@code needle}. */
    static List<Path> filesContaining(Path dir, byte[] needle) throws IOException {
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (contains(Files.readAllBytes(p), needle)) {
                    hits.add(p);
                }
            }
        }
        return hits;
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
