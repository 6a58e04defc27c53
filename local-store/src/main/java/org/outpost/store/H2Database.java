package org.outpost.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
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
        return connect(directory, key.h2Password(), mustExist);
    }

    /**
     * Opens the database in {@code directory} with an explicit H2 password ("file password, space, user
     * password"), which it wipes; key rotation needs a new file password with the old user password once.
     */
    static Connection connect(Path directory, char[] password, boolean mustExist) throws SQLException {
        Properties props = new Properties();
        props.put("user", USER);
        props.put("password", password);
        try {
            return new org.h2.Driver().connect(url(directory, mustExist), props);
        } finally {
            Arrays.fill(password, '\0');
            props.clear();
        }
    }

    /** Brings the schema up to date with the migrations in {@code classpath:db/migration}. */
    static MigrateResult migrate(Path directory, DataKey key) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url(directory, true));
        ds.setUser(USER);
        char[] password = key.h2Password();
        ds.setPasswordChars(password);
        try {
            return Flyway.configure(H2Database.class.getClassLoader())
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } finally {
            Arrays.fill(password, '\0');
            ds.setPasswordChars(new char[0]);
        }
    }
}
