package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.User;
import org.outpost.app.port.DamagedRecordException;
import org.outpost.app.port.Store;
import org.outpost.app.sharing.BearerToken;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.app.sharing.SentSummary;
import org.outpost.app.sharing.SiteSecret;
import org.outpost.app.sharing.SyncSettings;
import org.outpost.app.usecase.Session;
import org.outpost.app.usecase.SyncSettingsService;

/**
 * Issue 12: the sync settings and the site secret live inside the encrypted database, sealed; every change is
 * audited without the token; a change that alters every summary queues every consenting patient again.
 */
class SyncSettingsTest {
    private static final String TOKEN = "s3cr3t-Token_for.the~server+/==";

    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock();
    private H2Vault vault;
    private Store store;
    private SyncSettingsService service;
    private Patient consented;

    @BeforeEach
    void setUp() {
        vault = TestVaults.fast(tmp.resolve("data"), clock);
        var unlocked = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw());
        store = unlocked.store();
        service = new SyncSettingsService(store, clock, new Session(unlocked.user()));
        consented = Fixtures.patient("SY-0001", "Synced", "Sina", LocalDate.of(1966, 6, 6));
        Patient refused = Fixtures.patient("SY-0002", "Kept", "Karl", LocalDate.of(1967, 7, 7))
                .withConsent(org.outpost.app.domain.SharingConsent.refused(new Recorded("dr.test", clock.instant())));
        store.write(r -> {
            r.patients().insert(consented);
            r.patients().insert(refused);
            for (OutboxEntry e : r.outbox().pending(10)) {
                r.outbox().confirmed(e, SentSummary.of(e, "{}", clock.instant()));
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private AuditEntry lastAudit() {
        return store.read(r -> r.audit().newest(1)).getFirst();
    }

    private List<OutboxEntry> pending() {
        return store.read(r -> r.outbox().pending(10));
    }

    private SiteSecret secret() {
        return store.read(r -> r.syncSettings().siteSecret());
    }

    @Test
    void untilConfiguredTheDefaultsHold() {
        SyncSettings settings = service.current();
        assertThat(settings).isEqualTo(SyncSettings.defaults());
        assertThat(settings.k()).isEqualTo(5);
        assertThat(settings.shareGenotypes()).isFalse();
        assertThat(settings.isConfigured()).isFalse();
    }

    @Test
    void configuringKeepsEverySettingAndAuditsWithoutTheToken() {
        clock.advance(Duration.ofMinutes(2));
        SyncSettings saved = service.configure("https://sync.example.org/fhir", Optional.of(BearerToken.of(TOKEN + "\n")),
                OptionalInt.of(7), Optional.empty());

        assertThat(service.current()).isEqualTo(saved);
        assertThat(saved.server().orElseThrow().toString()).isEqualTo("https://sync.example.org/fhir");
        assertThat(saved.token().orElseThrow().value()).isEqualTo(TOKEN);
        assertThat(saved.k()).isEqualTo(7);
        assertThat(saved.shareGenotypes()).isFalse();
        assertThat(saved.changed()).contains(new Recorded(Fixtures.ADMIN, clock.instant()));
        assertThat(saved.isConfigured()).isTrue();
        assertThat(saved.toString()).doesNotContain(TOKEN).contains("token=set");
        AuditEntry audit = lastAudit();
        assertThat(audit.event().action()).isEqualTo(AuditAction.SYNC_CONFIGURED);
        assertThat(audit.event().detail()).isEqualTo("host=sync.example.org;k=7;genotypes=no;token=new;queued=0")
                .doesNotContain(TOKEN);

        // a later change without a token keeps it
        SyncSettings moved = service.configure("http://127.0.0.1:8080/fhir", Optional.empty(), OptionalInt.empty(),
                Optional.empty());
        assertThat(moved.token()).contains(BearerToken.of(TOKEN));
        assertThat(moved.k()).isEqualTo(7);
        assertThat(lastAudit().event().detail()).contains("token=kept");
        assertThat(store.verifyIntegrity().intact()).isTrue();
    }

    @Test
    void anAddressOrKThatIsRefusedChangesNothing() {
        assertThatThrownBy(() -> service.configure("http://sync.example.org/fhir", Optional.empty(), OptionalInt.empty(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://")
                .hasMessageContaining("localhost, 127.0.0.1 or [::1]");
        assertThatThrownBy(() -> service.configure("https://sync.example.org", Optional.empty(), OptionalInt.of(1),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 to 50");
        assertThat(service.current()).isEqualTo(SyncSettings.defaults());
        assertThat(lastAudit().event().action()).isNotEqualTo(AuditAction.SYNC_CONFIGURED);
    }

    @Test
    void turningGenotypeSharingOnOrOffQueuesEveryConsentingPatient() {
        service.configure("https://sync.example.org", Optional.empty(), OptionalInt.empty(), Optional.of(false));
        assertThat(pending()).isEmpty();
        service.configure("https://sync.example.org", Optional.empty(), OptionalInt.empty(), Optional.of(true));
        assertThat(pending()).singleElement().extracting(OutboxEntry::patient).isEqualTo(consented.id());
        assertThat(lastAudit().event().detail()).contains("genotypes=yes").contains("queued=1");
    }

    @Test
    void onlyAnAdministratorConfiguresSync() {
        Session clinician = new Session(new User("clin", "Clin", Role.CLINICIAN, true));
        SyncSettingsService asClinician = new SyncSettingsService(store, clock, clinician);
        assertThatThrownBy(asClinician::current).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> asClinician.configure("https://x.example", Optional.empty(), OptionalInt.empty(),
                Optional.empty())).isInstanceOf(SecurityException.class);
        assertThatThrownBy(asClinician::rotateSiteSecret).isInstanceOf(SecurityException.class);
    }

    @Test
    void theTokenIsEncryptedOnDisk() throws Exception {
        service.configure("https://sync.example.org", Optional.of(BearerToken.of(TOKEN)), OptionalInt.empty(),
                Optional.empty());
        store.close();
        assertThat(Fixtures.filesContaining(tmp.resolve("data"), TOKEN.getBytes(StandardCharsets.UTF_8))).isEmpty();
        store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
    }

    @Test
    void aSettingEditedInTheFileIsFound() throws Exception {
        service.configure("https://sync.example.org", Optional.of(BearerToken.of(TOKEN)), OptionalInt.empty(),
                Optional.empty());
        store.close();
        rawUpdate("UPDATE sync_settings SET server_url = 'https://elsewhere.example' WHERE id = ?", 1);
        store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
        assertThatThrownBy(() -> store.read(r -> r.syncSettings().load())).isInstanceOf(DamagedRecordException.class);
        assertThat(store.verifyIntegrity().lines()).anyMatch(l -> l.startsWith("sync_settings: 1 of 1"));
    }

    @Test
    void theSiteSecretIsMadeOnceRandomAndApartFromTheRowKeysSecret() throws Exception {
        SiteSecret first = secret();
        assertThat(first.bytes()).hasSize(32).isNotEqualTo(new byte[32]);
        assertThat(first.toString()).doesNotContain(java.util.HexFormat.of().formatHex(first.bytes()));
        store.close();
        byte[] rowKeySecret;
        try (Connection c = Fixtures.rawConnection(tmp.resolve("data"), Fixtures.ADMIN, Fixtures.pw());
             ResultSet rs = c.createStatement().executeQuery("SELECT secret FROM site_secret")) {
            assertThat(rs.next()).isTrue();
            rowKeySecret = rs.getBytes(1);
        }
        assertThat(first.bytes()).isNotEqualTo(rowKeySecret);
        store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
        assertThat(secret()).isEqualTo(first); // stable: the same pseudonyms at every unlock

        // another database has another secret
        H2Vault other = TestVaults.fast(tmp.resolve("other"), clock);
        try (Store s = other.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            SiteSecret theirs = s.read(r -> r.syncSettings().siteSecret());
            assertThat(theirs).isNotEqualTo(first);
        }
    }

    @Test
    void aDatabaseFromBeforeV11GetsItsSecretAtTheNextUnlock() throws Exception {
        store.close();
        rawUpdate("DELETE FROM pseudonym_secret WHERE id = ?", 1);
        store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
        assertThat(secret().bytes()).hasSize(32);
        assertThat(store.verifyIntegrity().intact()).isTrue();
    }

    @Test
    void rotatingTheSecretOnPurposeChangesItKeepsEveryRowIntactAndQueuesEveryConsentingPatient() {
        SiteSecret before = secret();
        clock.advance(Duration.ofDays(1));
        SyncSettingsService.SecretRotation rotation = service.rotateSiteSecret();

        SiteSecret after = secret();
        assertThat(after).isNotEqualTo(before);
        assertThat(after.createdAt()).isEqualTo(clock.instant()).isEqualTo(rotation.at());
        assertThat(rotation.queued()).isEqualTo(1);
        assertThat(pending()).singleElement().extracting(OutboxEntry::patient).isEqualTo(consented.id());
        AuditEntry audit = lastAudit();
        assertThat(audit.event().action()).isEqualTo(AuditAction.SITE_SECRET_ROTATED);
        assertThat(audit.event().detail()).isEqualTo("queued=1");
        // row MACs derive from V1's site_secret, which the rotation left alone
        assertThat(store.verifyIntegrity().intact()).isTrue();
        Optional<Patient> stillReadable = store.read(r -> r.patients().find(consented.id()));
        assertThat(stillReadable).isPresent();
    }

    private void rawUpdate(String sql, Object arg) throws Exception {
        try (Connection c = Fixtures.rawConnection(tmp.resolve("data"), Fixtures.ADMIN, Fixtures.pw());
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            assertThat(ps.executeUpdate()).isPositive();
        }
    }
}
