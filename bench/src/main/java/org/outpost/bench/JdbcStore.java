package org.outpost.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.outpost.app.port.Accounts;
import org.outpost.app.port.Repositories;
import org.outpost.app.port.Store;
import org.outpost.store.jdbc.JdbcRepositories;
import org.outpost.store.jdbc.Tx;

/**
 * A {@link Store} over the store's own JDBC repositories with H2 settings the benchmark chooses
 * (cipher on or off, page cache size), so encrypted and plain files are compared through exactly the
 * same code. It mirrors {@code H2Store}'s transaction handling: one writer connection behind a fair
 * lock, read calls on pooled REPEATABLE READ connections, commit on return, roll back on a throw. The
 * {@code vault} variant of the benchmark measures the real {@code H2Store} next to it.
 */
final class JdbcStore implements Store {
    /**
     * The store's URL settings ({@code H2Database.SETTINGS}) without {@code CIPHER} and
     * {@code CACHE_SIZE}, which each variant sets.
     */
    static final String COMMON_SETTINGS =
            ";TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0;WRITE_DELAY=0;LOCK_TIMEOUT=10000;IFEXISTS=TRUE";

    private final String url;
    private final Properties credentials;
    private final Clock clock;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Deque<Connection> idleReaders = new ArrayDeque<>();

    /**
     * Opens {@code directory/outpost.mv.db}; {@code password} is both H2 parts for an encrypted file, the
     * user part alone for a plain one.
     */
    JdbcStore(Path directory, boolean encrypted, int cacheSizeKib, char[] password, Clock clock) throws SQLException {
        this.url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("outpost")
                + (encrypted ? ";CIPHER=AES" : "") + ";CACHE_SIZE=" + cacheSizeKib + COMMON_SETTINGS;
        this.credentials = new Properties();
        credentials.put("user", "OUTPOST");
        credentials.put("password", password.clone());
        this.clock = clock;
        this.writer = connect();
        writer.setAutoCommit(false);
    }

    private Connection connect() throws SQLException {
        Properties copy = new Properties();
        copy.put("user", credentials.get("user"));
        copy.put("password", ((char[]) credentials.get("password")).clone());
        return new org.h2.Driver().connect(url, copy);
    }

    @Override
    public <T> T read(Function<Repositories, T> work) {
        Connection c = acquireReader();
        Tx tx = new Tx(c, clock, false);
        boolean ok = false;
        try {
            T result = work.apply(new JdbcRepositories(tx));
            c.commit();
            ok = true;
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("read failed: H2 error " + e.getErrorCode(), e);
        } finally {
            tx.end();
            if (!ok) {
                rollback(c);
            }
            synchronized (idleReaders) {
                idleReaders.push(c);
            }
        }
    }

    @Override
    public <T> T write(Function<Repositories, T> work) {
        writeLock.lock();
        Tx tx = new Tx(writer, clock, true);
        boolean ok = false;
        try {
            T result = work.apply(new JdbcRepositories(tx));
            writer.commit();
            ok = true;
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("write failed: H2 error " + e.getErrorCode(), e);
        } finally {
            tx.end();
            if (!ok) {
                rollback(writer);
            }
            writeLock.unlock();
        }
    }

    private Connection acquireReader() {
        synchronized (idleReaders) {
            Connection c = idleReaders.pollFirst();
            if (c != null) {
                return c;
            }
        }
        try {
            Connection c = connect();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("connect failed: H2 error " + e.getErrorCode(), e);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("rollback failed: H2 error " + e.getErrorCode(), e);
        }
    }

    @Override
    public Accounts accounts() {
        throw new UnsupportedOperationException("The benchmark store has no accounts");
    }

    /** Not here: this store has no data key, so its rows are neither sealed nor checked (see H2Store). */
    @Override
    public org.outpost.app.domain.IntegrityReport verifyIntegrity() {
        throw new UnsupportedOperationException("The benchmark store has no row key; verify through H2Vault");
    }

    @Override
    public void backupTo(Path target) {
        throw new UnsupportedOperationException("The benchmark store makes no backups");
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            synchronized (idleReaders) {
                for (Connection c : idleReaders) {
                    closeConnection(c);
                }
                idleReaders.clear();
            }
            closeConnection(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeConnection(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            throw new IllegalStateException("close failed: H2 error " + e.getErrorCode(), e);
        }
    }
}
