package org.outpost.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Sex;
import org.outpost.app.usecase.AuditService;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.TestKdfCost;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/** The Admin screen's "Verify database": intact, or damaged with the table and row. */
class AdminVerifyDatabaseViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static AdminViewModel model(StoreFixture store) {
        return new AdminViewModel(store.store(), new AuditService(store.store(), store.clock(), store.session()),
                store.session(), new SameThreadTaskRunner(e -> null), new UiText(Locale.ENGLISH), store.clock());
    }

    @Test
    void anIntactDatabaseSaysIntact() {
        try (StoreFixture store = StoreFixture.create(dir, CLOCK)) {
            store.register("Ivanova", "Olga", Sex.FEMALE, LocalDate.of(1949, 11, 5), "");
            AdminViewModel model = model(store);
            model.verifyDatabase();
            assertThat(model.verifyingProperty().get()).isFalse();
            assertThat(model.databaseIntactProperty().get()).isTrue();
            assertThat(model.integrityProperty().get()).startsWith("Intact: database intact");
            assertThat(model.damage()).isEmpty();
        }
    }

    @Test
    void aDamagedRowIsListedByTableAndRow() throws Exception {
        try (StoreFixture store = StoreFixture.create(dir, CLOCK)) {
            store.register("Ivanova", "Olga", Sex.FEMALE, LocalDate.of(1949, 11, 5), "");
        }
        rawSql("UPDATE patients SET birth_date = DATE '1950-11-05'");
        try (StoreFixture store = StoreFixture.open(dir, CLOCK)) {
            AdminViewModel model = model(store);
            model.verifyDatabase();
            assertThat(model.databaseIntactProperty().get()).isFalse();
            assertThat(model.integrityProperty().get()).startsWith("Damaged \u2014 restore from a backup");
            assertThat(model.damage()).singleElement().asString().startsWith("patients: 1 of 1 rows DAMAGED: ")
                    .doesNotContain("Ivanova").doesNotContain("1950");
        }
    }

    private void rawSql(String sql) throws Exception {
        var slot = KeySlotFile.read(dir.resolve(KeySlotFile.NAME)).find(StoreFixture.ADMIN).orElseThrow();
        try (DataKey key = TestKdfCost.lowCostWrapper().unwrap(slot, StoreFixture.PASSWORD.toCharArray())) {
            Properties props = new Properties();
            props.put("user", "OUTPOST");
            props.put("password", new String(key.h2Password()));
            String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("outpost") + ";CIPHER=AES;IFEXISTS=TRUE";
            try (Connection c = new org.h2.Driver().connect(url, props); Statement s = c.createStatement()) {
                s.executeUpdate(sql);
            }
        }
    }
}
