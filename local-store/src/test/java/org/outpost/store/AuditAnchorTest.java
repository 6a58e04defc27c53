package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AuditVerification;
import org.outpost.app.domain.Patient;
import java.util.Optional;
import org.outpost.app.port.Store;
import org.outpost.app.usecase.AuditService;
import org.outpost.app.usecase.Session;
import org.outpost.store.jdbc.AuditHash;

/**
 * Issue 10 item 12: the audit chain's head is anchored outside the database, so a database file copied back
 * from earlier (rollback) or a chain recomputed by someone with a password (rewrite) is found by verify.
 */
class AuditAnchorTest {
    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock();
    private Path dir;
    private H2Vault vault;

    @BeforeEach
    void populated() {
        dir = tmp.resolve("data");
        vault = TestVaults.fast(dir, clock);
        try (Store store = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            addPatient(store, "MRN-1");
        }
    }

    @Test
    void anIntactDatabaseVerifies() throws Exception {
        AuditVerification v = verify();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(dir.resolve(AuditAnchor.FILE)).exists();
    }

    @Test
    void anOlderDatabaseFileCopiedBackIsRolledBack() throws Exception {
        Path older = tmp.resolve("older.mv.db");
        Files.copy(dir.resolve(DataDirectory.DB_FILE), older);
        clock.advance(Duration.ofHours(1));
        try (Store store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            addPatient(store, "MRN-2");
            addPatient(store, "MRN-3");
        }
        Files.copy(older, dir.resolve(DataDirectory.DB_FILE), StandardCopyOption.REPLACE_EXISTING);
        String copied = Fixtures.sha256(dir.resolve(DataDirectory.DB_FILE));
        String anchor = Fixtures.sha256(dir.resolve(AuditAnchor.FILE));
        clock.advance(Duration.ofHours(1));
        // refused at sign-in, before H2 writes: the older copy is left as found and the anchor is not moved
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.unlock(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(org.outpost.app.port.DatabaseDamagedException.class)
                .hasMessageContaining("replaced by an older copy");
        assertThat(Fixtures.sha256(dir.resolve(DataDirectory.DB_FILE))).isEqualTo(copied);
        assertThat(Fixtures.sha256(dir.resolve(AuditAnchor.FILE))).as("the evidence stays").isEqualTo(anchor);
    }

    @Test
    void aChainRecomputedWithAPasswordIsRewritten() throws Exception {
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 2");
            }
            recomputeChain(c);
            c.commit();
        }
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.reason()).startsWith("rewritten since");
    }

    @Test
    void anAlteredOrMissingAnchorIsSaidClearly() throws Exception {
        Path anchor = dir.resolve(AuditAnchor.FILE);
        String text = Files.readString(anchor, StandardCharsets.UTF_8);
        Files.writeString(anchor, text.replaceFirst("seq=\\d+", "seq=1"), StandardCharsets.UTF_8);
        assertThat(verify().reason()).contains("anchor").contains("altered");
        Files.delete(anchor);
        assertThat(verify().reason()).contains("anchor").contains("missing");
        assertThat(anchor).doesNotExist();
    }

    @Test
    void anAnchorBehindTheDatabaseIsNotAnAttack() throws Exception {
        // a crash between the commit and the anchor write leaves the anchor one step behind
        Path anchor = dir.resolve(AuditAnchor.FILE);
        byte[] behind = Files.readAllBytes(anchor);
        try (Store store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            addPatient(store, "MRN-2");
        }
        Files.write(anchor, behind);
        AuditVerification v = verify();
        assertThat(v.intact()).as(v.reason()).isTrue();
    }

    @Test
    void theAnchorHoldsNoPatientDataAndIsOwnerOnly() throws Exception {
        Path anchor = dir.resolve(AuditAnchor.FILE);
        assertThat(Files.readString(anchor)).doesNotContain("MRN-1");
        if (Files.getFileStore(anchor).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(anchor)))
                    .isEqualTo("rw-------");
        }
    }

    private AuditVerification verify() throws Exception {
        var unlocked = vault.unlock(Fixtures.ADMIN, Fixtures.pw());
        try (Store store = unlocked.store()) {
            return new AuditService(store, clock, new Session(unlocked.user())).verify();
        }
    }

    private static void addPatient(Store store, String mrn) {
        store.write(r -> {
            Patient p = Fixtures.patient(mrn, "Family" + mrn, "Given", LocalDate.of(1970, 1, 1));
            r.patients().insert(p);
            r.audit().append(new AuditEvent(Instant.now(), Fixtures.ADMIN, AuditAction.PATIENT_CREATED, Optional.of(p.id()), ""));
            return null;
        });
    }

    /** What an insider with a password can do inside the file: recompute every hash and the head. */
    private static void recomputeChain(Connection c) throws Exception {
        String prev = AuditHash.GENESIS;
        long last = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, at, username, action, patient_id, detail FROM audit_log ORDER BY seq");
             PreparedStatement up = c.prepareStatement("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?")) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                UUID patient = rs.getObject(5, UUID.class);
                String hash = AuditHash.of(prev, seq, rs.getObject(2, Instant.class),
                        rs.getString(3), rs.getString(4), patient == null ? null : patient.toString(), rs.getString(6));
                up.setString(1, prev);
                up.setString(2, hash);
                up.setLong(3, seq);
                up.executeUpdate();
                prev = hash;
                last = seq;
            }
        }
        try (PreparedStatement head = c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            head.setLong(1, last);
            head.setString(2, prev);
            head.executeUpdate();
        }
    }
}
