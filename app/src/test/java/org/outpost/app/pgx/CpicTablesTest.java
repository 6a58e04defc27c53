package org.outpost.app.pgx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ModelInputs;

/** Loading the CPIC tables: what is in force is visible, and a bad table is refused whole with file and line. */
class CpicTablesTest {
    private static final CpicTables BUNDLED = CpicTables.bundled();

    @Test
    void bundledTablesCoverTheSixGuidelines() {
        assertThat(BUNDLED.version()).isEqualTo("2024.03.2");
        assertThat(BUNDLED.origin()).isEqualTo("bundled");
        assertThat(BUNDLED.drugs()).containsExactly("clopidogrel", "warfarin", "simvastatin", "azathioprine",
                "mercaptopurine", "thioguanine", "fluorouracil", "capecitabine", "codeine", "tramadol");
        assertThat(BUNDLED.genes()).containsExactly("CYP2C19", "CYP2C9", "VKORC1", "SLCO1B1", "TPMT", "NUDT15", "DPYD",
                "CYP2D6");
    }

    @Test
    void versionsInForceNameGuidelineCitationAndVersion() {
        assertThat(BUNDLED.versions()).hasSize(8 * 2 + 1 + 7); // allele and phenotype tables, synonyms, recommendations
        assertThat(BUNDLED.versions()).allSatisfy(v -> {
            assertThat(v.citation()).contains("Clin");
            assertThat(v.version()).isNotBlank();
            assertThat(v.table()).isNotBlank();
            assertThat(v.genes()).isNotEmpty();
        });
        GuidelineVersion clopidogrel = BUNDLED.guidelines().stream().filter(v -> v.drugs().contains("clopidogrel"))
                .findFirst().orElseThrow();
        assertThat(clopidogrel.file()).isEqualTo("recommendations-clopidogrel.tsv");
        assertThat(clopidogrel.genes()).containsExactly("CYP2C19");
        assertThat(clopidogrel.citation()).startsWith("Lee CR").contains("2022;112(5):959-967");
        assertThat(clopidogrel.pmid()).isEqualTo("35034351");
        assertThat(clopidogrel.doi()).isEqualTo("10.1002/cpt.2526");
        assertThat(clopidogrel.table()).contains("ACS and/or PCI");
        assertThat(clopidogrel.version()).contains("2022 update");

        GuidelineVersion thiopurines = BUNDLED.guidelines().stream().filter(v -> v.drugs().contains("thioguanine"))
                .findFirst().orElseThrow();
        assertThat(thiopurines.drugs()).containsExactly("azathioprine", "mercaptopurine", "thioguanine");
        assertThat(thiopurines.genes()).containsExactly("TPMT", "NUDT15");
        assertThat(thiopurines.version()).contains("2018 update").contains("March 2024");
        assertThat(BUNDLED.guidelines()).extracting(GuidelineVersion::file).containsExactly(
                "recommendations-clopidogrel.tsv", "recommendations-warfarin.tsv", "recommendations-simvastatin.tsv",
                "recommendations-thiopurines.tsv", "recommendations-fluoropyrimidines.tsv", "recommendations-codeine.tsv",
                "recommendations-tramadol.tsv");
    }

    @Test
    void theModelVersionIsTheBundleVersion() {
        assertThat(new PgxCpic(BUNDLED).ref().version()).isEqualTo(BUNDLED.version());
        assertThat(new PgxCpic(BUNDLED).ref().source()).contains("Lee CR").contains("Johnson JA").contains("Cooper-DeHoff RM")
                .contains("Relling MV").contains("Amstutz U").contains("Crews KR");
    }

    @Test
    void aDirectoryUpdateReplacesTheBundledTables(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, "bundle.tsv", "# version: 2024.03.2", "# version: 2099.01.1");
        BundleFiles.edit(dir, "recommendations-clopidogrel.tsv", "# version: 2022 update", "# version: 2099 update");
        BundleFiles.edit(dir, "recommendations-clopidogrel.tsv",
                "Avoid clopidogrel if possible. Use prasugrel or ticagrelor at standard dose if no contraindication.",
                "UPDATED TEXT: avoid clopidogrel.");

        CpicTables update = CpicTables.load(dir);

        assertThat(update.version()).isEqualTo("2099.01.1");
        assertThat(update.origin()).isEqualTo(dir.toString());
        assertThat(update.guidelines().getFirst().version()).isEqualTo("2099 update (published online 2022-02-08)");
        PgxCpic model = new PgxCpic(update);
        assertThat(model.ref().version()).isEqualTo("2099.01.1");
        Evaluation e = model.evaluate(ModelInputs.of(Map.of("drug", "clopidogrel", "indication", "acs-pci",
                "cyp2c19", "*2/*2")));
        assertThat(e.recommendation().orElseThrow().text()).isEqualTo("For ACS and/or PCI: UPDATED TEXT: avoid clopidogrel.");
        // the bundled tables are untouched
        Evaluation bundled = new PgxCpic(BUNDLED).evaluate(ModelInputs.of(Map.of("drug", "clopidogrel", "cyp2c19", "*2/*2")));
        assertThat(bundled.recommendation().orElseThrow().text()).contains("Avoid clopidogrel if possible.");
    }

    @Test
    void anUnchangedCopyLoadsToTheSameContent(@TempDir Path dir) {
        CpicTables copy = CpicTables.load(BundleFiles.copyTo(dir));
        assertThat(copy.version()).isEqualTo(BUNDLED.version());
        assertThat(copy.versions()).isEqualTo(BUNDLED.versions());
    }

    @Test
    void aMalformedRowNamesFileAndLine(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, "cyp2c19-alleles.tsv", "*17\tincreased function\t\t", "*17\tincreased function\t\t\textra\t");
        int line = BundleFiles.lineOf(dir, "cyp2c19-alleles.tsv", "*17\t");

        assertThatThrownBy(() -> CpicTables.load(dir))
                .isInstanceOf(CpicTableException.class)
                .hasMessageStartingWith("cyp2c19-alleles.tsv:" + line + ": expected 4 tab-separated columns")
                .satisfies(t -> assertThat(((CpicTableException) t).line()).isEqualTo(line));
    }

    @Test
    void anUnknownPhenotypeInARecommendationNamesFileAndLine(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, "recommendations-codeine.tsv", "codeine\tCYP2D6 normal metabolizer",
                "codeine\tCYP2D6 extensive metabolizer");
        int line = BundleFiles.lineOf(dir, "recommendations-codeine.tsv", "CYP2D6 extensive metabolizer");

        assertThatThrownBy(() -> CpicTables.load(dir))
                .isInstanceOf(CpicTableException.class)
                .hasMessageStartingWith("recommendations-codeine.tsv:" + line
                        + ": unknown CYP2D6 phenotype 'CYP2D6 extensive metabolizer' (not in cyp2d6-phenotypes.tsv");
    }

    @Test
    void aPhenotypeLeftWithoutRecommendationIsRefused(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, "recommendations-codeine.tsv", "codeine\tCYP2D6 poor metabolizer",
                "codeine\tCYP2D6 intermediate metabolizer");

        assertThatThrownBy(() -> CpicTables.load(dir))
                .isInstanceOf(CpicTableException.class)
                .hasMessageContaining("recommendations-codeine.tsv")
                .hasMessageContaining("no row for codeine with CYP2D6 poor metabolizer");
    }

    @Test
    void aRowThatCanNeverApplyIsRefused(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, "recommendations-simvastatin.tsv", "simvastatin\tSLCO1B1 increased function; SLCO1B1 normal function",
                "simvastatin\tany");
        int line = BundleFiles.lineOf(dir, "recommendations-simvastatin.tsv", "SLCO1B1 decreased function; SLCO1B1 possible");

        assertThatThrownBy(() -> CpicTables.load(dir))
                .hasMessageStartingWith("recommendations-simvastatin.tsv:" + line + ": this row never applies");
    }

    @Test
    void anExampleThatDoesNotGiveItsPhenotypeIsRefused(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        // *1/*3 is an intermediate metabolizer in Lee 2022 Table 1; listing it under normal is a table error
        BundleFiles.edit(dir, "cyp2c19-phenotypes.tsv", "CYP2C19 normal metabolizer\t*1/*1", "CYP2C19 normal metabolizer\t*1/*1; *1/*3");
        int line = BundleFiles.lineOf(dir, "cyp2c19-phenotypes.tsv", "*1/*1; *1/*3");

        assertThatThrownBy(() -> CpicTables.load(dir))
                .hasMessage("cyp2c19-phenotypes.tsv:" + line
                        + ": example *1/*3 gives CYP2C19 intermediate metabolizer, not CYP2C19 normal metabolizer");
    }

    @Test
    void overlappingActivityScoreRangesAreRefused(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, "cyp2d6-phenotypes.tsv", "1.25–2.25\t", "1–2.25\t");
        int line = BundleFiles.lineOf(dir, "cyp2d6-phenotypes.tsv", "1–2.25\t");

        assertThatThrownBy(() -> CpicTables.load(dir))
                .hasMessageStartingWith("cyp2d6-phenotypes.tsv:" + line + ": activity score range '1–2.25' overlaps");
    }

    @Test
    void aBadActivityValueOrSeverityIsRefused(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, "dpyd-alleles.tsv", "c.2846A>T\tdecreased function\t0.5", "c.2846A>T\tdecreased function\thalf");
        assertThatThrownBy(() -> CpicTables.load(dir))
                .hasMessageStartingWith("dpyd-alleles.tsv:" + BundleFiles.lineOf(dir, "dpyd-alleles.tsv", "\thalf")
                        + ": activity value of c.2846A>T 'half' is not a number (or n/a)");

        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, "recommendations-codeine.tsv", "strong\tHIGH", "strong\tURGENT");
        assertThatThrownBy(() -> CpicTables.load(dir))
                .hasMessageContaining("recommendations-codeine.tsv:")
                .hasMessageContaining("severity 'URGENT' is not LOW, MODERATE or HIGH");
    }

    @Test
    void aMissingHeaderOrFileIsRefused(@TempDir Path dir) throws Exception {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, "recommendations-warfarin.tsv", "# citation: ", "# cited: ");
        assertThatThrownBy(() -> CpicTables.load(dir))
                .hasMessage("recommendations-warfarin.tsv: missing header line '# citation: ...'");

        BundleFiles.copyTo(dir);
        Files.delete(dir.resolve("tpmt-phenotypes.tsv"));
        assertThatThrownBy(() -> CpicTables.load(dir))
                .hasMessage("bundle.tsv:" + BundleFiles.lineOf(dir, "bundle.tsv", "tpmt-phenotypes.tsv")
                        + ": tpmt-phenotypes.tsv is not found in " + dir);

        Files.delete(dir.resolve("bundle.tsv"));
        assertThatThrownBy(() -> CpicTables.load(dir)).hasMessage("bundle.tsv: not found in " + dir);
    }

    @Test
    void aTableForAnUnknownGeneIsRefused(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, "recommendations-codeine.tsv", "drug\tCYP2D6 phenotype", "drug\tCYP3A4 phenotype");
        assertThatThrownBy(() -> CpicTables.load(dir))
                .hasMessageContaining("recommendations-codeine.tsv:")
                .hasMessageContaining("gene CYP3A4 has no allele and phenotype tables in the bundle");
    }
}
