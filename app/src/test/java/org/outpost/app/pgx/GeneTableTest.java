package org.outpost.app.pgx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.model.Contribution;

/** Reading lab notation with the bundled tables: spelling, order, duplications, and never guessing. */
class GeneTableTest {
    private static final CpicTables TABLES = CpicTables.bundled();

    private static GeneResult read(String gene, String diplotype) {
        return TABLES.gene(gene).orElseThrow().interpret(diplotype);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # order does not matter; the canonical spelling comes from the tables
            CYP2C19 | *17/*2                      | *2/*17
            CYP2C19 | cyp2c19 *2/*1               | *1/*2
            CYP2C19 | *1 / *3                     | *1/*3
            TPMT    | *3a/*1                      | *1/*3A
            VKORC1  | -1639g/a                    | -1639G/A
            VKORC1  | -1639A/G                    | -1639G/A
            VKORC1  | a/g                         | -1639G/A
            VKORC1  | G/G                         | -1639G/G
            VKORC1  | -1639A/-1639A               | -1639A/A
            DPYD    | reference/c.1905+1g>a       | c.1905+1G>A/Reference
            DPYD    | *2A/Reference               | c.1905+1G>A/Reference
            DPYD    | HapB3/Reference             | c.1129-5923C>G/Reference
            CYP2D6  | *1xn/*1                     | *1/*1xN
            CYP2D6  | *2x2/*1                     | *1/*2x2
            CYP2D6  | *1/*2×3                     | *1/*2x3
            CYP2D6  | *1/*1x≥3                    | *1/*1x≥3
            """)
    void readsLabNotationInTheTablesSpelling(String gene, String reported, String canonical) {
        GeneResult r = read(gene, reported);
        assertThat(r.determinate()).as(r.problem()).isTrue();
        assertThat(r.diplotype()).isEqualTo(canonical);
    }

    @Test
    void activityScoreIsTheSumOfAlleleValuesTimesCopies() {
        // Crews 2021 / Caudle 2020: *1 = 1, *41 = 0.5 (decreased), *4 = 0; xN multiplies the allele's value
        GeneResult r = read("CYP2D6", "*2x2/*41");
        assertThat(r.activityScore()).hasValue(2.5);
        assertThat(r.phenotype()).isEqualTo("CYP2D6 ultrarapid metabolizer");
        assertThat(r.contributions()).extracting(Contribution::amount).containsExactly(2.0, 0.5);
        assertThat(r.contributions()).allSatisfy(c -> assertThat(c.unit()).isEqualTo("activity score"));
        assertThat(r.scoreIsMinimum()).isFalse();
    }

    @Test
    void anUnspecifiedCopyNumberIsALowerBoundAndOnlyUsedWhenItCannotChangeThePhenotype() {
        GeneResult um = read("CYP2D6", "*1/*1xN");
        assertThat(um.determinate()).isTrue();
        assertThat(um.activityScore()).hasValue(3.0); // at least 1 + 2 x 1
        assertThat(um.scoreIsMinimum()).isTrue();
        assertThat(um.phenotype()).isEqualTo("CYP2D6 ultrarapid metabolizer");

        GeneResult pm = read("CYP2D6", "*4/*4xN"); // no-function copies add nothing
        assertThat(pm.phenotype()).isEqualTo("CYP2D6 poor metabolizer");
        assertThat(pm.scoreIsMinimum()).isFalse();

        // *1/*41xN: 1 + 0.5 x N is 2 (normal) for N = 2 but 2.5 (ultrarapid) for N = 3: the lab must say
        GeneResult open = read("CYP2D6", "*1/*41xN");
        assertThat(open.determinate()).isFalse();
        assertThat(open.problem()).contains("needs the copy number")
                .contains("CYP2D6 normal metabolizer or CYP2D6 ultrarapid metabolizer");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CYP2C19 | *2/*99          | contains an allele not in the CPIC table (*99; version:
            CYP2C19 | *1/*12          | has no CPIC phenotype: *12 is of uncertain function
            CYP2C19 | *1              | could not be read as two alleles separated by '/'
            CYP2C19 | *1/*2/*3        | could not be read as two alleles separated by '/'
            CYP2C19 | *1x2/*1         | contains an allele not in the CPIC table
            CYP2D6  | *1/*22           | contains an allele of uncertain function (*22) with no activity value
            CYP2D6  | *36+*10/*1      | contains an allele not in the CPIC table
            DPYD    | c.9999A>G/Reference | contains an allele not in the CPIC table
            SLCO1B1 | *1/*2           | has no CPIC phenotype: *2 is of uncertain function
            VKORC1  | G/T             | contains an allele not in the CPIC table
            TPMT    | positive        | could not be read as two alleles
            """)
    void neverGuessesAResultTheTablesDoNotCover(String gene, String reported, String why) {
        GeneResult r = read(gene, reported);
        assertThat(r.determinate()).isFalse();
        assertThat(r.phenotype()).isEqualTo("indeterminate");
        assertThat(r.activityScore()).isEmpty();
        assertThat(r.problem()).startsWith(gene + " result '" + reported + "'").contains(why);
    }

    @Test
    void theUnknownAlleleMessageNamesTheTableVersion() {
        GeneResult r = read("CYP2C19", "*2/*99");
        assertThat(r.problem()).isEqualTo("CYP2C19 result '*2/*99' contains an allele not in the CPIC table (*99; version: "
                + TABLES.gene("CYP2C19").orElseThrow().alleleTable().version() + ")");
    }

    @Test
    void uncertainFunctionWithANoFunctionAlleleIsAPossiblePhenotypeWhereCpicSaysSo() {
        // Relling 2019 Table 1: one uncertain/unknown function allele with one no function allele = possible IM
        assertThat(read("TPMT", "*3A/*10").phenotype()).isEqualTo("TPMT possible intermediate metabolizer");
        // Cooper-DeHoff 2022 Table 1: one no function with one uncertain function allele = possible decreased
        assertThat(read("SLCO1B1", "*15/*10").phenotype()).isEqualTo("SLCO1B1 possible decreased function");
    }

    @Test
    void allelesKeepTheirFunctionAndActivityValue() {
        GeneTable dpyd = TABLES.gene("dpyd").orElseThrow();
        assertThat(dpyd.usesActivityScore()).isTrue();
        AlleleFunction star2a = dpyd.alleles().stream().filter(a -> a.allele().equals("c.1905+1G>A")).findFirst().orElseThrow();
        // Amstutz 2018: c.1905+1G>A (*2A) and c.1679T>G (*13) no function (0); c.2846A>T and HapB3 decreased (0.5)
        assertThat(star2a.function()).isEqualTo("no function");
        assertThat(star2a.activity()).hasValue(0.0);
        assertThat(star2a.aliases()).contains("*2A", "rs3918290");
        assertThat(read("DPYD", "c.1679T>G/Reference").activityScore()).hasValue(1.0);
        assertThat(read("DPYD", "c.2846A>T/Reference").activityScore()).hasValue(1.5);
        assertThat(read("DPYD", "c.1129-5923C>G/Reference").activityScore()).hasValue(1.5);
        assertThat(TABLES.gene("CYP2C19").orElseThrow().usesActivityScore()).isFalse();
    }
}
