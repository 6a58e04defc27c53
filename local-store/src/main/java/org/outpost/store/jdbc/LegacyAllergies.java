package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves the free-text allergies of V1 ({@code allergies}: a substance per row) into the three-state tables of
 * V8, once, at the first unlock after migrating (Flyway has no key, so it can neither check the old rows' MACs nor
 * seal the new ones). A patient whose old rows all pass their MAC gets the status {@code LIST} and one entry per
 * row, in order, with an unknown reaction and severity and no recorder; the old rows are then deleted. A patient
 * with no old rows gets nothing: no status row is "not recorded" — never "no known allergies". A patient any of
 * whose old rows fails its MAC is left as it is: reading the patient then fails as it did before (the damaged row
 * is named), and {@code admin verify} reports the row. Idempotent: an interrupted run finishes at the next unlock.
 */
public final class LegacyAllergies {
    /** Patients moved per commit, so a large clinic's upgrade is not one huge transaction. */
    static final int BATCH = 1_000;

    private LegacyAllergies() {
    }

    /** Moves every patient's old rows that check; returns how many patients were moved. Commits. */
    public static int upgrade(Connection c, RowSeal seal) throws SQLException {
        List<UUID> patients = Jdbc.query(c, "SELECT DISTINCT patient_id FROM allergies", ps -> { },
                rs -> Jdbc.uuid(rs, "patient_id"));
        int moved = 0;
        for (UUID patient : patients) {
            if (move(c, seal, patient)) {
                moved++;
                if (moved % BATCH == 0) {
                    c.commit();
                }
            }
        }
        c.commit();
        return moved;
    }

    private static boolean move(Connection c, RowSeal seal, UUID patient) throws SQLException {
        List<String> substances = new ArrayList<>();
        boolean intact = true;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SealedTable.ALLERGIES.select("")
                + " FROM allergies WHERE patient_id = ? ORDER BY position")) {
            ps.setObject(1, patient);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    intact &= !seal.active() || seal.matches(SealedTable.ALLERGIES, rs);
                    substances.add(rs.getString("substance"));
                }
            }
        }
        boolean hasStatus = Jdbc.queryOne(c, "SELECT 1 FROM allergy_status WHERE patient_id = ?",
                ps -> ps.setObject(1, patient), rs -> true).isPresent();
        if (!intact || hasStatus) {
            return false; // damaged: left for verify; a status already recorded in V8 is never overwritten
        }
        Jdbc.update(c, "INSERT INTO allergy_status (patient_id, status) VALUES (?, 'LIST')", ps -> ps.setObject(1, patient));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO allergy_entries (patient_id, position, substance, "
                + "reaction, severity) VALUES (?, ?, ?, '', 'UNKNOWN')")) {
            int position = 0;
            for (String substance : substances) {
                ps.setObject(1, patient);
                ps.setInt(2, position++);
                ps.setString(3, substance);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        seal.reseal(c, SealedTable.ALLERGY_STATUS, "patient_id = ?", patient);
        seal.reseal(c, SealedTable.ALLERGY_ENTRIES, "patient_id = ?", patient);
        Jdbc.update(c, "DELETE FROM allergies WHERE patient_id = ?", ps -> ps.setObject(1, patient));
        return true;
    }
}
