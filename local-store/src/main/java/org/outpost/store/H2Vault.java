package org.outpost.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.security.SecureRandom;
import org.flywaydb.core.api.FlywayException;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.User;
import org.outpost.app.port.DatabaseDamagedException;
import org.outpost.app.port.KeyRotationReport;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.Vault;
import org.outpost.app.port.Vault.BackupLogin;
import org.outpost.app.port.Vault.RestoreReport;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.app.validation.PasswordPolicy;
import org.outpost.store.jdbc.DiskProblems;
import org.outpost.store.jdbc.JdbcRepositories;
import org.outpost.store.jdbc.SqlErrors;
import org.outpost.store.jdbc.RowSeals;
import org.outpost.store.jdbc.Tx;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KdfCost;
import org.outpost.store.keys.KeySlot;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.KeySlots;
import org.outpost.store.keys.KeyWrapper;
import org.outpost.store.keys.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encrypted Outpost database in one data directory: {@code outpost.mv.db} (H2, {@code CIPHER=AES}),
 * {@code keys.properties} (one key slot per enabled user), {@code audit-anchor.properties} (the audit
 * chain's head outside the database, {@link AuditAnchor}) and {@code failed-logins.log} (failed attempts
 * waiting to enter the audit log).
 *
 * <p>Unlocking derives the user's key-encryption key with PBKDF2 and unwraps the data key with AES-GCM;
 * a wrong password or unknown user fails there, in the same time, before H2 is touched, and is noted in
 * the failed-login file. Only then does H2 open, Flyway migrate and the audit log record the login.
 *
 * <p>{@link #restore} refuses while the database is open, in this process (any store this vault
 * handed out and has not seen closed) or another (H2's file lock is held); close the store first.
 */
public final class H2Vault implements Vault {
    private static final Logger LOG = LoggerFactory.getLogger(H2Vault.class);

    private final DataDirectory files;
    private final Clock clock;
    private final KeyWrapper wrapper;
    private final SecureRandom random;
    private final FailedLoginLog failedLogins;
    private final Set<H2Store> openStores = ConcurrentHashMap.newKeySet();
    /** Serialises this vault's holds on the rotation lock (a JVM may not hold two overlapping file locks). */
    private final Object openLock = new Object();

    /**
     * A vault over {@code dataDirectory} (created on {@link #create} if missing) using {@code clock} for
     * audit times.
     */
    public H2Vault(Path dataDirectory, Clock clock) {
        this(dataDirectory, clock, KdfCost.PRODUCTION);
    }

    /** A vault whose key slots cost {@code cost}; only tests pass anything but production (TestVaults). */
    H2Vault(Path dataDirectory, Clock clock, KdfCost cost) {
        this.files = new DataDirectory(Objects.requireNonNull(dataDirectory, "dataDirectory"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = new SecureRandom();
        this.wrapper = new KeyWrapper(random, cost);
        this.failedLogins = new FailedLoginLog(files.failedLogins(), files.loginGuard(), random);
    }

    @Override
    public Path dataDirectory() {
        return files.root();
    }

    /**
     * Runs H2 once on an encrypted database in its in-memory file system (the page store, AES, the SQL engine and
     * the JDBC layer the repositories use) and lets Flyway resolve the class path's migrations against it, so the
     * first sign-in finds those classes loaded and compiled; nothing is written to disk.
     */
    @Override
    public void prepare() {
        Properties props = new Properties();
        props.put("user", "WARM");
        props.put("password", "warm-up warm-up");
        String url = "jdbc:h2:memFS:outpost-warm-up-" + System.identityHashCode(this) + ";CIPHER=AES";
        try (Connection c = new org.h2.Driver().connect(url, props);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE warm(id UUID PRIMARY KEY, name VARCHAR(100), at TIMESTAMP WITH TIME ZONE, "
                    + "mac BINARY(32))");
            try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO warm VALUES (?, ?, ?, ?)")) {
                insert.setObject(1, java.util.UUID.randomUUID());
                insert.setString(2, "warm");
                insert.setObject(3, java.time.OffsetDateTime.now(clock));
                insert.setBytes(4, new byte[32]);
                insert.executeUpdate();
            }
            try (ResultSet rs = st.executeQuery("SELECT id, name, at, mac FROM warm ORDER BY name")) {
                while (rs.next()) {
                    rs.getObject(1, java.util.UUID.class);
                }
            }
            H2Database.resolveMigrations(url, props);
            st.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Warm-up of the database engine failed ({}); signing in loads it instead", e.getClass().getName());
        }
    }

    @Override
    public boolean isInitialized() {
        return Files.exists(files.database()) || Files.exists(files.keys());
    }

    /**
     * Creates the database exclusively and atomically: under an OS lock on {@link DataDirectory#CREATE_LOCK}
     * (two creators never meet: the second finds the first's database and is refused), built in a private
     * staging folder inside the data directory, then moved into place. A failure removes only what this
     * call made (its staging folder, and the data directory if this call created it); it never deletes a
     * database or key file, since another process may own them.
     */
    @Override
    public synchronized Unlocked create(String adminUsername, String displayName, char[] password) {
        String name = User.normaliseUsername(adminUsername);
        PasswordPolicy.require(name, password);
        files.requireCreatable();
        boolean createdRoot;
        try {
            createdRoot = SecureFiles.createPrivateDirectory(files.root());
        } catch (IOException e) {
            throw DiskProblems.orElse(files.root(), e, "The data directory " + files.shown()
                    + " cannot be created: check the path and permissions");
        }
        DataKey key = DataKey.generate(random);
        boolean published = false;
        try (FileChannel lockFile = FileChannel.open(files.createLock(), Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), SecureFiles.ownerOnly(files.root())); FileLock lock = lockForCreation(lockFile)) {
            files.requireCreatable(); // again, under the lock: another creator may just have finished
            Path staging = Files.createTempDirectory(files.root(), DataDirectory.STAGING_PREFIX);
            try {
                FailedLoginLog.NewChain chain = buildIn(staging, key, name, displayName, password);
                publish(staging);
                published = true;
                failedLogins.startChain(chain);
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw DiskProblems.orElse(files.root(), e,
                    "The database could not be created: check the disk and the data directory's permissions");
        } finally {
            if (!published) {
                key.close();
                if (createdRoot) {
                    removeIfOnlyOurs(files.root());
                }
            }
        }
        LOG.info("Created an encrypted database for administrator {}", name);
        try {
            return open(key, name);
        } catch (WrongCredentialsException e) {
            throw new IllegalStateException("The new administrator cannot open the new database", e);
        }
    }

    /** Waits up to a minute for the creation lock (creation takes about a second). */
    private static FileLock lockForCreation(FileChannel lockFile) throws IOException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try {
                FileLock lock = lockFile.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // another vault in this process is creating here; wait for it like for another process
            }
            if (System.nanoTime() > deadline) {
                throw new StoreException("Another Outpost program is creating a database in this data directory");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("Interrupted while waiting to create the database");
            }
        }
    }

    /**
     * The new database and its key file, complete, in {@code staging}; the database file is closed. Returns
     * the failed-login record's first chain, anchored in the DATABASE_CREATED row, to start once published.
     */
    private FailedLoginLog.NewChain buildIn(Path staging, DataKey key, String name, String displayName,
                                            char[] password) throws IOException {
        KeySlot slot = wrapper.wrap(key, name, password);
        FailedLoginLog.NewChain chain;
        try (Connection c = H2Database.connect(staging, key, false)) {
            SecureFiles.restrictToOwner(staging.resolve(DataDirectory.DB_FILE));
            H2Database.migrate(staging, key);
            c.setAutoCommit(false);
            User admin = new User(name, displayName, Role.ADMIN, true);
            Tx tx = RowSeals.afterMigrate(c, key, clock, name);
            JdbcRepositories r = new JdbcRepositories(tx);
            r.users().insert(admin);
            chain = failedLogins.newChain(c);
            r.audit().append(new AuditEvent(clock.instant(), name, AuditAction.DATABASE_CREATED, Optional.empty(),
                    chain.anchorDetail()));
            c.commit();
            tx.end();
        } catch (SQLException e) {
            throw DiskProblems.orElse(staging, e, SqlErrors.translate(e, "create the database"));
        } catch (FlywayException e) {
            throw DiskProblems.orElse(staging, e,
                    new StoreException("The database could not be set up (" + e.getClass().getSimpleName() + ")"));
        }
        KeySlotFile.write(staging.resolve(KeySlotFile.NAME), KeySlots.empty().with(slot));
        return chain;
    }

    /**
     * Moves the staged files into place, database first (neither move replaces anything; the creation lock
     * keeps other Outpost processes out). A crash between the two moves leaves a database without its key
     * file, which opening reports as damaged, never as new.
     */
    private void publish(Path staging) throws IOException {
        Files.move(staging.resolve(DataDirectory.DB_FILE), files.database());
        Files.move(staging.resolve(KeySlotFile.NAME), files.keys());
        SecureFiles.syncDirectory(files.root());
    }

    /** Removes a data directory this call created, if nothing but the creation lock is in it. */
    private static void removeIfOnlyOurs(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> left = entries.toList();
            if (left.stream().allMatch(p -> DataDirectory.CREATE_LOCK.equals(String.valueOf(p.getFileName())))) {
                left.forEach(H2Vault::deleteQuietly);
                Files.deleteIfExists(root);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the data directory this attempt created");
        }
    }

    /**
     * Opens the database with a user's password. The key slot proves the password first; only then are the
     * files judged, so a file that is missing, truncated or not an Outpost database is reported as damaged
     * (exit 5 in the admin command line), never as a wrong password, and is never replaced: opening never
     * creates a database, and the damaged file is left byte-identical (it is first opened read-only).
     */
    @Override
    public Unlocked unlock(String username, char[] password) throws WrongCredentialsException {
        boolean hasDatabase = Files.exists(files.database());
        boolean hasKeys = Files.exists(files.keys());
        if (!hasDatabase && !hasKeys) {
            throw new StoreException("There is no Outpost database in this data directory yet");
        }
        if (!hasKeys) {
            throw damaged("The key file (" + KeySlotFile.NAME + ") is missing, so the database cannot be opened.");
        }
        String name = normaliseOrNull(username);
        KeyRotation.recover(files);
        KeySlots slots = KeySlotFile.read(files.keys());
        failedLogins.requireNoDelay(name, name != null && slots.find(name).isPresent(), clock.instant());
        DataKey key = openSlot(slots, name, password, true);
        KeySlot slot = slots.find(name).orElseThrow();
        KeySlot upgraded;
        try {
            if (!Files.exists(files.database())) {
                throw damaged("The database file (" + DataDirectory.DB_FILE + ") is missing although its key file is there.");
            }
            upgraded = KeyWrapper.needsUpgrade(slot) ? wrapper.wrap(key, name, password) : null;
        } catch (RuntimeException e) {
            key.close();
            throw e;
        }
        Unlocked unlocked;
        synchronized (openLock) {
            try (KeyRotation.Locked ignored = KeyRotation.lock(files, true, KeyRotation.ROTATING)) {
                if (!KeySlotFile.read(files.keys()).find(name).equals(Optional.of(slot))) {
                    throw new StoreException("The data key was replaced while signing in; sign in again");
                }
                // judged read-only before H2 may write: damaged, cut short or older than its anchor
                new DatabaseFileCheck(files, this::damaged).require(key);
                unlocked = open(key, name);
            } catch (RuntimeException | WrongCredentialsException e) {
                key.close();
                throw e;
            }
        }
        if (upgraded != null) {
            upgradeSlot(upgraded);
        }
        return unlocked;
    }

    /**
     * Replaces a format-1 slot by its format-2 equivalent after a successful sign-in (the password is at
     * hand only then), so the data key can later be rotated for this user. If the key file cannot be
     * written the old slot keeps working and the upgrade is retried at the next sign-in.
     */
    private synchronized void upgradeSlot(KeySlot upgraded) {
        try {
            KeySlots current = KeySlotFile.read(files.keys());
            if (current.find(upgraded.username()).filter(KeyWrapper::needsUpgrade).isPresent()) {
                KeySlotFile.write(files.keys(), current.with(upgraded));
                LOG.info("Key slot of {} upgraded to format {}", upgraded.username(), KeyWrapper.FORMAT_VERSION);
            }
        } catch (StoreException e) {
            LOG.warn("Key slot of {} not upgraded: {}", upgraded.username(), e.getMessage());
        }
    }

    @Override
    public KeyRotationReport rotateKey(String adminUsername, char[] password) throws WrongCredentialsException {
        return rotateKey(adminUsername, password, KeyRotation.Checkpoint.NONE);
    }

    /** {@link #rotateKey(String, char[])} stopping at {@code checkpoint}'s steps (tests interrupt it there). */
    synchronized KeyRotationReport rotateKey(String adminUsername, char[] password, KeyRotation.Checkpoint checkpoint)
            throws WrongCredentialsException {
        if (!isInitialized()) {
            throw new StoreException("There is no Outpost database in this data directory yet");
        }
        String name = normaliseOrNull(username(adminUsername));
        try (KeyRotation.Locked ignored = lockForRotation()) {
            requireNotInUse("rotating the data key");
            KeySlots slots = KeySlotFile.read(files.keys());
            try (DataKey key = openSlot(slots, name, password, true)) {
                Map<String, KeySlot> keep = new TreeMap<>();
                try (Connection c = H2Database.connect(files.root(), key, true);
                        Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT username, role, enabled FROM users")) {
                    boolean admin = false;
                    while (rs.next()) {
                        String user = rs.getString(1);
                        boolean enabled = rs.getBoolean(3);
                        admin |= enabled && user.equals(name) && Role.ADMIN.name().equals(rs.getString(2));
                        if (enabled) {
                            slots.find(user).ifPresent(slot -> keep.put(user, slot));
                        }
                    }
                    if (!admin) {
                        throw new SecurityException("Only an enabled administrator may rotate the data key");
                    }
                } catch (SQLException e) {
                    throw openFailure(e);
                }
                List<String> unmigrated = keep.values().stream().filter(KeyWrapper::needsUpgrade)
                        .map(KeySlot::username).toList();
                if (!unmigrated.isEmpty()) {
                    throw new StoreException("The data key was not rotated: " + unmigrated.size() + " user"
                            + (unmigrated.size() == 1 ? " has" : "s have") + " not signed in since the key file was "
                            + "upgraded (" + String.join(", ", unmigrated) + "), so the new key cannot be given to "
                            + (unmigrated.size() == 1 ? "that user" : "them") + ". Ask them to sign in once, or reset "
                            + "their passwords, then rotate again.");
                }
                return KeyRotation.rotate(files, key, keep, name, wrapper, random, clock, checkpoint);
            }
        }
    }

    private KeyRotation.Locked lockForRotation() {
        synchronized (openLock) {
            return KeyRotation.lock(files, false,
                    "Outpost is opening this database or rotating its key elsewhere; try again in a moment");
        }
    }

    private static String username(String name) {
        return name == null ? "" : name;
    }

    /** A damaged-database report naming the last backup made here, if any. */
    DatabaseDamagedException damaged(String what) {
        return new DatabaseDamagedException("The database is damaged: " + what + " " + LastBackup.describe(files.lastBackup())
                + " The file was left as it is.");
    }

    /** Unwraps {@code name}'s slot, or fails after the same PBKDF2 work (noting the failure if asked). */
    private DataKey openSlot(KeySlots slots, String name, char[] password, boolean noteFailure)
            throws WrongCredentialsException {
        Optional<KeySlot> slot = name == null ? Optional.empty() : slots.find(name);
        try {
            if (slot.isEmpty()) {
                wrapper.spendEqualTime(password);
                throw new WrongCredentialsException();
            }
            return wrapper.unwrap(slot.get(), password);
        } catch (WrongCredentialsException e) {
            if (noteFailure) {
                failedLogins.failed(clock.instant(), name, slot.isPresent());
                LOG.info("Failed login for {}", slot.isPresent() ? name : FailedLoginLog.UNKNOWN_USER);
            }
            throw e;
        }
    }

    private Unlocked open(DataKey key, String name) throws WrongCredentialsException {
        Connection c = null;
        AuditAnchoring anchoring = null;
        boolean ok = false;
        try {
            H2Store.restrictQuietly(files.database());
            c = H2Database.connect(files.root(), key, true);
            H2Database.migrate(files.root(), key);
            c.setAutoCommit(false);
            Tx tx = RowSeals.afterMigrate(c, key, clock, name);
            JdbcRepositories r = new JdbcRepositories(tx);
            // before anything is appended: may this session move the anchor outside the database?
            anchoring = AuditAnchoring.atUnlock(files, key, clock, name, r.audit());
            Optional<User> user = r.users().find(name);
            if (user.isEmpty() || !user.get().enabled()) {
                r.audit().append(new AuditEvent(clock.instant(), name, AuditAction.LOGIN_FAILED, Optional.empty(),
                        "account disabled or missing"));
                c.commit();
                anchoring.afterCommit(c, tx);
                throw new WrongCredentialsException();
            }
            try (FailedLoginLog.Batch failed = failedLogins.take(c)) {
                failed.events(clock.instant(), name).forEach(r.audit()::append);
                r.audit().append(AuditEvent.of(clock.instant(), name, AuditAction.LOGIN_OK));
                c.commit();
                failed.consumed(name);
            }
            tx.end();
            anchoring.afterCommit(c, tx);
            H2Store store = track(new H2Store(files, key, clock, wrapper, user.get(), c, anchoring, this::forgetClosed));
            ok = true;
            LOG.info("Unlocked by {}", name);
            return new Unlocked(store, user.get());
        } catch (SQLException e) {
            throw openFailure(e);
        } catch (FlywayException e) {
            throw openFailure(e);
        } catch (StoreException | WrongCredentialsException e) {
            throw e;
        } catch (RuntimeException e) {
            // H2's storage layer can fail with unchecked exceptions on a damaged file or a full disk
            throw openFailure(e);
        } finally {
            if (!ok) {
                closeQuietly(c);
                if (anchoring != null) {
                    anchoring.close();
                }
                key.close();
            }
        }
    }

    /**
     * Why opening failed after the file passed its read-only check: the disk (full, read-only), another
     * program holding the file, or damage H2 found once writing.
     */
    private StoreException openFailure(Exception e) {
        java.util.Optional<org.outpost.app.port.DiskProblemException> disk = DiskProblems.diagnose(files.root(), e,
                "the database could not be opened; nothing was changed.");
        if (disk.isPresent()) {
            return disk.get();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                LOG.warn("Opening the database failed: SQL state {}, H2 error {}", sql.getSQLState(), sql.getErrorCode());
                if (sql.getErrorCode() == 90020) {
                    return SqlErrors.translate(sql, "open the database");
                }
                return damaged("The database file cannot be opened (H2 error " + sql.getErrorCode() + ").");
            }
        }
        LOG.warn("Opening the database failed: {}", e.getClass().getName());
        return damaged("The database file cannot be opened.");
    }

    /** See {@link BackupRestore}: admins of the current installation only; its accounts stay in force. */
    @Override
    public synchronized RestoreReport restore(Path backup, String username, char[] password,
                                              Optional<BackupLogin> backupLogin) throws WrongCredentialsException {
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(backupLogin, "backupLogin");
        if (!Files.isRegularFile(backup)) {
            throw new StoreException("The backup file does not exist");
        }
        BackupArchive.readManifest(backup);
        String name = normaliseOrNull(username);
        KeyRotation.recover(files);
        requireNotInUse("restoring a backup");
        return new BackupRestore(files, clock, this::openSlot).restore(backup, name, password, backupLogin);
    }

    private void requireNotInUse(String what) {
        openStores.removeIf(H2Store::isClosed);
        if (!openStores.isEmpty()) {
            throw new StoreException("Lock Outpost (close the database) before " + what);
        }
        if (!Files.exists(files.database())) {
            return;
        }
        try (FileChannel ch = FileChannel.open(files.database(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                throw new StoreException("The database is open in another program; close it there before " + what);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new StoreException("The database is open; lock Outpost before " + what);
        } catch (IOException e) {
            throw new StoreException("The database file cannot be replaced: check the data directory's permissions");
        }
    }

    private void forgetClosed() {
        openStores.removeIf(H2Store::isClosed);
    }

    private H2Store track(H2Store store) {
        openStores.add(store);
        return store;
    }

    private static String normaliseOrNull(String username) {
        try {
            return User.normaliseUsername(username);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("Close failed: H2 error {}", e.getErrorCode());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove {}", file.getFileName());
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(H2Vault::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Could not remove {}", dir.getFileName());
        }
    }

    @Override
    public String toString() {
        return "H2Vault[" + files.root() + "]";
    }
}
