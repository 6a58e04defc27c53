package org.outpost.ui.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.outpost.app.demo.DemoDataService;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.port.Store;
import org.outpost.app.sharing.BearerToken;
import org.outpost.app.usecase.ConsentDraft;
import org.outpost.app.usecase.ConsentService;
import org.outpost.app.usecase.SyncSettingsService;
import org.outpost.sync.deid.Pseudonym;
import org.outpost.sync.deid.PseudonymKey;
import org.outpost.sync.fhir.FhirR4;
import org.outpost.ui.testing.StoreFixture;

/**
 * A demo clinic for the sync integration tests, built once per test class through the real use cases: demo
 * patients ({@link DemoDataService}, about 60 % of whom consented when registered), consent then given to a few
 * who were never asked and withdrawn by a few who had given it ({@link ConsentService}), and sync configured with
 * k = {@value #K} and genotype sharing on ({@link SyncSettingsService}). Tests work on copies of its files.
 *
 * <p>What the k-anonymity gate should release is worked out here independently of the sync code: groups by
 * five-year birth band (or 90 or older) and sex — the demo addresses carry no ZIP code, so every patient's ZIP3
 * is the suppressed {@code 000} — over the patients whose consent is given.
 */
final class SyncClinic {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-16T09:30:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.now(CLOCK);
    static final int PATIENTS = 120;
    static final int K = 3;
    static final String TOKEN = "sync-integration-token-5b1e";
    static final int NEWLY_GIVEN = 8;
    static final int WITHDRAWN = 4;

    private SyncClinic() {
    }

    /** Builds the clinic in {@code dir} (about 10 s: demo data through the encrypted store). */
    static void build(Path dir) {
        try (StoreFixture f = StoreFixture.create(dir, CLOCK)) {
            new DemoDataService(f.store(), CLOCK, f.session()).create(PATIENTS, 12, DemoDataService.Progress.silent());
            ConsentService consent = new ConsentService(f.store(), CLOCK, f.session());
            int given = 0;
            int withdrawn = 0;
            List<Patient> all = patients(f.store());
            for (int i = 0; i < all.size(); i++) {
                Patient p = all.get(i);
                if (p.consent().summaries() == Consent.UNKNOWN && given < NEWLY_GIVEN) {
                    consent.record(p.id(), ConsentDraft.given(given % 2 == 0));
                    given++;
                } else if (p.consent().summaries() == Consent.GIVEN && i % 7 == 3 && withdrawn < WITHDRAWN) {
                    consent.withdraw(p.id());
                    withdrawn++;
                }
            }
            if (given != NEWLY_GIVEN || withdrawn != WITHDRAWN) {
                throw new IllegalStateException("the demo population changed: " + given + " given, " + withdrawn
                        + " withdrawn");
            }
            new SyncSettingsService(f.store(), CLOCK, f.session()).configure("http://127.0.0.1:9/fhir",
                    Optional.of(BearerToken.of(TOKEN)), OptionalInt.of(K), Optional.of(true));
        }
    }

    /** Every patient, in the store's listing order. */
    static List<Patient> patients(Store store) {
        return store.read(r -> r.patients().all(Integer.MAX_VALUE).stream().map(PatientSummary::id)
                .map(id -> r.patients().find(id).orElseThrow()).toList());
    }

    /** The clinic as the gate should see it now. */
    record Expected(List<Patient> released, Map<Patient, Integer> heldBack, List<Patient> notConsenting,
                    List<Patient> all) {
        static Expected of(Store store) {
            List<Patient> all = patients(store);
            Map<String, Integer> groups = new HashMap<>();
            for (Patient p : all) {
                if (p.consent().sharesSummaries()) {
                    groups.merge(group(p), 1, Integer::sum);
                }
            }
            List<Patient> released = new ArrayList<>();
            Map<Patient, Integer> held = new java.util.LinkedHashMap<>();
            List<Patient> others = new ArrayList<>();
            for (Patient p : all) {
                if (!p.consent().sharesSummaries()) {
                    others.add(p);
                } else if (groups.get(group(p)) >= K) {
                    released.add(p);
                } else {
                    held.put(p, groups.get(group(p)));
                }
            }
            return new Expected(released, held, others, all);
        }

        List<Patient> withConsent(Consent c) {
            return notConsenting.stream().filter(p -> p.consent().summaries() == c).toList();
        }
    }

    /** Birth band and sex; ZIP3 is 000 for everyone (checked). */
    static String group(Patient p) {
        if (p.address().strip().matches(".*\\b\\d{5}(-\\d{4})?$")) {
            throw new IllegalStateException("a demo address now ends in a ZIP code: group by ZIP3 too");
        }
        String band = p.ageOn(TODAY) >= 90 ? "90+" : String.valueOf(Math.floorDiv(p.birthDate().getYear(), 5) * 5);
        return band + "|" + p.sex();
    }

    static String pseudonym(Store store, PatientId patient) {
        byte[] key = store.read(r -> r.syncSettings().siteSecret()).bytes();
        return Pseudonym.of(PseudonymKey.of(key), patient).hex();
    }

    /** What the store says was last sent for each patient that has a sent summary, by pseudonym. */
    static Map<String, Bundle> lastSent(Store store, List<Patient> patients) {
        Map<String, Bundle> out = new java.util.LinkedHashMap<>();
        for (Patient p : patients) {
            store.read(r -> r.outbox().lastSent(p.id())).ifPresent(s -> out.put(pseudonym(store, p.id()),
                    FhirR4.context().newJsonParser().parseResource(Bundle.class, s.bundleJson())));
        }
        return out;
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
