package org.outpost.ui.testing;

import org.outpost.store.TestVaults;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.User;
import org.outpost.app.port.Store;
import org.outpost.app.port.Vault;
import org.outpost.app.usecase.ChartService;
import org.outpost.app.usecase.AllergyDraft;
import org.outpost.app.usecase.PatientDraft;
import org.outpost.app.usecase.PatientRegistry;
import org.outpost.app.usecase.Session;
import org.outpost.store.H2Vault;

/** A real encrypted H2 database in a test's temporary directory, created with an administrator. */
public record StoreFixture(Vault vault, Store store, User admin, Clock clock) implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String ADMIN_NAME = "Dr Ada Admin";
    public static final String PASSWORD = "correct horse battery";

    /** Creates the database (about half a second of key derivation) and keeps it open. */
    public static StoreFixture create(Path dir, Clock clock) {
        H2Vault vault = TestVaults.fast(dir, clock);
        Vault.Unlocked unlocked = vault.create(ADMIN, ADMIN_NAME, PASSWORD.toCharArray());
        return new StoreFixture(vault, unlocked.store(), unlocked.user(), clock);
    }

    /** Unlocks an existing database in {@code dir} as the administrator. */
    public static StoreFixture open(Path dir, Clock clock) {
        H2Vault vault = TestVaults.fast(dir, clock);
        try {
            Vault.Unlocked unlocked = vault.unlock(ADMIN, PASSWORD.toCharArray());
            return new StoreFixture(vault, unlocked.store(), unlocked.user(), clock);
        } catch (org.outpost.app.port.WrongCredentialsException e) {
            throw new IllegalStateException(e);
        }
    }

    public Session session() {
        return new Session(admin);
    }

    public PatientRegistry patients() {
        return new PatientRegistry(store, clock, session());
    }

    public ChartService charts() {
        return new ChartService(store, clock, session());
    }

    /**
     * Registers a patient whose allergies are the comma-separated substances (reaction and severity not recorded),
     * or, when blank, "no known allergies" recorded by the fixture's user — tests of other screens are not about an
     * unrecorded allergy status (see {@link #register(String, String, Sex, LocalDate, AllergyDraft)}).
     */
    public Patient register(String family, String given, Sex sex, LocalDate born, String allergies) {
        return register(family, given, sex, born, allergies == null || allergies.isBlank()
                ? AllergyDraft.noKnownAllergies() : AllergyDraft.ofText(allergies));
    }

    public Patient register(String family, String given, Sex sex, LocalDate born, AllergyDraft allergies) {
        return patients().register(new PatientDraft("", family, given, sex, born, "", "", Consent.UNKNOWN, allergies),
                true);
    }

    public void record(Patient p, Instant at, Map<Measure, Quantity> values) {
        charts().record(p.id(), values, at);
    }

    public java.util.List<Observation> observations(Patient p) {
        return store.read(r -> r.observations().forPatient(p.id()));
    }

    @Override
    public void close() {
        store.close();
    }
}
