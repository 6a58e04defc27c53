package org.outpost.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.nio.file.Path;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AuditVerification;
import org.outpost.app.domain.Permission;
import org.outpost.app.domain.User;
import org.outpost.app.port.Accounts;
import org.outpost.app.port.Repositories;
import org.outpost.app.port.Store;
import org.outpost.app.port.StoreException;
import org.outpost.store.jdbc.JdbcRepositories;
import org.outpost.store.jdbc.SqlErrors;
import org.outpost.store.jdbc.Tx;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KeyWrapper;
import org.outpost.store.keys.RowKey;
import org.outpost.store.jdbc.RowSeal;
import org.outpost.app.domain.IntegrityReport;
import org.outpost.store.keys.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unlocked database. Writes run one at a time on a dedicated connection (a fair lock makes it the
 * single writer); reads run on pooled connections in REPEATABLE READ transactions, so each read call
 * sees one consistent snapshot and never waits for a writer. Closing waits for a running write,
 * closes every connection (H2 then closes the file) and wipes the data key.
 */
final class H2Store implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(H2Store.class);
    private static final int MAX_IDLE_READERS = 4;

    private final DataDirectory files;
    private final DataKey key;
    private final Clock clock;
    private final KeyWrapper wrapper;
    private final User user;
    private final Connection writer;
    private final Runnable onClose;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Deque<Connection> idleReaders = new ArrayDeque<>();
    private final H2Accounts accounts;
    private final AuditAnchoring anchoring;
    /** Seals written rows and checks read ones (derived from {@link #key}; wiped with it). */
    private final RowKey rowKey;
    private volatile boolean closed;
    /** Below this size the file is not worth compacting. */
    static final int COMPACT_MIN_MIB = 16;
    /** Compact when fewer than this share of the file's chunks hold live data. */
    static final int COMPACT_BELOW_FILL_PERCENT = 50;

    H2Store(DataDirectory files, DataKey key, Clock clock, KeyWrapper wrapper, User user, Connection writer,
            AuditAnchoring anchoring, Runnable onClose) {
        this.files = files;
        this.key = key;
        this.clock = clock;
        this.wrapper = wrapper;
        this.user = user;
        this.writer = writer;
        this.onClose = Objects.requireNonNull(onClose);
        this.accounts = new H2Accounts(this);
        this.anchoring = Objects.requireNonNull(anchoring);
        try {
            this.rowKey = RowKey.of(writer);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "read the database's site secret");
        }
    }

    @Override
    public <T> T read(Function<Repositories, T> work) {
        Objects.requireNonNull(work, "work");
        Connection c = acquireReader();
        Tx tx = new Tx(c, clock, false, RowSeal.under(rowKey));
        boolean ok = false;
        try {
            T result = work.apply(new JdbcRepositories(tx));
            c.commit();
            ok = true;
            return result;
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "read the database");
        } finally {
            tx.end();
            if (!ok) {
                rollbackQuietly(c);
            }
            releaseReader(c);
        }
    }

    @Override
    public <T> T write(Function<Repositories, T> work) {
        Objects.requireNonNull(work, "work");
        return writeInternal(work::apply);
    }

    /** A write transaction with the store's own repositories (users included). */
    <T> T writeInternal(Function<JdbcRepositories, T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("Store.write was called inside another write; use the repositories you were given");
        }
        writeLock.lock();
        try {
            return inTransaction(work);
        } finally {
            writeLock.unlock();
        }
    }

    /** One write transaction on the writer connection; the caller holds the write lock. */
    private <T> T inTransaction(Function<JdbcRepositories, T> work) {
        requireOpen();
        Tx tx = new Tx(writer, clock, true, RowSeal.under(rowKey));
        boolean ok = false;
        try {
            T result = work.apply(new JdbcRepositories(tx));
            writer.commit();
            ok = true;
            anchoring.afterCommit(writer, tx);
            return result;
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "save the change");
        } catch (RuntimeException e) {
            // H2's storage layer reports a failed file write unchecked; a full or read-only disk says so
            throw org.outpost.store.jdbc.DiskProblems.diagnose(files.root(), e, "the last change was not saved.")
                    .map(RuntimeException.class::cast).orElse(e);
        } finally {
            tx.end();
            if (!ok) {
                rollbackQuietly(writer);
            }
        }
    }

    /** A read with the store's own repositories (users included). */
    <T> T readInternal(Function<JdbcRepositories, T> work) {
        return read(r -> work.apply((JdbcRepositories) r));
    }

    @Override
    public Accounts accounts() {
        return accounts;
    }

    /**
     * The chain walk and the comparison with the anchor outside the database, under the write lock so no
     * commit moves the anchor past this read's snapshot.
     */
    @Override
    public AuditVerification verifyAudit() {
        writeLock.lock();
        try {
            return readInternal(r -> anchoring.verify(r.audit()));
        } finally {
            writeLock.unlock();
        }
    }

    /** Only an administrator backs up: a backup carries every patient's record and the key slots. */
    @Override
    public void backupTo(Path target) {
        Objects.requireNonNull(target, "target");
        if (!user.role().may(Permission.MANAGE_USERS)) {
            throw new SecurityException("Only an administrator may make a backup");
        }
        writeLock.lock();
        try {
            requireOpen();
            IntegrityReport report = verifyIntegrity();
            if (!report.intact()) {
                LOG.warn("Backup refused: {}", report.summary());
                throw new StoreException("The backup was not written: the database is damaged ("
                        + report.damagedRows() + " damaged rows; run 'outpost admin verify' for the list). "
                        + "Restore the last good backup instead of backing up the damage");
            }
            BackupArchive.write(writer, files, target, clock.instant(), key);
            inTransaction(r -> r.audit().append(AuditEvent.of(clock.instant(), user.username(), AuditAction.BACKUP_CREATED)));
            LastBackup.record(files.lastBackup(), target, clock.instant());
        } catch (IOException e) {
            throw new StoreException("The backup could not be written to that place: check the disk and permissions");
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "make the backup");
        } finally {
            writeLock.unlock();
        }
        LOG.info("Backup written");
    }

    /** Reads a snapshot of the whole database; writes wait for it only when called under the write lock. */
    @Override
    public IntegrityReport verifyIntegrity() {
        return readInternal(JdbcRepositories::verifyIntegrity);
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            synchronized (idleReaders) {
                idleReaders.forEach(H2Store::closeQuietly);
                idleReaders.clear();
            }
            rollbackQuietly(writer);
            compactIfWasteful(writer);
            closeQuietly(writer);
            anchoring.close();
            key.close();
            rowKey.close();
            restrictQuietly(files.database());
            LOG.info("Database closed");
        } finally {
            writeLock.unlock();
            onClose.run();
        }
    }

    boolean isClosed() {
        return closed;
    }

    DataDirectory files() {
        return files;
    }

    DataKey key() {
        requireOpen();
        return key;
    }

    KeyWrapper wrapper() {
        return wrapper;
    }

    Clock clock() {
        return clock;
    }

    private void requireOpen() {
        if (closed) {
            throw new StoreException("The database is locked; unlock it again");
        }
    }

    private Connection acquireReader() {
        requireOpen();
        synchronized (idleReaders) {
            Connection c = idleReaders.pollFirst();
            if (c != null) {
                return c;
            }
        }
        try {
            Connection c = H2Database.connect(files.root(), key, true);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return c;
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "read the database");
        } catch (IllegalStateException e) {
            throw new StoreException("The database is locked; unlock it again");
        }
    }

    private void releaseReader(Connection c) {
        synchronized (idleReaders) {
            if (!closed && idleReaders.size() < MAX_IDLE_READERS) {
                idleReaders.push(c);
                return;
            }
        }
        closeQuietly(c);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("Rollback failed: H2 error {}", e.getErrorCode());
        }
    }

    /**
     * Rewrites the file without its dead space when most of it is dead. Many small commits (one patient, one
     * reading, as a clinic works) leave H2's chunks mostly empty and H2 compacts only briefly on close:
     * 6,000 one-patient transactions measured 781 MiB with 8 % of the chunks live; {@code SHUTDOWN COMPACT}
     * took 2.6 s and left 15 MiB. It runs when the file is over {@value #COMPACT_MIN_MIB} MiB with less than
     * {@value #COMPACT_BELOW_FILL_PERCENT} % of its chunks live, so an ordinary lock stays instant. H2 writes
     * the compacted copy beside the file and then replaces it, so a crash meanwhile leaves the old file.
     */
    static void compactIfWasteful(Connection writer) {
        try (java.sql.Statement st = writer.createStatement()) {
            long fileBytes = 0;
            int fill = 100;
            try (java.sql.ResultSet rs = st.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM "
                    + "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNKS_FILL_RATE')")) {
                while (rs.next()) {
                    if (rs.getString(1).equals("info.FILE_SIZE")) {
                        fileBytes = Long.parseLong(rs.getString(2));
                    } else {
                        fill = Integer.parseInt(rs.getString(2));
                    }
                }
            }
            if (!worthCompacting(fileBytes, fill)) {
                return;
            }
            long start = System.nanoTime();
            st.execute("SHUTDOWN COMPACT");
            LOG.info("Database compacted on close: {} MiB with {} % of chunks live, in {} ms", fileBytes >> 20, fill,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException | NumberFormatException e) {
            LOG.warn("Compaction on close skipped: {}", e.getClass().getSimpleName());
        }
    }

    /** Over {@value #COMPACT_MIN_MIB} MiB with under {@value #COMPACT_BELOW_FILL_PERCENT} % of its chunks live. */
    static boolean worthCompacting(long fileBytes, int chunksFillPercent) {
        return fileBytes >= (long) COMPACT_MIN_MIB << 20 && chunksFillPercent < COMPACT_BELOW_FILL_PERCENT;
    }

    /**
     * H2 may rewrite the file when the last connection closes (compaction); a rewritten file gets the
     * process's default permissions, so make it owner-only again.
     */
    static void restrictQuietly(Path file) {
        try {
            SecureFiles.restrictToOwner(file);
        } catch (IOException e) {
            LOG.warn("Could not make the database file owner-only: {}", e.getClass().getSimpleName());
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("Close failed: H2 error {}", e.getErrorCode());
        }
    }

    @Override
    public String toString() {
        return "H2Store[" + files.root() + (closed ? ", closed" : "") + "]";
    }
}
