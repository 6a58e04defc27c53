package org.outpost.app.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.ClinicalProblem;
import org.outpost.app.domain.CodeSystem;
import org.outpost.app.domain.ConditionCode;

class ProblemCatalogueTest {
    private static final ProblemCatalogue BUNDLED = ProblemCatalogue.bundled();
    private static final String HEADER = """
            # version: t1
            # date: 2026-12-07
            # reviewed-by: test
            concepts\tsystem\tcode\tterm
            """;

    private static ProblemCatalogue parse(String rows) throws Exception {
        return ProblemCatalogue.parse("test.tsv", new StringReader(HEADER + rows));
    }

    @Test
    void theBundledCatalogueCarriesItsVersionAndMapsEveryConceptTheModelsRead() {
        assertThat(BUNDLED.version()).isEqualTo("1.0.0");
        assertThat(BUNDLED.date()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(BUNDLED.reviewedBy()).contains("unreviewed draft");
        // every concept has at least one SNOMED CT and one ICD-10 code
        for (ClinicalProblem p : ClinicalProblem.values()) {
            for (CodeSystem system : CodeSystem.values()) {
                assertThat(BUNDLED.terms()).as(p + " in " + system)
                        .anyMatch(t -> t.concepts().contains(p) && t.code().system() == system);
            }
        }
    }

    @Test
    void anIcd10SubcategoryMeansWhatItsCategoryMeansButSnomedIsExact() {
        assertThat(BUNDLED.conceptsOf(new ConditionCode(CodeSystem.ICD_10, "I48.1", "Persistent AF")))
                .containsExactly(ClinicalProblem.ATRIAL_FIBRILLATION);
        assertThat(BUNDLED.conceptsOf(new ConditionCode(CodeSystem.ICD_10, "I25.2", "Old MI")))
                .containsExactly(ClinicalProblem.MYOCARDIAL_INFARCTION); // its own row before I25's
        assertThat(BUNDLED.conceptsOf(new ConditionCode(CodeSystem.ICD_10, "I25.1", "Atherosclerotic heart disease")))
                .containsExactly(ClinicalProblem.CORONARY_HEART_DISEASE);
        assertThat(BUNDLED.conceptsOf(new ConditionCode(CodeSystem.ICD_10, "I61.9", "ICH")))
                .containsExactlyInAnyOrder(ClinicalProblem.STROKE, ClinicalProblem.MAJOR_BLEEDING);
        assertThat(BUNDLED.conceptsOf(new ConditionCode(CodeSystem.ICD_10, "N18.9", "CKD unspecified"))).isEmpty();
        assertThat(BUNDLED.conceptsOf(new ConditionCode(CodeSystem.SNOMED_CT, "49436004", "AF")))
                .containsExactly(ClinicalProblem.ATRIAL_FIBRILLATION);
        assertThat(BUNDLED.conceptsOf(new ConditionCode(CodeSystem.SNOMED_CT, "4943600", "not a listed code"))).isEmpty();
    }

    @Test
    void aPickerFindsTermsByTheStartOfTheirWordsOrCode() {
        assertThat(BUNDLED.search("atr fib")).extracting(t -> t.code().code()).containsExactlyInAnyOrder("49436004", "I48");
        assertThat(BUNDLED.search("I48")).extracting(t -> t.code().display()).containsExactly("Atrial fibrillation and flutter");
        assertThat(BUNDLED.search("ast")).extracting(t -> t.code().display()).contains("Asthma");
        assertThat(BUNDLED.search("  ")).isEmpty();
        assertThat(BUNDLED.search("zzz")).isEmpty();
        // the terms the models read come first
        assertThat(BUNDLED.search("chronic kid").getFirst().concepts()).isNotEmpty();
    }

    @Test
    void aBrokenFileIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> parse("heart-attack\tICD_10\tI21\tAcute MI\n"))
                .isInstanceOf(ProblemCatalogueException.class).hasMessageContaining("test.tsv line 5")
                .hasMessageContaining("'heart-attack'");
        assertThatThrownBy(() -> parse("\tREAD\tX\tterm\n")).hasMessageContaining("line 5").hasMessageContaining("READ");
        assertThatThrownBy(() -> parse("\tICD_10\t48\tno letter\n")).hasMessageContaining("line 5")
                .hasMessageContaining("not a ICD-10 code");
        assertThatThrownBy(() -> parse("\tICD_10\ti10\tlower case\n")).hasMessageContaining("must be written as I10");
        assertThatThrownBy(() -> parse("\tICD_10\tI10\tA\n\tICD_10\tI10\tB\n")).hasMessageContaining("line 6")
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> parse("\tICD_10\tI10\n")).hasMessageContaining("expected 4 tab-separated columns");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("lists no codes");
    }

    @Test
    void aGoodFileIsRead() throws Exception {
        ProblemCatalogue c = parse("migraine, stroke\tSNOMED_CT\t37796009\tMigraine\n");
        assertThat(c.conceptsOf(new ConditionCode(CodeSystem.SNOMED_CT, "37796009", "x")))
                .isEqualTo(Set.of(ClinicalProblem.MIGRAINE, ClinicalProblem.STROKE));
    }
}
