package org.outpost.app.pgx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** allele-synonyms.tsv: versioned and updatable like the other tables, refused whole with file and line when wrong. */
class AlleleSynonymsTest {
    private static final String FILE = "allele-synonyms.tsv";
    private static final CpicTables BUNDLED = CpicTables.bundled();

    @Test
    void theSynonymTableIsInForceWithItsSourceAndVersion() {
        GuidelineVersion v = BUNDLED.versions().stream().filter(g -> g.file().equals(FILE)).findFirst().orElseThrow();
        assertThat(v.genes()).contains("DPYD", "VKORC1");
        assertThat(v.drugs()).isEmpty();
        assertThat(v.citation()).contains("PharmGKB").contains("CPIC");
        assertThat(v.version()).isNotBlank();
        assertThat(BUNDLED.gene("DPYD").orElseThrow().synonyms())
                .anySatisfy(s -> {
                    assertThat(s.printed()).isEqualTo("c.1905+1G>A (*2A)");
                    assertThat(s.name()).isEqualTo("c.1905+1G>A");
                    assertThat(s.source()).isNotBlank();
                });
    }

    @Test
    void anUpdatedSynonymTableIsUsed(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, FILE, "DPYD\tc.1898delC (*3)\tc.1898delC", "DPYD\tDPYD*3 (c.1898delC)\tc.1898delC");
        CpicTables update = CpicTables.load(dir);
        GeneTable dpyd = update.gene("DPYD").orElseThrow();
        assertThat(dpyd.interpret("DPYD*3 (c.1898delC)/Reference").phenotype()).isEqualTo("DPYD intermediate metabolizer");
        assertThat(dpyd.interpret("c.1898delC (*3)/Reference").determinate()).isFalse();
        // the bundled tables still read the old name
        assertThat(BUNDLED.gene("DPYD").orElseThrow().interpret("c.1898delC (*3)/Reference").determinate()).isTrue();
    }

    private static void refused(Path dir, String lineText, String message) {
        int line = BundleFiles.lineOf(dir, FILE, lineText);
        assertThatThrownBy(() -> CpicTables.load(dir))
                .isInstanceOf(CpicTableException.class)
                .hasMessage(FILE + ":" + line + ": " + message)
                .satisfies(t -> assertThat(((CpicTableException) t).line()).isEqualTo(line));
    }

    @Test
    void aSynonymForAnAlleleNotInTheTableIsRefused(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, FILE, "DPYD\tc.1898delC (*3)\tc.1898delC", "DPYD\tc.1898delC (*3)\tc.1898delG");
        refused(dir, "c.1898delG", "'c.1898delG' is not an allele of the DPYD table dpyd-alleles.tsv");
    }

    @Test
    void aSynonymWithoutItsSourceIsRefused(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        String row = BundleFiles.resource(FILE).lines().filter(l -> l.startsWith("DPYD\tc.1898delC (*3)\t"))
                .findFirst().orElseThrow();
        BundleFiles.edit(dir, FILE, row, "DPYD\tc.1898delC (*3)\tc.1898delC\t");
        refused(dir, "DPYD\tc.1898delC (*3)", "the source of 'c.1898delC (*3)' is empty (name the allele definition"
                + " table or report it comes from)");
    }

    @Test
    void aNameGivenTwiceOrAlreadyInTheAlleleTableIsRefused(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, FILE, "DPYD\tc.1898delC (*3)\tc.1898delC", "DPYD\tc.1905+1G>A (*2A)\tc.1898delC");
        refused(dir, "DPYD\tc.1905+1G>A (*2A)\tc.1898delC", "'c.1905+1G>A (*2A)' is already given on line "
                + BundleFiles.lineOf(dir, FILE, "DPYD\tc.1905+1G>A (*2A)\tc.1905+1G>A"));

        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, FILE, "DPYD\tc.1898delC (*3)\tc.1898delC", "DPYD\trs3918290\tc.1898delC");
        refused(dir, "DPYD\trs3918290\t", "'rs3918290' already names c.1905+1G>A in dpyd-alleles.tsv");
    }

    @Test
    void aWholeResultSynonymMustReadAndMustNotChangeAResultTheTablesAlreadyRead(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, FILE, "VKORC1\tC/T\tG/A", "VKORC1\tC/T\tG/X");
        refused(dir, "VKORC1\tC/T\tG/X", "'G/X' is not a VKORC1 result the tables can read: VKORC1 result 'G/X'"
                + " contains an allele not in the CPIC table (x; version: 2017 update (published online 2017-02-15))");

        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, FILE, "VKORC1\tC/T\tG/A", "VKORC1\tA/G\tA/A");
        refused(dir, "VKORC1\tA/G\tA/A", "'A/G' already reads as -1639G/A");
    }

    @Test
    void aSynonymForAGeneWithoutTablesOrWithWrongColumnsIsRefused(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, FILE, "DPYD\tc.1898delC (*3)\tc.1898delC", "CYP3A5\tc.1898delC (*3)\tc.1898delC");
        refused(dir, "CYP3A5\t", "gene CYP3A5 has no allele table listed before " + FILE + " in bundle.tsv");

        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, FILE, "gene\tname as printed\tcpic name\tsource", "gene\tprinted\tcpic name\tsource");
        assertThatThrownBy(() -> CpicTables.load(dir))
                .hasMessageStartingWith(FILE + ":" + BundleFiles.lineOf(dir, FILE, "gene\tprinted")
                        + ": expected the columns gene | name as printed | cpic name | source");
    }

    @Test
    void theSynonymTableIsListedBeforeTheRecommendationsThatUseIt(@TempDir Path dir) {
        BundleFiles.copyTo(dir);
        BundleFiles.edit(dir, "bundle.tsv", "synonyms\t" + FILE + "\n", "");
        BundleFiles.edit(dir, "bundle.tsv", "recommendations\trecommendations-codeine.tsv\n",
                "recommendations\trecommendations-codeine.tsv\nsynonyms\t" + FILE + "\n");
        assertThatThrownBy(() -> CpicTables.load(dir))
                .hasMessage("bundle.tsv:" + BundleFiles.lineOf(dir, "bundle.tsv", "synonyms\t") + ": " + FILE
                        + " must be listed before the recommendation tables (they read results with it)");
    }
}
