package org.outpost.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.port.Store;
import org.outpost.app.domain.PatientQuery;
import org.outpost.store.H2Vault;
import org.outpost.store.keys.DataKey;

/**
 * A smoke test of the benchmark's plumbing on a tiny data set (no timing): the data set is built once
 * and reused, the plain copy really is unencrypted and holds the same rows, and the generated queries
 * find their patients.
 */
class BenchDataTest {
    @TempDir
    Path root;

    @Test
    void buildsATinyDataSetOnceAndBothCopiesAnswerTheSameQueries() throws Exception {
        Dataset dataset = new Dataset(120, 3, 5L);
        BenchData data = new BenchData(root, dataset);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        data.ensure(new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(data.isComplete()).isTrue();
        data.ensure(new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(log.toString(StandardCharsets.UTF_8)).containsOnlyOnce("Generating").contains("Reusing");

        // the encrypted file needs the file key; the plain copy opens with the SQL user's password alone
        try (DataKey key = data.unlockKey()) {
            assertThatThrownBy(() -> new JdbcStore(data.freshCopy(true), false, 1024, Passwords.userPart(key),
                    Clock.systemUTC())).isInstanceOf(java.sql.SQLException.class);
        }
        assertThat(Files.size(data.plainFile())).isPositive();

        Patient someone = dataset.patient(17);
        try (Store vault = new H2Vault(data.freshCopy(true), Clock.systemUTC())
                .unlock(Dataset.USER, Dataset.PASSWORD.toCharArray()).store()) {
            long count = vault.read(r -> r.patients().count());
            assertThat(count).isEqualTo(120);
            List<Observation> observations = vault.read(r -> r.observations().forPatient(someone.id()));
            assertThat(observations).hasSize(3);
            assertThat(ids(vault, dataset.twoTokenQuery(17))).contains(someone.id());
        }
        try (DataKey key = data.unlockKey();
             Store plainStore = new JdbcStore(data.freshCopy(false), false, 1024, Passwords.userPart(key),
                     Clock.systemUTC())) {
            long count = plainStore.read(r -> r.patients().count());
            assertThat(count).isEqualTo(120);
            List<Observation> observations = plainStore.read(r -> r.observations().forPatient(someone.id()));
            assertThat(observations).isEqualTo(dataset.observations(17, someone).stream()
                    .sorted(java.util.Comparator.comparing(Observation::effective).thenComparing(Observation::id))
                    .toList());
            assertThat(ids(plainStore, dataset.prefixQuery(17))).contains(someone.id());
            assertThat(ids(plainStore, dataset.mrnPrefixQuery(17))).contains(someone.id());
        }
    }

    @Test
    void variantsNameTheCipherAndTheCache() {
        assertThat(Variant.parse("aes-16m")).isEqualTo(new Variant("aes-16m", false, true, 16 * 1024));
        assertThat(Variant.parse("plain-64m").encrypted()).isFalse();
        assertThat(Variant.parse("vault").cacheSizeKib()).isEqualTo(Variant.STORE_CACHE_KIB);
        assertThatThrownBy(() -> Variant.parse("aes")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<PatientId> ids(Store store, String text) {
        return store.read(r -> r.patients().search(PatientQuery.parse(text), 200)).stream()
                .map(PatientSummary::id).toList();
    }
}
