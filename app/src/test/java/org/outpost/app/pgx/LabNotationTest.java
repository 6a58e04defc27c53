package org.outpost.app.pgx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Severity;

/**
 * Results as labs and PharmCAT print them — variant names, rs numbers, zygosity, the other strand, copy numbers,
 * an activity score or a phenotype instead of a diplotype — read to the CPIC phenotype, and anything else left
 * indeterminate.
 */
class LabNotationTest {
    private static final CpicTables TABLES = CpicTables.bundled();

    private static GeneResult read(String gene, String reported) {
        return TABLES.gene(gene).orElseThrow().interpret(reported);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # DPYD, Amstutz 2018 Table 1 and the CPIC DPYD allele functionality table (update January 2024):
            # c.1905+1G>A (*2A, rs3918290) and c.1679T>G (*13, rs55886062) no function, activity value 0;
            # c.2846A>T (rs67376798) and c.1129-5923C>G (HapB3, rs75017182; exonic tag c.1236G>A, rs56038477)
            # decreased function, 0.5. Activity score 2 normal, 1-1.5 intermediate, 0-0.5 poor metabolizer.
            DPYD    | c.1905+1G>A (*2A)/Reference                       | c.1905+1G>A/Reference       | DPYD intermediate metabolizer | 1
            DPYD    | Reference/c.1905+1G>A(*2A)                        | c.1905+1G>A/Reference       | DPYD intermediate metabolizer | 1
            DPYD    | c.1905+1G>A (*2A)/c.1905+1G>A (*2A)               | c.1905+1G>A/c.1905+1G>A     | DPYD poor metabolizer         | 0
            DPYD    | c.1905+1G>A/c.1905+1G>A                           | c.1905+1G>A/c.1905+1G>A     | DPYD poor metabolizer         | 0
            DPYD    | c.1129-5923C>G (HapB3)/Reference                  | c.1129-5923C>G/Reference    | DPYD intermediate metabolizer | 1.5
            DPYD    | c.1129-5923C>G, c.1236G>A (HapB3)/Reference       | c.1129-5923C>G/Reference    | DPYD intermediate metabolizer | 1.5
            DPYD    | c.1236G>A (HapB3)/Reference                       | c.1236G>A/Reference         | DPYD intermediate metabolizer | 1.5
            DPYD    | c.2846A>T/c.1679T>G (*13)                         | c.1679T>G/c.2846A>T         | DPYD poor metabolizer         | 0.5
            DPYD    | c.2846A>T/c.2846A>T                               | c.2846A>T/c.2846A>T         | DPYD intermediate metabolizer | 1
            DPYD    | rs3918290/rs67376798                              | c.1905+1G>A/c.2846A>T       | DPYD poor metabolizer         | 0.5
            DPYD    | rs75017182/Reference                              | c.1129-5923C>G/Reference    | DPYD intermediate metabolizer | 1.5
            DPYD    | rs56038477/Reference                              | c.1236G>A/Reference         | DPYD intermediate metabolizer | 1.5
            DPYD    | rs55886062/*1                                     | c.1679T>G/Reference         | DPYD intermediate metabolizer | 1
            DPYD    | rs3918290 heterozygous                            | c.1905+1G>A/Reference       | DPYD intermediate metabolizer | 1
            DPYD    | DPYD rs3918290 homozygous                         | c.1905+1G>A/c.1905+1G>A     | DPYD poor metabolizer         | 0
            DPYD    | c.2846A>T heterozygous                            | c.2846A>T/Reference         | DPYD intermediate metabolizer | 1.5
            DPYD    | rs67376798 homozygous                             | c.2846A>T/c.2846A>T         | DPYD intermediate metabolizer | 1
            # CYP2D6, Caudle 2020 (Clin Transl Sci 13:116) and Crews 2021 Table 1: *1, *2 normal function = 1, *41 = 0.5,
            # *10 = 0.25, *4, *5 = 0; "the activity value of a duplicated allele is multiplied by the number of copies".
            # AS 0 poor, 0.25-1 intermediate, 1.25-2.25 normal, > 2.25 ultrarapid metabolizer.
            CYP2D6  | *1x2/*4                                           | *1x2/*4                     | CYP2D6 normal metabolizer       | 2
            CYP2D6  | *1/*1x2                                           | *1/*1x2                     | CYP2D6 ultrarapid metabolizer   | 3
            CYP2D6  | *4x2/*10                                          | *4x2/*10                    | CYP2D6 intermediate metabolizer | 0.25
            CYP2D6  | *2xN/*1                                           | *1/*2xN                     | CYP2D6 ultrarapid metabolizer   | 3
            CYP2D6  | *41x3/*4                                          | *4/*41x3                    | CYP2D6 normal metabolizer       | 1.5
            """)
    void readsVariantNamesRsNumbersZygosityAndCopyNumbers(String gene, String reported, String diplotype,
                                                          String phenotype, double score) {
        GeneResult r = read(gene, reported);
        assertThat(r.determinate()).as(r.problem()).isTrue();
        assertThat(r.diplotype()).isEqualTo(diplotype);
        assertThat(r.phenotype()).isEqualTo(phenotype);
        assertThat(r.activityScore()).hasValue(score);
        assertThat(r.reported()).isEqualTo(reported);
    }

    @ParameterizedTest(name = "VKORC1 {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # VKORC1 -1639G>A is rs9923231, which dbSNP writes on the forward strand as C>T (VKORC1 is on the reverse
            # strand): -1639G = rs9923231 C (reference), -1639A = rs9923231 T (variant); Johnson 2017.
            G/A                                               | -1639G/A
            GA                                                | -1639G/A
            AG                                                | -1639G/A
            -1639GA                                           | -1639G/A
            C/T                                               | -1639G/A
            T/C                                               | -1639G/A
            CT                                                | -1639G/A
            rs9923231 C/T                                     | -1639G/A
            rs9923231 reference (C)/rs9923231 variant (T)     | -1639G/A
            C/C                                               | -1639G/G
            rs9923231 CC                                      | -1639G/G
            T/T                                               | -1639A/A
            TT                                                | -1639A/A
            rs9923231 variant (T)/rs9923231 variant (T)       | -1639A/A
            """)
    void readsVkorc1InEitherStrand(String reported, String genotype) {
        GeneResult r = read("VKORC1", reported);
        assertThat(r.determinate()).as(r.problem()).isTrue();
        assertThat(r.diplotype()).isEqualTo(genotype);
        assertThat(r.phenotype()).isEqualTo("VKORC1 " + genotype);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # a CYP2D6 activity score reported instead of the diplotype (Crews 2021 Table 1 ranges)
            CYP2D6 | AS 1.5                      | CYP2D6 normal metabolizer       | 1.5
            CYP2D6 | activity score 1.5          | CYP2D6 normal metabolizer       | 1.5
            CYP2D6 | CYP2D6 activity score: 0.25 | CYP2D6 intermediate metabolizer | 0.25
            CYP2D6 | AS=1                        | CYP2D6 intermediate metabolizer | 1
            CYP2D6 | AS 0                        | CYP2D6 poor metabolizer         | 0
            CYP2D6 | AS 3                        | CYP2D6 ultrarapid metabolizer   | 3
            # a DPYD activity score (Amstutz 2018 Table 1)
            DPYD   | DPYD activity score 1.5     | DPYD intermediate metabolizer   | 1.5
            DPYD   | AS 0.5                      | DPYD poor metabolizer           | 0.5
            """)
    void readsAnActivityScoreEnteredDirectly(String gene, String reported, String phenotype, double score) {
        GeneResult r = read(gene, reported);
        assertThat(r.determinate()).as(r.problem()).isTrue();
        assertThat(r.phenotype()).isEqualTo(phenotype);
        assertThat(r.activityScore()).hasValue(score);
        assertThat(r.diplotype()).isEmpty();
        assertThat(r.contributions()).containsExactly(
                new Contribution(gene.toLowerCase() + " activity score as reported", score, "activity score"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # Cooper-DeHoff 2022 Table 1 phenotypes, as labs print them
            SLCO1B1 | possible decreased function          | SLCO1B1 possible decreased function
            SLCO1B1 | SLCO1B1 Possible Decreased Function  | SLCO1B1 possible decreased function
            SLCO1B1 | poor function                        | SLCO1B1 poor function
            CYP2D6  | CYP2D6 ultrarapid metabolizer        | CYP2D6 ultrarapid metabolizer
            CYP2C19 | poor metabolizer                     | CYP2C19 poor metabolizer
            """)
    void readsAPhenotypeReportedInsteadOfADiplotype(String gene, String reported, String phenotype) {
        GeneResult r = read(gene, reported);
        assertThat(r.determinate()).as(r.problem()).isTrue();
        assertThat(r.phenotype()).isEqualTo(phenotype);
        assertThat(r.diplotype()).isEmpty();
        assertThat(r.activityScore()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            DPYD    | c.1905+1G>A (*2B)/Reference       | contains an allele not in the CPIC table
            DPYD    | rs9999999/Reference               | contains an allele not in the CPIC table
            DPYD    | rs3918290 compound heterozygous   | could not be read as two alleles
            DPYD    | AS 2.5                            | is not an activity score the DPYD alleles can give
            DPYD    | AS 1.25                           | is not an activity score the DPYD alleles can give
            VKORC1  | G/T                               | contains an allele not in the CPIC table
            VKORC1  | GT                                | could not be read as two alleles
            CYP2D6  | AS 1.1                            | is not an activity score the CYP2D6 alleles can give
            CYP2D6  | AS                                | could not be read as two alleles
            CYP2D6  | *1xN/*4                           | needs the copy number
            CYP2D6  | *2A/*4                            | contains an allele not in the CPIC table
            SLCO1B1 | probable decreased function       | could not be read as two alleles
            CYP2C19 | AS 2                              | could not be read as two alleles
            """)
    void anythingElseStaysIndeterminate(String gene, String reported, String why) {
        GeneResult r = read(gene, reported);
        assertThat(r.determinate()).isFalse();
        assertThat(r.phenotype()).isEqualTo(GeneResult.INDETERMINATE);
        assertThat(r.problem()).startsWith(gene + " result '" + reported + "'").contains(why);
    }

    @Test
    void anUnspecifiedCopyNumberIsAtLeastTwoAndOnlyUsedWhenEveryCopyNumberGivesThePhenotype() {
        // Rule: xN counts as at least 2 copies (Caudle 2020 multiplies the activity value by the copy number); a
        // phenotype is given only when every copy number >= 2 gives the same one. *1xN/*4 is AS 2 (normal) with 2
        // copies but 3 (ultrarapid) with 3, so the lab must give the copy number.
        GeneResult r = read("CYP2D6", "*1xN/*4");
        assertThat(r.problem()).contains("CYP2D6 normal metabolizer or CYP2D6 ultrarapid metabolizer");
        GeneResult um = read("CYP2D6", "*1xN/*1");
        assertThat(um.activityScore()).hasValue(3.0);
        assertThat(um.scoreIsMinimum()).isTrue();
    }

    @Test
    void aDpydPhenotypeWithoutAScoreCannotChooseAFluoropyrimidineDose() {
        // Amstutz 2018 Table 2 is keyed by activity score: "intermediate metabolizer" may be 1 or 1.5
        PgxAdvice a = new PgxAdvisor(TABLES).adviseFor("capecitabine", Map.of("DPYD", "intermediate metabolizer"))
                .getFirst();
        assertThat(a.indeterminate()).isTrue();
        assertThat(a.recommendation().severity()).isEqualTo(Severity.MODERATE);
        assertThat(a.recommendation().text()).startsWith(PgxAdvisor.INDETERMINATE_PREFIX
                + "DPYD result 'intermediate metabolizer' gives the phenotype DPYD intermediate metabolizer but not the"
                + " activity score the capecitabine recommendation needs");
    }

    @Test
    void aReportedScoreOrPhenotypeGivesTheCpicAdvice() {
        PgxAdvisor advisor = new PgxAdvisor(TABLES);
        // Amstutz 2018 Table 2 with the November 2018 update: activity score 1.5, reduce the starting dose by 50%
        assertThat(advisor.adviseFor("fluorouracil", Map.of("DPYD", "AS 1.5")).getFirst().recommendation().text())
                .startsWith("Reduce starting dose by 50%");
        // Cooper-DeHoff 2022 Table 2: SLCO1B1 possible decreased function, simvastatin
        assertThat(advisor.adviseFor("simvastatin", Map.of("SLCO1B1", "Possible decreased function")).getFirst()
                .category()).isEqualTo("SLCO1B1 possible decreased function");
        // Crews 2021 Table 2: CYP2D6 ultrarapid metabolizer, avoid codeine
        assertThat(advisor.adviseFor("codeine", Map.of("CYP2D6", "activity score 3")).getFirst().recommendation()
                .text()).startsWith("Avoid codeine use because of potential for serious toxicity.");
    }
}
