package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AuditVerification;
import org.outpost.app.domain.PatientId;
import org.outpost.app.port.Store;

/** Editing or deleting an audit row through raw SQL on the encrypted file breaks the chain at that row. */
class AuditTamperTest {
    @TempDir
    Path tmp;

    private Path dir;
    private H2Vault vault;
    private TestClock clock;

    @BeforeEach
    void createWithEvents() {
        dir = tmp.resolve("data");
        clock = new TestClock();
        vault = TestVaults.fast(dir, clock);
        try (Store store = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            // rows 1-3: DATABASE_CREATED, AUDIT_ANCHORED, LOGIN_OK; rows 4-8 below
            store.write(r -> {
                for (int i = 0; i < 5; i++) {
                    r.audit().append(AuditEvent.about(clock.advance(java.time.Duration.ofSeconds(1)), "admin",
                            AuditAction.CHART_OPENED, PatientId.random(), "view " + i));
                }
                return null;
            });
            AuditVerification v = store.read(r -> r.audit().verify());
            assertThat(v).isEqualTo(AuditVerification.ok(8));
        }
    }

    @Test
    void untouchedChainIsIntact() throws Exception {
        try (Store store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            AuditVerification v = store.read(r -> r.audit().verify());
            assertThat(v.intact()).isTrue();
            assertThat(v.rowsChecked()).isEqualTo(9);
            long count = store.read(r -> r.audit().count());
            assertThat(count).isEqualTo(9);
        }
    }

    @Test
    void editedDetailIsNamedBySequence() throws Exception {
        tamper("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 4");
        AuditVerification v = verifyAfterUnlock();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).hasValue(4);
        assertThat(v.reason()).contains("changed");
    }

    @Test
    void deletedRowIsNamedAsTheGap() throws Exception {
        tamper("DELETE FROM audit_log WHERE seq = 5");
        AuditVerification v = verifyAfterUnlock();
        assertThat(v.firstBroken()).hasValue(5);
        assertThat(v.reason()).contains("missing");
    }

    @Test
    void deletedNewestRowIsNoticedThroughTheChainHead() throws Exception {
        tamper("DELETE FROM audit_log WHERE seq = 8");
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw())) {
            // verify on the raw connection, before any unlock appends a row
            var tx = new org.outpost.store.jdbc.Tx(c, clock, false);
            AuditVerification v = new org.outpost.store.jdbc.JdbcAuditLog(tx).verify();
            assertThat(v.firstBroken()).hasValue(8);
        }
    }

    private void tamper(String sql) throws Exception {
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw()); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isEqualTo(1);
        }
    }

    private AuditVerification verifyAfterUnlock() throws Exception {
        try (Store store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            return store.read(r -> r.audit().verify());
        }
    }
}
