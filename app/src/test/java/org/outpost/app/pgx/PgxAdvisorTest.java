package org.outpost.app.pgx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.app.model.Severity;

/** The prescribing check's API: quiet for untested patients, one advice when a result applies, and fast. */
class PgxAdvisorTest {
    private static final PgxAdvisor ADVISOR = new PgxAdvisor(CpicTables.bundled());

    @Test
    void coversTheTablesDrugsByGenericNameIncludingSaltsAndCase() {
        assertThat(ADVISOR.covers("clopidogrel")).isTrue();
        assertThat(ADVISOR.covers("Clopidogrel Bisulfate")).isTrue();
        assertThat(ADVISOR.covers("5-fluorouracil")).isTrue();
        assertThat(ADVISOR.covers("mercaptopurine")).isTrue();
        assertThat(ADVISOR.covers("atorvastatin")).isFalse();
        assertThat(ADVISOR.covers("")).isFalse();
        assertThat(ADVISOR.covers(null)).isFalse();
        assertThat(ADVISOR.drug("Codeine phosphate")).contains("codeine");
        assertThat(ADVISOR.genesFor("warfarin sodium")).containsExactly("CYP2C9", "VKORC1");
        assertThat(ADVISOR.genesFor("azathioprine")).containsExactly("TPMT", "NUDT15");
    }

    @Test
    void untestedPatientsAndUncoveredDrugsGiveNoAdvice() {
        assertThat(ADVISOR.adviseFor("clopidogrel", Map.of())).isEmpty();
        assertThat(ADVISOR.adviseFor("clopidogrel", Map.of("CYP2D6", "*4/*4"))).isEmpty();
        assertThat(ADVISOR.adviseFor("atorvastatin", Map.of("SLCO1B1", "*5/*5"))).isEmpty();
        assertThat(ADVISOR.assess("clopidogrel", Map.of("CYP2C19", " "))).isEqualTo(
                new PgxAdvisor.NotTested("clopidogrel", List.of("CYP2C19")));
        assertThat(ADVISOR.assess("warfarin", Map.of("CYP2C9", "*1/*1"))).isEqualTo(
                new PgxAdvisor.NotTested("warfarin", List.of("VKORC1")));
        assertThat(ADVISOR.assess("metformin", Map.of())).isEqualTo(new PgxAdvisor.NotCovered("metformin"));
    }

    @Test
    void adviceCarriesPhenotypeCpicRowAndSource() {
        // Lee 2022 Table 2 (ACS/PCI): CYP2C19 poor metabolizer, "Avoid clopidogrel if possible. ..." Strong
        List<PgxAdvice> advice = ADVISOR.adviseFor("Clopidogrel", Map.of("cyp2c19", "*2/*2", "CYP2D6", "*1/*1"));
        assertThat(advice).hasSize(1);
        PgxAdvice a = advice.getFirst();
        assertThat(a.drug()).isEqualTo("clopidogrel");
        assertThat(a.category()).isEqualTo("CYP2C19 poor metabolizer");
        assertThat(a.indeterminate()).isFalse();
        assertThat(a.recommendation().severity()).isEqualTo(Severity.HIGH);
        assertThat(a.recommendation().strength()).isEqualTo("strong");
        assertThat(a.implication()).isEqualTo("Significantly reduced clopidogrel active metabolite formation; increased"
                + " on-treatment platelet reactivity; increased risk for adverse cardiac and cerebrovascular events");
        assertThat(a.results()).extracting(GeneResult::diplotype).containsExactly("*2/*2");
        assertThat(a.guideline().file()).isEqualTo("recommendations-clopidogrel.tsv");
        assertThat(a.cpic().orElseThrow().source()).isEqualTo(a.guideline());
        assertThat(a.cpic().orElseThrow().line()).isPositive();
    }

    @Test
    void anIndeterminateResultStillNamesTheOtherGenesResult() {
        PgxAdvice a = ADVISOR.adviseFor("mercaptopurine", Map.of("TPMT", "*3A/*3A", "NUDT15", "*1/*99")).getFirst();
        assertThat(a.indeterminate()).isTrue();
        assertThat(a.category()).isEqualTo("indeterminate");
        assertThat(a.recommendation().severity()).isEqualTo(Severity.MODERATE);
        assertThat(a.recommendation().text()).startsWith(PgxAdvisor.INDETERMINATE_PREFIX + "NUDT15 result '*1/*99'")
                .endsWith("Other result: TPMT poor metabolizer");
    }

    @Test
    void adviceIsFastEnoughForThePrescribingCheck() {
        Map<String, String> genotypes = Map.of("CYP2C19", "*1/*2", "CYP2C9", "*1/*3", "VKORC1", "-1639G/A",
                "SLCO1B1", "*1/*5", "TPMT", "*1/*3A", "NUDT15", "*1/*1", "DPYD", "c.2846A>T/Reference", "CYP2D6", "*1/*1xN");
        List<String> drugs = List.of("clopidogrel", "warfarin", "simvastatin", "azathioprine", "capecitabine", "codeine",
                "metformin");
        for (int i = 0; i < 20_000; i++) { // warm up
            ADVISOR.adviseFor(drugs.get(i % drugs.size()), genotypes);
        }
        int calls = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            ADVISOR.adviseFor(drugs.get(i % drugs.size()), genotypes);
        }
        double microsPerCall = (System.nanoTime() - start) / 1_000.0 / calls;
        // the whole prescribing check has 2 ms; one drug's advice must be a small part of it
        assertThat(microsPerCall).isLessThan(200.0);
    }
}
