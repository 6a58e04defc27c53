package org.outpost.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.function.Function;
import org.outpost.app.port.DatabaseDamagedException;
import org.outpost.store.jdbc.SqlErrors;
import org.outpost.store.keys.DataKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges the database file after the password is proven and before H2 may write to it. H2 treats an empty
 * or header-only file as a new database and quietly falls back to an older chunk of a truncated one, so a
 * damaged file was once replaced by an empty database and the user told "wrong password". Here the file must
 * be an H2 encrypted file of plausible size, open read-only (H2 writes nothing in that mode), and hold
 * Outpost's schema with at least one account and an audit log; anything else is "damaged", and the file
 * stays byte-identical.
 */
final class DatabaseFileCheck {
    /** The plain header H2's file encryption (CIPHER=AES) writes first. */
    private static final byte[] ENCRYPTED_MAGIC = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);
    /** H2's encryption header block and MVStore's two file header blocks, 4 KiB each: anything shorter is cut. */
    static final long MIN_BYTES = 3 * 4096;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFileCheck.class);

    private final DataDirectory files;
    private final Function<String, DatabaseDamagedException> damaged;

    DatabaseFileCheck(DataDirectory files, Function<String, DatabaseDamagedException> damaged) {
        this.files = files;
        this.damaged = damaged;
    }

    /** Fails with a damaged-database report (or "open in another program") unless the file looks sound. */
    void require(DataKey key) {
        long size;
        byte[] head = new byte[ENCRYPTED_MAGIC.length];
        try (InputStream in = Files.newInputStream(files.database())) {
            size = Files.size(files.database());
            int read = in.readNBytes(head, 0, head.length);
            if (read < head.length) {
                head = Arrays.copyOf(head, read);
            }
        } catch (IOException e) {
            throw damaged.apply("The database file (" + DataDirectory.DB_FILE + ") cannot be read.");
        }
        if (size < MIN_BYTES) {
            throw damaged.apply("The database file (" + DataDirectory.DB_FILE + ") is only " + size
                    + " bytes long: it was cut short.");
        }
        if (!Arrays.equals(head, ENCRYPTED_MAGIC)) {
            throw damaged.apply("The database file (" + DataDirectory.DB_FILE + ") is not an encrypted Outpost database.");
        }
        try (Connection c = H2Database.connectReadOnly(files.root(), key); Statement s = c.createStatement()) {
            requireSchema(s);
            requireNotOlderThanItsAnchor(s, key);
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020) {
                throw SqlErrors.translate(e, "open the database"); // in use by another program: not damage
            }
            LOG.warn("The database file failed its check: SQL state {}, H2 error {}", e.getSQLState(), e.getErrorCode());
            throw damaged.apply("The database file (" + DataDirectory.DB_FILE + ") cannot be read (H2 error "
                    + e.getErrorCode() + ").");
        } catch (DatabaseDamagedException e) {
            throw e;
        } catch (RuntimeException e) {
            // H2's storage layer fails with unchecked exceptions on a damaged file
            LOG.warn("The database file failed its check: {}", e.getClass().getName());
            throw damaged.apply("The database file (" + DataDirectory.DB_FILE + ") cannot be read.");
        }
    }

    /**
     * H2 opens a file whose newest chunks were cut off (or overwritten) by quietly falling back to an older
     * chunk: the database then looks sound but has lost its latest changes. The audit anchor outside the
     * database records the newest audit row after every change; a database whose audit log ends before it
     * is older than it was, and is refused here before H2 may write to it.
     */
    private void requireNotOlderThanItsAnchor(Statement s, DataKey key) throws SQLException {
        AuditAnchor.Reading anchor;
        try (AuditAnchor file = new AuditAnchor(files.auditAnchor(), key)) {
            anchor = file.read();
        }
        if (anchor.status() != AuditAnchor.Status.OK || anchor.head().isEmpty()) {
            return; // missing or altered: verify-audit reports it; the session leaves it as found
        }
        try (ResultSet r = s.executeQuery("SELECT last_seq FROM audit_head WHERE id = 1")) {
            long database = r.next() ? r.getLong(1) : 0;
            AuditAnchor.Head head = anchor.head().get();
            if (database < head.seq()) {
                throw damaged.apply("its audit log ends at row " + database + " but row " + head.seq()
                        + " was recorded at " + head.at() + ": the file was cut short, damaged or replaced by an"
                        + " older copy, and the changes since are not in it.");
            }
        }
    }

    private void requireSchema(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_NAME IN ('flyway_schema_history', 'USERS', 'AUDIT_LOG', 'AUDIT_HEAD')")) {
            r.next();
            if (r.getInt(1) != 4) {
                throw damaged.apply("The database file (" + DataDirectory.DB_FILE + ") does not hold an Outpost database.");
            }
        }
        try (ResultSet r = s.executeQuery("SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM audit_log)")) {
            r.next();
            if (r.getLong(1) == 0 || r.getLong(2) == 0) {
                throw damaged.apply("The database file (" + DataDirectory.DB_FILE + ") has lost its accounts or its audit log.");
            }
        }
    }
}
