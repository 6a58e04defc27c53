package org.outpost.sync.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Sex;

/** Records in a (birth-year band, gender, ZIP3) group smaller than k are held back, with the reason. */
class KAnonymityGateTest {
    private static final PseudonymKey SECRET = PseudonymKey.random();
    private static final QuasiIdentifiers WOMEN_1950S_021 =
            new QuasiIdentifiers(new BirthYearBand("1950-1954"), Sex.FEMALE, new Zip3("021"));
    private static final QuasiIdentifiers MEN_1950S_021 =
            new QuasiIdentifiers(new BirthYearBand("1950-1954"), Sex.MALE, new Zip3("021"));
    private static final QuasiIdentifiers OLDEST_000 =
            new QuasiIdentifiers(BirthYearBand.NINETY_OR_OLDER, Sex.FEMALE, Zip3.SUPPRESSED);

    private final Map<Pseudonym, QuasiIdentifiers> population = new LinkedHashMap<>();

    private void add(int count, QuasiIdentifiers q) {
        for (int i = 0; i < count; i++) {
            population.put(Pseudonym.of(SECRET, PatientId.random()), q);
        }
    }

    @Test
    void aGroupOfKIsReleasedAndASmallerOneIsHeldBackWithTheReason() {
        add(5, WOMEN_1950S_021);
        add(3, MEN_1950S_021);
        var verdicts = KAnonymityGate.withDefaultK().assess(population);

        assertThat(verdicts).hasSize(8);
        assertThat(verdicts.values()).filteredOn(KAnonymityGate.Verdict::released).hasSize(5)
                .allSatisfy(v -> assertThat(v.quasiIdentifiers()).isEqualTo(WOMEN_1950S_021));
        assertThat(verdicts.values()).filteredOn(v -> !v.released()).hasSize(3)
                .allSatisfy(v -> assertThat(v.reason()).contains("group of 3 < k=5 on (1950-1954, male, 021)"));
    }

    @Test
    void kIsConfigurable() {
        add(3, MEN_1950S_021);
        assertThat(new KAnonymityGate(3).assess(population).values()).allMatch(KAnonymityGate.Verdict::released);
        assertThat(new KAnonymityGate(4).assess(population).values()).noneMatch(KAnonymityGate.Verdict::released);
        assertThat(new KAnonymityGate(1).k()).isEqualTo(1);
        assertThatThrownBy(() -> new KAnonymityGate(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOldestAndThe000AreasAreGroupsLikeAnyOther() {
        add(1, OLDEST_000);
        var verdict = KAnonymityGate.withDefaultK().assess(population).values().iterator().next();
        assertThat(verdict.released()).isFalse();
        assertThat(verdict.reason()).contains("group of 1 < k=5 on (90 or older, female, 000)");
    }

    @Test
    void groupsAreCountedOverTheWholeSiteNotTheBatch() {
        add(6, WOMEN_1950S_021);
        Pseudonym candidate = population.keySet().iterator().next();
        assertThat(KAnonymityGate.withDefaultK().assess(population).get(candidate).groupSize()).isEqualTo(6);
    }
}
