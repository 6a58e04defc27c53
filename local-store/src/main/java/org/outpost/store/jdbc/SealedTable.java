package org.outpost.store.jdbc;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The tables whose rows carry a MAC ({@link RowSeal}), each with its primary key and the columns the MAC
 * covers, in the order it covers them. The lists are fixed here rather than read from the schema so a
 * later migration that adds a column does not silently change every row's MAC; {@code RowSealTest} fails
 * when a table gains a column that is not listed (a migration adding one must list it and reseal). A column
 * written {@code name?} was added later and is nullable: a NULL there is left out of the MAC, so the rows
 * written before it keep their MACs, while a value in it is covered like any other (V10's order indication).
 *
 * <p>Not sealed: {@code audit_log} and {@code audit_head} (their own hash chain), the search tables
 * {@code patient_name_tokens} and {@code patient_name_prefixes} (derived from {@code patients}; verify reads
 * them whole), the {@code outbox} (a queue of patient ids derived from writes; what is sent is built from sealed
 * rows), {@code row_seal_state} and Flyway's history.
 */
public enum SealedTable {
    USERS("users", List.of("username"), "username, display_name, role, enabled, created_at"),
    PATIENTS("patients", List.of("id"), "id, mrn, family_name, given_name, family_folded, given_folded, sex, "
            + "birth_date, address, phone, consent, created_at, updated_at, consent_genotypes?, consent_recorded_by?, "
            + "consent_recorded_at?, consent_withdrawn_by?, consent_withdrawn_at?"),
    /** The V1 free-text allergies: empty once {@link LegacyAllergies} has moved them (V8); kept to check leftovers. */
    ALLERGIES("allergies", List.of("patient_id", "position"), "patient_id, position, substance"),
    ALLERGY_STATUS("allergy_status", List.of("patient_id"), "patient_id, status, recorded_by, recorded_at"),
    ALLERGY_ENTRIES("allergy_entries", List.of("patient_id", "position"), "patient_id, position, substance, reaction, "
            + "severity, recorded_by, recorded_at"),
    ENCOUNTERS("encounters", List.of("id"), "id, patient_id, start_at, encounter_type, reason, clinician"),
    OBSERVATIONS("observations", List.of("id"), "id, patient_id, loinc, amount, ucum_unit, effective_at, recorded_by"),
    MEDICATIONS("medications", List.of("id"),
            "id, patient_id, name, rxnorm, dose, route, frequency, start_date, stop_date"),
    GENOTYPES("genotypes", List.of("id"), "id, patient_id, gene, diplotype, source, result_date"),
    DECISIONS("decisions", List.of("id"), "id, seq, patient_id, model_id, model_version, inputs, result_value, "
            + "category, kind, reason, username, decided_at"),
    MEDICATION_ORDERS("medication_orders", List.of("id"), "id, seq, patient_id, medication_id, drug, amount, unit, "
            + "frequency, route, ordered_by, ordered_at, status, indication?"),
    ORDER_ALERTS("order_alerts", List.of("order_id", "position"), "order_id, position, patient_id, model_id, "
            + "model_version, model_title, severity, headline, text, strength, suggested_amount, suggested_unit, "
            + "suggested_frequency, differs, fingerprint, response, reason"),
    ORDER_REVIEWS("order_reviews", List.of("seq"), "seq, order_id, action, new_amount, new_unit, new_frequency, "
            + "reason, pharmacist, reviewed_at, model_versions"),
    ORDER_REVIEW_ALERTS("order_review_alerts", List.of("review_seq", "position"), "review_seq, position, order_id, "
            + "patient_id, model_id, model_version, model_title, severity, headline, text, strength, suggested_amount, "
            + "suggested_unit, suggested_frequency, differs, fingerprint, response, reason"),
    SITE_SECRET("site_secret", List.of("id"), "id, secret, created_at"),
    /** What was last sent per patient (V11): the exact bundle is the record of what left the machine. */
    SENT_SUMMARIES("sent_summaries", List.of("patient_id"), "patient_id, generation, bundle, sent_at, bundle_deflated?"),
    /** The key of pseudonyms (V11), apart from {@link #SITE_SECRET} so rotating it leaves every row MAC alone. */
    PSEUDONYM_SECRET("pseudonym_secret", List.of("id"), "id, secret, created_at"),
    /** Sync server, bearer token, k and genotype sharing (V11): a flipped byte must not redirect or loosen sync. */
    SYNC_SETTINGS("sync_settings", List.of("id"), "id, server_url, bearer_token, k_anonymity, share_genotypes, "
            + "changed_by, changed_at"),
    /** The problem list (V14). */
    CONDITIONS("conditions", List.of("id"), "id, patient_id, code_system, code, display, onset_date, status, "
            + "resolved_date, recorded_by, recorded_at"),
    /** Who last reviewed a problem list as complete (V14): a flipped byte must not turn "unknown" into "no". */
    PROBLEM_LIST_REVIEWS("problem_list_reviews", List.of("patient_id"), "patient_id, reviewed_by, reviewed_at"),
    /** Smoking status answers (V14). */
    SMOKING_HISTORY("smoking_history", List.of("id"), "id, patient_id, status, cigarettes_per_day, as_of, "
            + "recorded_by, recorded_at"),
    /** The unit each measure is shown in at this site (V15): a flipped byte must not show a result in another unit. */
    RESULT_UNITS("result_units", List.of("loinc"), "loinc, ucum_unit, changed_by, changed_at"),
    /** One patient's packed readings of one measure on one day (V16). */
    MONITORING_DAYS("monitoring_days", List.of("patient_id", "measure", "reading_day"), "patient_id, measure, reading_day, readings, "
            + "first_second, last_second, packed"),
    /** Flags on monitored series and the decisions on them (V16). */
    MONITORING_FLAGS("monitoring_flags", List.of("id"), "id, patient_id, measure, kind, direction, start_at, end_at, "
            + "baseline, observed, raised_at, outcome, decided_by, decided_at, note");

    private final String table;
    private final List<String> key;
    private final List<String> columns;
    private final java.util.Set<String> addedLater;

    SealedTable(String table, List<String> key, String columns) {
        this.table = table;
        this.key = key;
        List<String> written = List.of(columns.split(",\\s*"));
        this.columns = written.stream().map(c -> c.endsWith("?") ? c.substring(0, c.length() - 1) : c).toList();
        this.addedLater = written.stream().filter(c -> c.endsWith("?")).map(c -> c.substring(0, c.length() - 1))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a NULL in the column is left out of the MAC (a nullable column added after rows were sealed). */
    public boolean addedLater(String column) {
        return addedLater.contains(column);
    }

    /** The SQL table name. */
    public String table() {
        return table;
    }

    /** The primary key's columns. */
    public List<String> key() {
        return key;
    }

    /** Every column the MAC covers, in MAC order (the key's among them). */
    public List<String> columns() {
        return columns;
    }

    /** "a.c1, a.c2, …, a.row_mac" for a SELECT; {@code alias} may be empty. */
    public String select(String alias) {
        String prefix = alias.isEmpty() ? "" : alias + ".";
        return columns.stream().map(c -> prefix + c).collect(Collectors.joining(", "))
                + ", " + prefix + RowSeal.COLUMN;
    }
}
