package org.outpost.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.outpost.app.port.StoreException;
import org.outpost.store.keys.DataKey;

/**
 * How Outpost opens H2: the URL and its settings, the credentials derived from the data key, and
 * Flyway migration.
 */
final class H2Database {
    /** The fixed H2 user; its password comes from the data key. */
    static final String USER = "OUTPOST";

    /**
     * CIPHER=AES encrypts every page; a 64 MiB page cache keeps encrypted reads near plain speed;
     * no trace file (H2's trace quotes SQL values, i.e. patient data, in plain text); WRITE_DELAY=0
     * writes each commit at once instead of up to half a second later.
     */
    private static final String SETTINGS =
            ";CIPHER=AES;CACHE_SIZE=65536;TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0;WRITE_DELAY=0;LOCK_TIMEOUT=10000";

    private H2Database() {
    }

    static String url(Path directory, boolean mustExist) {
        Path base = directory.toAbsolutePath().resolve(DataDirectory.DB_NAME);
        return "jdbc:h2:file:" + base + SETTINGS + (mustExist ? ";IFEXISTS=TRUE" : "");
    }

    /** Opens (or, unless {@code mustExist}, creates) the database in {@code directory}. */
    static Connection connect(Path directory, DataKey key, boolean mustExist) throws SQLException {
        return connect(url(directory, mustExist), key.h2Password());
    }

    /**
     * Opens an existing database read-only: H2 writes nothing to the file (no header update, no recovery
     * of a damaged file), so a file judged damaged stays byte-identical.
     */
    static Connection connectReadOnly(Path directory, DataKey key) throws SQLException {
        return connect(url(directory, true) + ";ACCESS_MODE_DATA=r", key.h2Password());
    }

    /**
     * Opens the database in {@code directory} with an explicit H2 password ("file password, space, user
     * password"), which it wipes; key rotation needs a new file password with the old user password once.
     */
    static Connection connect(Path directory, char[] password, boolean mustExist) throws SQLException {
        return connect(url(directory, mustExist), password);
    }

    private static Connection connect(String url, char[] password) throws SQLException {
        Properties props = new Properties();
        props.put("user", USER);
        props.put("password", password);
        try {
            return new org.h2.Driver().connect(url, props);
        } finally {
            Arrays.fill(password, '\0');
            props.clear();
        }
    }

    /** The schema version Flyway last applied successfully ("0" before any migration). */
    static String schemaVersion(Connection c) throws SQLException {
        try (java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" "
                     + "WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "0";
        }
    }

    /** The H2 version linked into this build of Outpost. */
    static String h2Version() {
        return org.h2.engine.Constants.VERSION;
    }

    /**
     * Compares dotted numeric versions ("2.3.232", "5"): negative, zero or positive as {@code a} is older,
     * equal or newer. A part that is not a number counts as 0.
     */
    static int compareVersions(String a, String b) {
        String[] x = a.strip().split("\\.");
        String[] y = b.strip().split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(part(x, i), part(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long part(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        try {
            return Long.parseLong(parts[i]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Refuses a database that a newer Outpost has migrated (a schema version this build has no migration for):
     * Flyway by default ignores such "future" migrations, and this version would then read and write a schema it does
     * not know — after a downgrade, or a workstation on an older release opening a newer one's copy.
     */
    private static void refuseNewerSchema(Flyway flyway) {
        String newest = null;
        String known = null;
        // one info(): each call resolves the class path's migrations and reads the history table again
        for (org.flywaydb.core.api.MigrationInfo m : flyway.info().all()) {
            if (m.getVersion() == null) {
                continue;
            }
            if (m.getState().isResolved()) {
                known = m.getVersion().getVersion();
            } else if (m.getState() == org.flywaydb.core.api.MigrationState.FUTURE_SUCCESS) {
                newest = m.getVersion().getVersion();
            }
        }
        if (newest != null) {
            throw new StoreException("This database was upgraded by a newer version of Outpost (schema " + newest
                    + "; this version knows up to " + known + "). Install that version again to open it; nothing was "
                    + "changed.");
        }
    }

    /**
     * Has Flyway resolve the migrations on the class path and compare them with the (empty) history of the database
     * at {@code url}, changing nothing: the warm-up before sign-in, so {@link #migrate} later finds Flyway's scanner,
     * parser and SQL resources loaded.
     */
    static void resolveMigrations(String url, Properties props) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(props.getProperty("user"));
        ds.setPassword(props.getProperty("password"));
        flyway(ds).info().all();
    }

    private static Flyway flyway(JdbcDataSource ds) {
        return Flyway.configure(H2Database.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
    }

    /** Brings the schema up to date with the migrations in {@code classpath:db/migration}. */
    static MigrateResult migrate(Path directory, DataKey key) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url(directory, true));
        ds.setUser(USER);
        char[] password = key.h2Password();
        ds.setPasswordChars(password);
        try {
            Flyway flyway = flyway(ds);
            refuseNewerSchema(flyway);
            return flyway.migrate();
        } finally {
            Arrays.fill(password, '\0');
            ds.setPasswordChars(new char[0]);
        }
    }
}
