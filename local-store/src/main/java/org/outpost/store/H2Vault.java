package org.outpost.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
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
import org.outpost.app.port.StoreException;
import org.outpost.app.port.Vault;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.app.validation.PasswordPolicy;
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
 * {@code keys.properties} (one key slot per enabled user) and {@code failed-logins.log} (failed
 * attempts waiting to enter the audit log).
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
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final DataDirectory files;
    private final Clock clock;
    private final KeyWrapper wrapper;
    private final SecureRandom random;
    private final FailedLoginLog failedLogins;
    private final Set<H2Store> openStores = ConcurrentHashMap.newKeySet();

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
        this.failedLogins = new FailedLoginLog(files.failedLogins());
    }

    @Override
    public Path dataDirectory() {
        return files.root();
    }

    @Override
    public boolean isInitialized() {
        return Files.exists(files.database()) || Files.exists(files.keys());
    }

    @Override
    public synchronized Unlocked create(String adminUsername, String displayName, char[] password) {
        String name = User.normaliseUsername(adminUsername);
        PasswordPolicy.require(name, password);
        if (isInitialized()) {
            throw new StoreException("This data directory already holds an Outpost database");
        }
        try {
            SecureFiles.createPrivateDirectory(files.root());
        } catch (IOException e) {
            throw new StoreException("The data directory cannot be created: check the path and permissions");
        }
        DataKey key = DataKey.generate(random);
        Connection c = null;
        boolean ok = false;
        try {
            KeySlot slot = wrapper.wrap(key, name, password);
            c = H2Database.connect(files.root(), key, false);
            SecureFiles.restrictToOwner(files.database());
            H2Database.migrate(files.root(), key);
            c.setAutoCommit(false);
            User admin = new User(name, displayName, Role.ADMIN, true);
            Tx tx = RowSeals.afterMigrate(c, key, clock, name);
            JdbcRepositories r = new JdbcRepositories(tx);
            r.users().insert(admin);
            Instant now = clock.instant();
            r.audit().append(AuditEvent.of(now, name, AuditAction.DATABASE_CREATED));
            r.audit().append(AuditEvent.of(now, name, AuditAction.LOGIN_OK));
            c.commit();
            tx.end();
            KeySlotFile.write(files.keys(), KeySlots.empty().with(slot));
            H2Store store = track(new H2Store(files, key, clock, wrapper, admin, c, this::forgetClosed));
            ok = true;
            LOG.info("Created an encrypted database for administrator {}", name);
            return new Unlocked(store, admin);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "create the database");
        } catch (FlywayException e) {
            throw new StoreException("The database could not be set up (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            throw new StoreException("The database file cannot be protected: check the data directory's permissions");
        } finally {
            if (!ok) {
                closeQuietly(c);
                key.close();
                deleteQuietly(files.database());
                deleteQuietly(files.keys());
            }
        }
    }

    @Override
    public Unlocked unlock(String username, char[] password) throws WrongCredentialsException {
        if (!isInitialized()) {
            throw new StoreException("There is no Outpost database in this data directory yet");
        }
        String name = normaliseOrNull(username);
        KeySlots slots = KeySlotFile.read(files.keys());
        if (!Files.exists(files.database())) {
            throw new StoreException("The database file (" + DataDirectory.DB_FILE + ") is missing from the data directory");
        }
        DataKey key = openSlot(slots, name, password, true);
        return open(key, name);
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
                failedLogins.record(clock.instant(), name);
                LOG.info("Failed login for {}", name == null ? FailedLoginLog.INVALID_NAME : name);
            }
            throw e;
        }
    }

    private Unlocked open(DataKey key, String name) throws WrongCredentialsException {
        Connection c = null;
        boolean ok = false;
        try {
            H2Store.restrictQuietly(files.database());
            c = H2Database.connect(files.root(), key, true);
            H2Database.migrate(files.root(), key);
            c.setAutoCommit(false);
            Tx tx = RowSeals.afterMigrate(c, key, clock, name);
            JdbcRepositories r = new JdbcRepositories(tx);
            Optional<User> user = r.users().find(name);
            if (user.isEmpty() || !user.get().enabled()) {
                r.audit().append(new AuditEvent(clock.instant(), name, AuditAction.LOGIN_FAILED, Optional.empty(),
                        "account disabled or missing"));
                c.commit();
                throw new WrongCredentialsException();
            }
            FailedLoginLog.Pending pending = failedLogins.read();
            for (FailedLoginLog.Attempt a : pending.attempts()) {
                r.audit().append(new AuditEvent(a.at(), a.username(), AuditAction.LOGIN_FAILED, Optional.empty(),
                        "while locked"));
            }
            r.audit().append(AuditEvent.of(clock.instant(), name, AuditAction.LOGIN_OK));
            c.commit();
            tx.end();
            failedLogins.consumed(pending);
            H2Store store = track(new H2Store(files, key, clock, wrapper, user.get(), c, this::forgetClosed));
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
            // H2's storage layer can fail with unchecked exceptions on a damaged file
            LOG.warn("Opening the database failed: {}", e.getClass().getName());
            throw new StoreException(SqlErrors.DAMAGED);
        } finally {
            if (!ok) {
                closeQuietly(c);
                key.close();
            }
        }
    }

    private static StoreException openFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                LOG.warn("Opening the database failed: SQL state {}, H2 error {}", sql.getSQLState(), sql.getErrorCode());
                if (sql.getErrorCode() == 90020) {
                    return SqlErrors.translate(sql, "open the database");
                }
                return new StoreException(SqlErrors.DAMAGED);
            }
        }
        LOG.warn("Opening the database failed: {}", e.getClass().getName());
        return new StoreException(SqlErrors.DAMAGED);
    }

    @Override
    public synchronized void restore(Path backup, String username, char[] password) throws WrongCredentialsException {
        Objects.requireNonNull(backup, "backup");
        if (!Files.isRegularFile(backup)) {
            throw new StoreException("The backup file does not exist");
        }
        KeySlots slots = KeySlotFile.parse(BackupArchive.readKeys(backup));
        String name = normaliseOrNull(username);
        requireNotInUse();
        Path staging = files.root().resolve("restore-staging");
        try (DataKey key = openSlot(slots, name, password, false)) {
            SecureFiles.createPrivateDirectory(files.root());
            deleteTree(staging);
            SecureFiles.createPrivateDirectory(staging);
            BackupArchive.extractDatabase(backup, staging.resolve(DataDirectory.DB_FILE));
            KeySlotFile.write(staging.resolve(KeySlotFile.NAME), slots);
            checkAndMark(staging, key, name);
            swapIn(staging);
            LOG.info("Database restored from a backup by {}", name);
        } catch (IOException e) {
            throw new StoreException("The backup could not be restored: check the disk and the data directory's permissions");
        } finally {
            deleteTree(staging);
        }
    }

    /** Opens the staged copy: migrates it, checks the account, and records the restore in its audit log. */
    private void checkAndMark(Path staging, DataKey key, String name) throws WrongCredentialsException {
        try (Connection c = H2Database.connect(staging, key, true)) {
            H2Database.migrate(staging, key);
            c.setAutoCommit(false);
            Tx tx = RowSeals.afterMigrate(c, key, clock, name);
            JdbcRepositories r = new JdbcRepositories(tx);
            Optional<User> user = r.users().find(name);
            if (user.isEmpty() || !user.get().enabled()) {
                throw new WrongCredentialsException();
            }
            r.audit().append(new AuditEvent(clock.instant(), name, AuditAction.DATABASE_RESTORED, Optional.empty(),
                    "from backup"));
            c.commit();
            tx.end();
        } catch (SQLException e) {
            throw openFailure(e);
        } catch (FlywayException e) {
            throw openFailure(e);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Opening the backup failed: {}", e.getClass().getName());
            throw new StoreException(SqlErrors.DAMAGED);
        }
    }

    /** Moves the current files aside ({@code .before-restore-<time>}) and the staged ones in. */
    private void swapIn(Path staging) throws IOException {
        String suffix = ".before-restore-" + STAMP.format(clock.instant());
        for (Path current : new Path[] {files.database(), files.keys()}) {
            if (Files.exists(current)) {
                Path aside = current.resolveSibling(current.getFileName() + suffix);
                for (int i = 1; Files.exists(aside); i++) {
                    aside = current.resolveSibling(current.getFileName() + suffix + "-" + i);
                }
                Files.move(current, aside, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(staging.resolve(DataDirectory.DB_FILE), files.database(), StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging.resolve(KeySlotFile.NAME), files.keys(), StandardCopyOption.ATOMIC_MOVE);
        SecureFiles.syncDirectory(files.root());
    }

    private void requireNotInUse() {
        openStores.removeIf(H2Store::isClosed);
        if (!openStores.isEmpty()) {
            throw new StoreException("Lock Outpost (close the database) before restoring a backup");
        }
        if (!Files.exists(files.database())) {
            return;
        }
        try (FileChannel ch = FileChannel.open(files.database(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                throw new StoreException("The database is open in another program; close it there before restoring");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new StoreException("The database is open; lock Outpost before restoring a backup");
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

    private static void deleteTree(Path dir) {
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
