package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.Unit;
import org.outpost.app.domain.User;
import org.outpost.app.port.DamagedRecordException;
import org.outpost.app.port.Store;
import org.outpost.app.usecase.ResultUnitService;
import org.outpost.app.usecase.Session;

/**
 * Issue 14: the site's unit per measure lives in the encrypted database, sealed; only an administrator chooses it,
 * every change is audited, and a choice that changes nothing writes nothing.
 */
class ResultUnitsStoreTest {
    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock();
    private H2Vault vault;
    private Store store;
    private ResultUnitService service;

    @BeforeEach
    void setUp() {
        vault = TestVaults.fast(tmp.resolve("data"), clock);
        var unlocked = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw());
        store = unlocked.store();
        service = new ResultUnitService(store, clock, new Session(unlocked.user()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private AuditEntry lastAudit() {
        return store.read(r -> r.audit().newest(1)).getFirst();
    }

    @Test
    void aChoiceIsKeptAcrossUnlocksAndAudited() throws Exception {
        assertThat(service.current().unit(Measure.GLUCOSE)).isEqualTo(Unit.MG_PER_DL);
        service.choose(Measure.GLUCOSE, Unit.MMOL_PER_L);
        service.choose(Measure.CREATININE, Unit.UMOL_PER_L);
        AuditEntry audit = lastAudit();
        assertThat(audit.event().action()).isEqualTo(AuditAction.RESULT_UNIT_CHANGED);
        assertThat(audit.event().detail()).isEqualTo("loinc=2160-0;unit=umol/L");
        store.close();
        store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
        var units = new ResultUnitService(store, clock, new Session(new User(Fixtures.ADMIN, "Admin", Role.ADMIN, true)))
                .current();
        assertThat(units.unit(Measure.GLUCOSE)).isEqualTo(Unit.MMOL_PER_L);
        assertThat(units.unit(Measure.CREATININE)).isEqualTo(Unit.UMOL_PER_L);
        assertThat(units.unit(Measure.HBA1C)).isEqualTo(Unit.PERCENT);
        assertThat(units.changed(Measure.GLUCOSE).orElseThrow().by()).isEqualTo(Fixtures.ADMIN);
    }

    @Test
    void choosingTheUnitInForceWritesNothing() {
        long before = lastAudit().sequence();
        service.choose(Measure.GLUCOSE, Unit.MG_PER_DL);
        assertThat(lastAudit().sequence()).isEqualTo(before);
        assertThat(service.current().changed(Measure.GLUCOSE)).isEmpty();
    }

    @Test
    void aUnitTheMeasureIsNotGivenInChangesNothing() {
        long before = lastAudit().sequence();
        assertThatThrownBy(() -> service.choose(Measure.GLUCOSE, Unit.UMOL_PER_L))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("µmol/L is not a unit for GLUCOSE");
        assertThat(lastAudit().sequence()).isEqualTo(before);
        assertThat(service.current().unit(Measure.GLUCOSE)).isEqualTo(Unit.MG_PER_DL);
    }

    @Test
    void onlyAnAdministratorChooses() {
        ResultUnitService asClinician = new ResultUnitService(store, clock,
                new Session(new User("clin", "Clin", Role.CLINICIAN, true)));
        assertThat(asClinician.current().unit(Measure.GLUCOSE)).isEqualTo(Unit.MG_PER_DL);
        assertThatThrownBy(() -> asClinician.choose(Measure.GLUCOSE, Unit.MMOL_PER_L))
                .isInstanceOf(SecurityException.class);
    }

    @Test
    void aUnitEditedInTheFileIsFound() throws Exception {
        service.choose(Measure.GLUCOSE, Unit.MMOL_PER_L);
        store.close();
        try (Connection c = Fixtures.rawConnection(tmp.resolve("data"), Fixtures.ADMIN, Fixtures.pw());
             PreparedStatement ps = c.prepareStatement("UPDATE result_units SET ucum_unit = 'mg/dL' WHERE loinc = ?")) {
            ps.setString(1, Measure.GLUCOSE.loinc());
            assertThat(ps.executeUpdate()).isOne();
        }
        store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
        assertThatThrownBy(() -> store.read(r -> r.resultUnits().load())).isInstanceOf(DamagedRecordException.class);
        assertThat(store.verifyIntegrity().lines()).anyMatch(l -> l.startsWith("result_units: 1 of 1"));
    }
}
