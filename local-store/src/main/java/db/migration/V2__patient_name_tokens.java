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
import org.outpost.store.jdbc.NameTokens;

/**
 * Adds {@code patient_name_tokens}: one row per searchable word of each patient's family and given
 * name ({@link NameTokens}), indexed on the token, so a search word can prefix any word of a compound
 * name. Each row carries the patient's sort keys (folded names, birth date) so the index on
 * {@code (token, family_folded, given_folded, birth_date, patient_id)} yields a search's first rows in
 * display order without a lookup per candidate. Existing patients are backfilled here, in pages of {@value #PAGE} by id, with the same folding
 * the repository uses when it writes a patient.
 */
public final class V2__patient_name_tokens extends BaseJavaMigration {
    private static final int PAGE = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE patient_name_tokens (
                        patient_id  UUID          NOT NULL,
                        token       VARCHAR(2000) NOT NULL,
                        family_folded  VARCHAR(500) NOT NULL,
                        given_folded   VARCHAR(500) NOT NULL,
                        birth_date     DATE         NOT NULL,
                        CONSTRAINT patient_name_tokens_pk PRIMARY KEY (patient_id, token),
                        CONSTRAINT patient_name_tokens_patient FOREIGN KEY (patient_id)
                            REFERENCES patients (id) ON DELETE CASCADE
                    )""");
            // Covering and in display order within one token: a search's top N comes off this index alone.
            s.execute("CREATE INDEX patient_name_tokens_token ON patient_name_tokens"
                    + " (token, family_folded, given_folded, birth_date, patient_id)");
        }
        backfill(c);
    }

    private static void backfill(Connection c) throws SQLException {
        UUID after = null;
        try (PreparedStatement first = c.prepareStatement(
                     "SELECT id, family_name, given_name, birth_date FROM patients ORDER BY id LIMIT " + PAGE);
             PreparedStatement next = c.prepareStatement(
                     "SELECT id, family_name, given_name, birth_date FROM patients WHERE id > ? ORDER BY id LIMIT " + PAGE);
             PreparedStatement insert = c.prepareStatement(NameTokens.INSERT)) {
            while (true) {
                PreparedStatement page = after == null ? first : next;
                if (after != null) {
                    next.setObject(1, after);
                }
                int rows = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getObject(1, UUID.class);
                        NameTokens.addRows(insert, after, rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class));
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
