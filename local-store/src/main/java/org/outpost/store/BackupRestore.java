package org.outpost.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.h2.tools.ChangeFileEncryption;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AuditVerification;
import org.outpost.app.domain.Permission;
import org.outpost.app.domain.User;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.Vault.BackupLogin;
import org.outpost.app.port.Vault.RestoreReport;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.store.jdbc.ChainHead;
import org.outpost.store.jdbc.JdbcAuditLog;
import org.outpost.store.jdbc.JdbcRepositories;
import org.outpost.store.jdbc.SqlErrors;
import org.outpost.store.jdbc.Tx;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.KeySlots;
import org.outpost.store.keys.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restoring a backup into a data directory.
 *
 * <p>Who may: an enabled administrator of the <em>current</em> installation, checked with the current key
 * file (their password must open their current slot: a disabled user has none) and the current database
 * (their role and enabled flag today). The backup's own slots and accounts never decide who gets in, so an
 * old backup cannot re-admit a removed user.
 *
 * <p>What stays: the current key file, and with it every current password; the current {@code users} table
 * replaces the backup's. The backup's data key is read from its slots (with the same name and password, or
 * an explicit {@link BackupLogin}); when it differs from the current one (a backup of another installation,
 * or from before a key rotation) the staged copy is re-encrypted under the current key with H2's
 * {@link ChangeFileEncryption} on the closed file, and H2's database user gets the current key's password.
 *
 * <p>How: the backup is staged in {@code restore-staging/}, migrated, checked (its audit chain against its
 * own anchor, refusing a backup from a newer H2 or schema), given the current accounts, and audited; the
 * restore is audited in the current log too; then the current database and anchor are kept aside as
 * {@code *.before-restore-<time>} (hard links, so the swap is a single atomic rename each) and the staged
 * ones renamed in. Only the last {@value #KEEP_REPLACED} replaced copies are kept.
 *
 * <p>Into an empty directory (a new workstation after a disk failure) there is no current installation: the
 * backup's key file and accounts come with it, and the user must be an enabled administrator in the backup.
 */
final class BackupRestore {
    private static final Logger LOG = LoggerFactory.getLogger(BackupRestore.class);
    /** How many replaced databases are kept beside the current one. */
    static final int KEEP_REPLACED = 3;
    static final String ASIDE = ".before-restore-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Opens a key slot the way the vault does (same PBKDF2 work for an unknown name), noting failures if asked. */
    @FunctionalInterface
    interface SlotOpener {
        DataKey open(KeySlots slots, String name, char[] password, boolean noteFailure) throws WrongCredentialsException;
    }

    /** A row of the current {@code users} table, carried into the restored database unchanged. */
    private record Account(String username, String displayName, String role, boolean enabled, Object createdAt) { }

    private final DataDirectory files;
    private final Clock clock;
    private final SlotOpener slots;

    BackupRestore(DataDirectory files, Clock clock, SlotOpener slots) {
        this.files = Objects.requireNonNull(files);
        this.clock = Objects.requireNonNull(clock);
        this.slots = Objects.requireNonNull(slots);
    }

    RestoreReport restore(Path backup, String name, char[] password, Optional<BackupLogin> backupLogin)
            throws WrongCredentialsException {
        BackupArchive.Manifest manifest = BackupArchive.readManifest(backup);
        if (!manifest.h2().isEmpty() && H2Database.compareVersions(manifest.h2(), H2Database.h2Version()) > 0) {
            throw new StoreException("That backup was written by H2 " + manifest.h2() + ", newer than this Outpost's H2 "
                    + H2Database.h2Version() + " (Outpost " + manifest.outpost() + " made it); update Outpost first");
        }
        KeySlots backupSlots = KeySlotFile.parse(BackupArchive.readKeys(backup));
        boolean empty = !Files.exists(files.keys()) && !Files.exists(files.database());
        Path staging = files.root().resolve("restore-staging");
        try {
            if (empty) {
                return intoEmptyDirectory(backup, manifest, backupSlots, name, password, staging);
            }
            return overCurrent(backup, manifest, backupSlots, name, password, backupLogin, staging);
        } catch (IOException e) {
            throw new StoreException("The backup could not be restored: check the disk and the data directory's permissions");
        } finally {
            H2Vault.deleteTree(staging);
        }
    }

    private RestoreReport overCurrent(Path backup, BackupArchive.Manifest manifest, KeySlots backupSlots, String name,
                                      char[] password, Optional<BackupLogin> backupLogin, Path staging)
            throws WrongCredentialsException, IOException {
        KeySlots currentSlots = KeySlotFile.read(files.keys());
        if (!Files.exists(files.database())) {
            throw new StoreException("The database file (" + DataDirectory.DB_FILE + ") is missing, so who may restore "
                    + "cannot be checked; restore into an empty data directory instead");
        }
        try (DataKey key = slots.open(currentSlots, name, password, true)) {
            Connection current = null;
            try {
                current = H2Database.connect(files.root(), key, true);
                H2Database.migrate(files.root(), key);
                current.setAutoCommit(false);
                Tx check = new Tx(current, clock, true);
                JdbcRepositories checked = new JdbcRepositories(check);
                try {
                    requireAdmin(checked, name, "this installation");
                } catch (SecurityException e) {
                    try (AuditAnchoring anchoring = AuditAnchoring.atUnlock(files, key, clock, name, checked.audit())) {
                        checked.audit().append(new AuditEvent(clock.instant(), name, AuditAction.RESTORE_REFUSED,
                                Optional.empty(), "not an enabled administrator of this installation"));
                        current.commit();
                        check.end();
                        anchoring.afterCommit(current, check);
                    }
                    throw e;
                }
                String schema = H2Database.schemaVersion(current);
                refuseNewerSchema(manifest, schema);
                List<Account> accounts = accounts(current);
                current.rollback();
                check.end();

                ChainHead restoredHead;
                try (DataKey backupKey = backupKey(backupSlots, name, password, backupLogin)) {
                    restoredHead = stage(backup, manifest, staging, backupKey, key, Optional.of(accounts), name);
                }
                String stamp = freeStamp();
                // the replaced log records the restore before it is moved aside
                Tx tx = new Tx(current, clock, true);
                JdbcRepositories r = new JdbcRepositories(tx);
                try (AuditAnchoring anchoring = AuditAnchoring.atUnlock(files, key, clock, name, r.audit())) {
                    r.audit().append(new AuditEvent(clock.instant(), name, AuditAction.DATABASE_RESTORED, Optional.empty(),
                            "replaced by a backup made " + manifest.created() + "; this database kept as "
                                    + DataDirectory.DB_FILE + ASIDE + stamp));
                    current.commit();
                    tx.end();
                    anchoring.afterCommit(current, tx);
                }
                current.close();
                current = null;
                swapIn(staging, stamp);
                LOG.info("Database restored from a backup by {}; restored audit head {}", name, restoredHead.seq());
                return prune(manifest.created());
            } catch (SQLException e) {
                throw failure(e);
            } catch (FlywayException e) {
                throw new StoreException(SqlErrors.DAMAGED);
            } finally {
                if (current != null) {
                    try {
                        current.close();
                    } catch (SQLException e) {
                        LOG.debug("Close failed: H2 error {}", e.getErrorCode());
                    }
                }
            }
        }
    }

    private RestoreReport intoEmptyDirectory(Path backup, BackupArchive.Manifest manifest, KeySlots backupSlots,
                                             String name, char[] password, Path staging)
            throws WrongCredentialsException, IOException {
        try (DataKey key = slots.open(backupSlots, name, password, false)) {
            SecureFiles.createPrivateDirectory(files.root());
            stage(backup, manifest, staging, key, key, Optional.empty(), name);
            KeySlotFile.write(staging.resolve(KeySlotFile.NAME), backupSlots);
            Files.move(staging.resolve(DataDirectory.DB_FILE), files.database(), StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging.resolve(AuditAnchor.FILE), files.auditAnchor(), StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging.resolve(KeySlotFile.NAME), files.keys(), StandardCopyOption.ATOMIC_MOVE);
            SecureFiles.syncDirectory(files.root());
            LOG.info("Backup restored into an empty data directory by {}", name);
            return new RestoreReport(manifest.created(), List.of(), List.of());
        }
    }

    /** The backup's data key, opened with the restoring user's password or the explicit backup login. */
    private DataKey backupKey(KeySlots backupSlots, String name, char[] password, Optional<BackupLogin> backupLogin) {
        String who = backupLogin.map(BackupLogin::username).map(BackupRestore::normaliseOrNull).orElse(name);
        char[] pw = backupLogin.map(BackupLogin::password).orElse(password);
        try {
            return slots.open(backupSlots, who, pw, false);
        } catch (WrongCredentialsException e) {
            throw new StoreException(backupLogin.isPresent()
                    ? "That user name and password do not open the backup"
                    : "The backup does not open with " + name + "'s password of today (they may not have been in "
                            + "it, or had another password then); give the name and password of an administrator "
                            + "of the backup as it was then");
        }
    }

    /**
     * Extracts, migrates and checks the backup in {@code staging}, gives it the current accounts (if any),
     * records the restore in its log, puts it under {@code targetKey} and anchors it; returns its audit head.
     */
    private ChainHead stage(Path backup, BackupArchive.Manifest manifest, Path staging, DataKey backupKey,
                            DataKey targetKey, Optional<List<Account>> accounts, String name) throws IOException {
        H2Vault.deleteTree(staging);
        SecureFiles.createPrivateDirectory(staging);
        BackupArchive.extractDatabase(backup, staging.resolve(DataDirectory.DB_FILE));
        Optional<byte[]> backupAnchor = BackupArchive.readAnchor(backup);
        ChainHead head;
        try (Connection c = H2Database.connect(staging, backupKey, true)) {
            c.setAutoCommit(false);
            Tx read = new Tx(c, clock, false);
            JdbcAuditLog log = new JdbcRepositories(read).audit();
            checkAgainstItsAnchor(log, backupAnchor, staging, backupKey);
            c.rollback();
            read.end();
            H2Database.migrate(staging, backupKey);
            Tx tx = new Tx(c, clock, true);
            JdbcRepositories r = new JdbcRepositories(tx);
            if (accounts.isPresent()) {
                replaceAccounts(c, accounts.get());
                // today's accounts carry row MACs under the restored database's own site secret
                org.outpost.store.jdbc.RowSeals.resealTable(c, org.outpost.store.jdbc.SealedTable.USERS);
            } else {
                requireAdmin(r, name, "the backup");
            }
            if (!backupKey.sameKeyAs(targetKey)) {
                try (Statement s = c.createStatement()) {
                    // hex only: nothing to escape
                    s.execute("ALTER USER " + H2Database.USER + " SET PASSWORD '" + new String(userPassword(targetKey)) + "'");
                }
            }
            Instant now = clock.instant();
            r.audit().append(new AuditEvent(now, name, AuditAction.DATABASE_RESTORED, Optional.empty(),
                    "from a backup made " + manifest.created() + " (Outpost " + manifest.outpost() + ", H2 "
                            + orUnknown(manifest.h2()) + ", schema " + orUnknown(manifest.schema()) + ")"
                            + (accounts.isPresent() ? "; accounts and passwords of this installation kept" : "")));
            r.audit().append(new AuditEvent(now, name, AuditAction.AUDIT_ANCHORED, Optional.empty(),
                    "anchor reset to the restored log"));
            c.commit();
            tx.end();
            head = tx.appendedHead().orElseThrow();
        } catch (SQLException e) {
            throw failure(e);
        } catch (FlywayException e) {
            throw new StoreException("The backup's database could not be brought up to date (" + e.getClass().getSimpleName() + ")");
        } catch (StoreException | SecurityException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Opening the backup failed: {}", e.getClass().getName());
            throw new StoreException(SqlErrors.DAMAGED);
        }
        Files.deleteIfExists(staging.resolve(AuditAnchor.FILE));
        if (!backupKey.sameKeyAs(targetKey)) {
            reencrypt(staging, backupKey, targetKey);
        }
        try (Connection c = H2Database.connect(staging, targetKey, true)) {
            Tx read = new Tx(c, clock, false);
            if (!new JdbcRepositories(read).audit().head().equals(head)) {
                throw new StoreException(SqlErrors.DAMAGED);
            }
            read.end();
        } catch (SQLException e) {
            throw failure(e);
        }
        try (AuditAnchor anchor = new AuditAnchor(staging.resolve(AuditAnchor.FILE), targetKey)) {
            anchor.write(new AuditAnchor.Head(head.seq(), head.hash(), clock.instant()));
        }
        return head;
    }

    /** The backup's chain must be intact and agree with the anchor it was made with (if it has one). */
    private void checkAgainstItsAnchor(JdbcAuditLog log, Optional<byte[]> anchorBytes, Path staging, DataKey backupKey)
            throws IOException {
        AuditVerification chain = log.verify();
        if (!chain.intact()) {
            throw new StoreException("The backup's audit log is broken at row " + chain.firstBroken().getAsLong() + " ("
                    + chain.reason() + "); it was altered after it was made and is not restored");
        }
        if (anchorBytes.isEmpty()) {
            return; // a backup made before anchors existed
        }
        Path file = staging.resolve(AuditAnchor.FILE);
        SecureFiles.writeAtomically(file, anchorBytes.get());
        try (AuditAnchor anchor = new AuditAnchor(file, backupKey)) {
            Optional<AuditVerification> problem = AuditAnchor.compare(anchor.read(), chain.rowsChecked(),
                    log.head().seq(), log::hashAt);
            if (problem.isPresent()) {
                throw new StoreException("The backup's database does not match the audit anchor it was made with ("
                        + problem.get().reason() + "); it is not restored");
            }
        }
    }

    private static void requireAdmin(JdbcRepositories r, String name, String where) {
        Optional<User> user = r.users().find(name);
        if (user.isEmpty() || !user.get().enabled() || !user.get().role().may(Permission.MANAGE_USERS)) {
            throw new SecurityException("Only an enabled administrator of " + where + " may restore a backup");
        }
    }

    private static void refuseNewerSchema(BackupArchive.Manifest manifest, String schema) {
        if (!manifest.schema().isEmpty() && H2Database.compareVersions(manifest.schema(), schema) > 0) {
            throw new StoreException("That backup has database schema version " + manifest.schema() + ", newer than this "
                    + "Outpost's (" + schema + "; Outpost " + manifest.outpost() + " made it); update Outpost first");
        }
    }

    private static List<Account> accounts(Connection c) throws SQLException {
        List<Account> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT username, display_name, role, enabled, created_at FROM users")) {
            while (rs.next()) {
                out.add(new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getObject(5)));
            }
        }
        return out;
    }

    private static void replaceAccounts(Connection c, List<Account> accounts) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM users");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO users (username, display_name, role, enabled, created_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Account a : accounts) {
                ps.setString(1, a.username());
                ps.setString(2, a.displayName());
                ps.setString(3, a.role());
                ps.setBoolean(4, a.enabled());
                ps.setObject(5, a.createdAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Re-encrypts the closed staged file from {@code from}'s file key to {@code to}'s. */
    private static void reencrypt(Path staging, DataKey from, DataKey to) {
        char[] oldPw = filePassword(from);
        char[] newPw = filePassword(to);
        try {
            ChangeFileEncryption.execute(staging.toString(), DataDirectory.DB_NAME, "AES", oldPw, newPw, true);
        } catch (SQLException e) {
            LOG.warn("Re-encrypting the restored database failed: H2 error {}", e.getErrorCode());
            throw new StoreException("The backup could not be re-encrypted under this installation's key");
        } finally {
            Arrays.fill(oldPw, '\0');
            Arrays.fill(newPw, '\0');
        }
    }

    /** The file half of H2's "file user" password ({@link DataKey#h2Password}). */
    private static char[] filePassword(DataKey key) {
        char[] both = key.h2Password();
        try {
            return Arrays.copyOf(both, DataKey.LENGTH * 2);
        } finally {
            Arrays.fill(both, '\0');
        }
    }

    /** The user half of H2's password. */
    private static char[] userPassword(DataKey key) {
        char[] both = key.h2Password();
        try {
            return Arrays.copyOfRange(both, DataKey.LENGTH * 2 + 1, both.length);
        } finally {
            Arrays.fill(both, '\0');
        }
    }

    /** A time stamp no kept copy uses yet. */
    private String freeStamp() {
        String base = STAMP.format(clock.instant());
        String stamp = base;
        for (int i = 1; Files.exists(asideOf(files.database(), stamp)) || Files.exists(asideOf(files.auditAnchor(), stamp)); i++) {
            stamp = base + "-" + i;
        }
        return stamp;
    }

    private static Path asideOf(Path file, String stamp) {
        return file.resolveSibling(file.getFileName() + ASIDE + stamp);
    }

    /**
     * Keeps the current database and anchor as {@code *.before-restore-<stamp>} (a hard link where the file
     * system has them, else a copy) and renames the staged ones over them, so at every instant the directory
     * holds a whole database. A crash between the two renames leaves the new database with the old anchor,
     * which verify-audit reports; running the restore again repairs it.
     */
    private void swapIn(Path staging, String stamp) throws IOException {
        for (Path current : new Path[] {files.database(), files.auditAnchor()}) {
            if (Files.exists(current)) {
                Path aside = asideOf(current, stamp);
                try {
                    Files.createLink(aside, current);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(current, aside, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        SecureFiles.syncDirectory(files.root());
        Files.move(staging.resolve(DataDirectory.DB_FILE), files.database(), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        Files.move(staging.resolve(AuditAnchor.FILE), files.auditAnchor(), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        SecureFiles.syncDirectory(files.root());
    }

    /** Removes all but the newest {@value #KEEP_REPLACED} sets of replaced files. */
    private RestoreReport prune(Instant backupCreated) throws IOException {
        TreeMap<String, List<Path>> byStamp = new TreeMap<>(Comparator.reverseOrder());
        try (Stream<Path> list = Files.list(files.root())) {
            for (Path p : list.toList()) {
                String n = Objects.requireNonNull(p.getFileName(), "a folder entry has a name").toString();
                int at = n.indexOf(ASIDE);
                if (at > 0 && Files.isRegularFile(p)) {
                    byStamp.computeIfAbsent(n.substring(at + ASIDE.length()), s -> new ArrayList<>()).add(p);
                }
            }
        }
        List<String> kept = new ArrayList<>();
        TreeSet<String> removed = new TreeSet<>();
        int i = 0;
        for (var e : byStamp.entrySet()) {
            if (i++ < KEEP_REPLACED) {
                kept.add(DataDirectory.DB_FILE + ASIDE + e.getKey());
            } else {
                for (Path p : e.getValue()) {
                    Files.deleteIfExists(p);
                    removed.add(Objects.requireNonNull(p.getFileName(), "a backup file has a name").toString());
                }
            }
        }
        return new RestoreReport(backupCreated, kept, List.copyOf(removed));
    }

    private static StoreException failure(SQLException e) {
        LOG.warn("Restore failed: SQL state {}, H2 error {}", e.getSQLState(), e.getErrorCode());
        if (e.getErrorCode() == 90020) {
            return SqlErrors.translate(e, "restore the backup");
        }
        return new StoreException(SqlErrors.DAMAGED);
    }

    private static String orUnknown(String v) {
        return v.isEmpty() ? "unknown" : v;
    }

    private static String normaliseOrNull(String username) {
        try {
            return User.normaliseUsername(username);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
