package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.store.keys.DataKey;

/** Flyway builds the schema from an empty encrypted file, once. */
class MigrationTest {
    @TempDir
    Path dir;

    @Test
    void migratesFromEmptyToTheLatestWithAllTables() throws Exception {
        try (DataKey key = DataKey.generate(new SecureRandom());
             Connection keepOpen = H2Database.connect(dir, key, false)) {
            MigrateResult first = H2Database.migrate(dir, key);
            assertThat(first.migrationsExecuted).isEqualTo(17);
            assertThat(first.targetSchemaVersion).isEqualTo("18");
            assertThat(first.migrations).extracting(m -> m.version)
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "10", "11", "12", "13", "14", "15", "16", "17", "18");

            List<String> tables = new ArrayList<>();
            try (ResultSet rs = keepOpen.createStatement().executeQuery(
                    "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("users", "patients", "allergies", "encounters", "observations", "medications",
                    "genotypes", "audit_log", "audit_head", "site_secret", "patient_name_tokens", "patient_name_prefixes",
                    "flyway_schema_history",
                    "decisions", "medication_orders", "order_alerts", "order_reviews", "order_review_alerts", "row_seal_state",
                    "allergy_status", "allergy_entries",
                    "outbox", "sent_summaries", "pseudonym_secret", "sync_settings", "name_folding_state",
                    "conditions", "problem_list_reviews", "smoking_history", "result_units",
                    "monitoring_days", "monitoring_flags");

            try (ResultSet rs = keepOpen.createStatement().executeQuery("SELECT secret FROM site_secret")) {
                assertThat(rs.next()).isTrue();
                byte[] secret = rs.getBytes(1);
                assertThat(secret).hasSize(32).isNotEqualTo(new byte[32]);
                assertThat(rs.next()).isFalse();
            }

            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = keepOpen.createStatement().executeQuery(
                    "SELECT LOWER(index_name) FROM information_schema.indexes WHERE table_schema = 'PUBLIC'")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
            assertThat(indexes).contains("patients_family_folded", "patients_given_folded", "patients_birth_date",
                    "observations_patient_effective", "medications_patient_start", "genotypes_patient_date",
                    "encounters_patient_start", "patient_name_tokens_token", "patient_name_prefixes_prefix",
                    "decisions_patient_model",
                    "medication_orders_status", "medication_orders_patient", "order_alerts_patient_fingerprint",
                    "order_reviews_order", "outbox_first_changed", "sent_summaries_sent_at");

            assertThat(H2Database.migrate(dir, key).migrationsExecuted).isZero();
        }
    }
}
