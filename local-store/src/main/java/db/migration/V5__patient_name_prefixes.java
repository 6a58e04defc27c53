package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.outpost.store.jdbc.NamePrefixes;

/**
 * Adds {@code patient_name_prefixes}: per patient, each distinct 1- to 4-code-point prefix of its name
 * tokens ({@link NamePrefixes}), with the patient's summary and sort keys, so that a search word is one
 * equality on an index in display order that holds every column the search returns: the first rows are
 * the first index entries, with no sort of every match and no lookup in {@code patients}. The key
 * {@code (patient_id, prefix)} stores each prefix once per patient, so a search needs no {@code DISTINCT}.
 * Existing patients are backfilled here, in pages of {@value #PAGE} by id, with the code the repository
 * uses when it writes a patient; the index is built after the backfill. Never edit once released.
 */
public final class V5__patient_name_prefixes extends BaseJavaMigration {
    private static final int PAGE = 1000;
    private static final String COLUMNS = "id, mrn, family_name, given_name, sex, birth_date";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE patient_name_prefixes (
                        patient_id     UUID          NOT NULL,
                        prefix         VARCHAR(16)   NOT NULL,
                        family_folded  VARCHAR(500)  NOT NULL,
                        given_folded   VARCHAR(500)  NOT NULL,
                        birth_date     DATE          NOT NULL,
                        family_name    VARCHAR(500)  NOT NULL,
                        given_name     VARCHAR(500)  NOT NULL,
                        mrn            VARCHAR(20)   NOT NULL,
                        sex            VARCHAR(8)    NOT NULL,
                        CONSTRAINT patient_name_prefixes_pk PRIMARY KEY (patient_id, prefix),
                        CONSTRAINT patient_name_prefixes_patient FOREIGN KEY (patient_id)
                            REFERENCES patients (id) ON DELETE CASCADE
                    )""");
        }
        backfill(c);
        try (Statement s = c.createStatement()) {
            // Display order within one prefix (the repository's ORDER: folded names, birth date, names,
            // id), then the remaining summary columns so the index alone answers a search.
            s.execute("CREATE INDEX patient_name_prefixes_prefix ON patient_name_prefixes (prefix, family_folded,"
                    + " given_folded, birth_date, family_name, given_name, patient_id, mrn, sex)");
        }
    }

    private static void backfill(Connection c) throws SQLException {
        UUID after = null;
        try (PreparedStatement first = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM patients ORDER BY id LIMIT " + PAGE);
             PreparedStatement next = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM patients WHERE id > ? ORDER BY id LIMIT " + PAGE);
             PreparedStatement insert = c.prepareStatement(NamePrefixes.INSERT)) {
            while (true) {
                PreparedStatement page = after == null ? first : next;
                if (after != null) {
                    next.setObject(1, after);
                }
                int rows = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getObject(1, UUID.class);
                        NamePrefixes.addRows(insert, after, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getObject(6, LocalDate.class));
                        rows++;
                    }
                }
                if (rows > 0) {
                    insert.executeBatch();
                }
                if (rows < PAGE) {
                    return;
                }
            }
        }
    }
}
