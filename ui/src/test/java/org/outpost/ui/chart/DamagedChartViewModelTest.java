package org.outpost.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.TestKdfCost;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/** A chart with a row that fails its integrity check says so, and shows none of the chart's values. */
class DamagedChartViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aDamagedReadingShowsDamagedRestoreFromABackupInsteadOfAWrongValue() throws Exception {
        Patient patient;
        try (StoreFixture store = StoreFixture.create(dir, CLOCK)) {
            patient = store.register("Nakamura", "Aiko", Sex.FEMALE, LocalDate.of(1958, 6, 30), "");
            store.record(patient, Instant.parse("2026-02-01T09:00:00Z"),
                    Map.of(Measure.HEART_RATE, Quantity.of(72, Unit.PER_MIN)));
        }
        rawSql("UPDATE observations SET amount = 182");

        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        try (StoreFixture store = StoreFixture.open(dir, CLOCK)) {
            ChartViewModel model = new ChartViewModel(store.charts(), patient.id(),
                    new SameThreadTaskRunner(e -> {
                        unexpected.set(e);
                        return null;
                    }), new UiText(Locale.ENGLISH), CLOCK);
            model.open();
            assertThat(model.errorProperty().get()).startsWith("Part of this chart is damaged \u2014 restore from a backup")
                    .contains("observations row ").doesNotContain("182");
            assertThat(model.chartProperty().get()).isNull();
            assertThat(model.observations()).isEmpty();
            assertThat(unexpected.get()).isNull();
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
