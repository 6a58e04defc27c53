package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.outpost.app.domain.PatientQuery;

/**
 * Rebuilds the stored folded names and the search tables when {@link PatientQuery#fold}'s rule changed
 * ({@link PatientQuery#FOLDING_VERSION} differs from {@code name_folding_state.version}, V13), at unlock right
 * after migrating: Flyway cannot do it, as {@code patients.family_folded} and {@code given_folded} are sealed and
 * it has no key. A patient whose stored folds differ from today's rule gets new folds and a new MAC, and its rows in
 * {@code patient_name_tokens} and {@code patient_name_prefixes} rebuilt, in the same transaction, so the index
 * never disagrees with the folding. A patient row that fails its MAC is left as it is (a new MAC would hide the
 * damage; reading it fails as before and {@code admin verify} names it). Pages of {@value #PAGE} patients by id, a
 * commit each; idempotent, so an interrupted run is finished by the next unlock, and the version is recorded last.
 */
public final class NameFolding {
    static final int PAGE = 1_000;

    private NameFolding() {
    }

    /** Refolds what needs it and records the current rule; returns how many patients were refolded. Commits. */
    public static int upgrade(Connection c, RowSeal seal) throws SQLException {
        int built = Jdbc.queryOne(c, "SELECT version FROM name_folding_state WHERE id = 1", ps -> { },
                rs -> rs.getInt(1)).orElse(0);
        if (built == PatientQuery.FOLDING_VERSION) {
            return 0;
        }
        int refolded = 0;
        UUID after = null;
        String select = "SELECT " + SealedTable.PATIENTS.select("") + " FROM patients WHERE ? IS NULL OR id > ?"
                + " ORDER BY id LIMIT " + PAGE;
        while (true) {
            List<Refold> changes = new ArrayList<>();
            int rows = 0;
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setObject(1, after);
                ps.setObject(2, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        after = rs.getObject("id", UUID.class);
                        Refold r = new Refold(after, rs.getString("mrn"), rs.getString("family_name"),
                                rs.getString("given_name"), rs.getString("sex"), rs.getObject("birth_date", LocalDate.class));
                        boolean same = PatientQuery.fold(r.familyName()).equals(rs.getString("family_folded"))
                                && PatientQuery.fold(r.givenName()).equals(rs.getString("given_folded"));
                        if (!same && (!seal.active() || seal.matches(SealedTable.PATIENTS, rs))) {
                            changes.add(r);
                        }
                    }
                }
            }
            for (Refold r : changes) {
                r.apply(c, seal);
            }
            refolded += changes.size();
            c.commit();
            if (rows < PAGE) {
                break;
            }
        }
        Jdbc.update(c, "UPDATE name_folding_state SET version = ? WHERE id = 1",
                ps -> ps.setInt(1, PatientQuery.FOLDING_VERSION));
        c.commit();
        return refolded;
    }

    /** One patient's names as stored, to be folded again. */
    private record Refold(UUID id, String mrn, String familyName, String givenName, String sex, LocalDate birthDate) {
        void apply(Connection c, RowSeal seal) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE patients SET family_folded = ?, given_folded = ? WHERE id = ?")) {
                ps.setString(1, PatientQuery.fold(familyName));
                ps.setString(2, PatientQuery.fold(givenName));
                ps.setObject(3, id);
                ps.executeUpdate();
            }
            seal.reseal(c, SealedTable.PATIENTS, "id = ?", id);
            NameTokens.replace(c, id, familyName, givenName, birthDate);
            NamePrefixes.replace(c, id, mrn, familyName, givenName, sex, birthDate);
        }
    }
}
