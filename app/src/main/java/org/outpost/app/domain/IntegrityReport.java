package org.outpost.app.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a full integrity check of the database found: per table, how many rows were read and which failed
 * their MAC (by row id only, never patient data), anything H2 could not read, and the audit chain. The
 * database is intact only when every part is.
 *
 * @param tables   each table (and index) read, in the order checked
 * @param audit    the audit chain's verification
 * @param problems damage outside any one row (unsealed rows, unreadable schema), one line each
 */
public record IntegrityReport(List<TablePart> tables, AuditVerification audit, List<String> problems) {
    /** How many damaged row ids a part lists at most; the count is always complete. */
    public static final int MAX_LISTED_ROWS = 100;

    public IntegrityReport {
        tables = List.copyOf(tables);
        Objects.requireNonNull(audit, "audit");
        problems = List.copyOf(problems);
    }

    /**
     * One table or index.
     *
     * @param name          table name, or "table index NAME"
     * @param rows          rows (or index entries) read
     * @param damaged       rows whose MAC failed
     * @param damagedRowIds the first {@value #MAX_LISTED_ROWS} of them, by primary key
     * @param unreadable    why H2 could not read the part, empty when it could
     */
    public record TablePart(String name, long rows, long damaged, List<String> damagedRowIds, String unreadable) {
        public TablePart {
            Objects.requireNonNull(name, "name");
            damagedRowIds = List.copyOf(damagedRowIds);
            Objects.requireNonNull(unreadable, "unreadable");
        }

        public boolean intact() {
            return damaged == 0 && unreadable.isEmpty();
        }
    }

    /** True when every table, index and the audit chain passed. */
    public boolean intact() {
        return audit.intact() && problems.isEmpty() && tables.stream().allMatch(TablePart::intact);
    }

    /** Damaged rows in all tables. */
    public long damagedRows() {
        return tables.stream().mapToLong(TablePart::damaged).sum();
    }

    /** The report as lines for an administrator: one per damaged part, row ids included; no patient data. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (TablePart t : tables) {
            if (!t.unreadable().isEmpty()) {
                out.add(t.name() + ": DAMAGED, could not be read (" + t.unreadable() + ")");
            }
            if (t.damaged() > 0) {
                out.add(t.name() + ": " + t.damaged() + " of " + t.rows() + " rows DAMAGED: "
                        + String.join(", ", t.damagedRowIds())
                        + (t.damaged() > t.damagedRowIds().size() ? ", …" : ""));
            }
        }
        problems.forEach(p -> out.add("DAMAGED: " + p));
        if (!audit.intact()) {
            out.add("audit_log: DAMAGED at row " + audit.firstBroken().getAsLong() + ": " + audit.reason());
        }
        return out;
    }

    /** One line: "intact (…)" or "DAMAGED (…)". */
    public String summary() {
        long rows = tables.stream().filter(t -> !t.name().contains(" index ")).mapToLong(TablePart::rows).sum();
        if (intact()) {
            return "database intact: " + tables.size() + " tables and indexes, " + rows + " rows, audit log "
                    + audit.rowsChecked() + " rows";
        }
        long broken = tables.stream().filter(t -> !t.intact()).count();
        return "database DAMAGED: " + damagedRows() + " damaged rows, " + broken + " damaged tables or indexes"
                + (audit.intact() ? "" : ", audit log broken") + (problems.isEmpty() ? "" : ", " + problems.size()
                + " other problems") + "; restore from a backup";
    }
}
