package org.outpost.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.dosing.RenalDoseRules;
import org.outpost.app.pgx.CpicTables;

/** Clinical tables updated as data from the data directory: used when valid, refused and named when not. */
class ClinicalContentTest {
    @TempDir
    Path dataDir;

    private static String bundledRenalTable() throws IOException {
        try (InputStream in = RenalDoseRules.class.getResourceAsStream("renal-dose-rules.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path content() throws IOException {
        return Files.createDirectories(dataDir.resolve(ClinicalContent.DIRECTORY));
    }

    @Test
    void withoutAnUpdateTheBundledTablesAreInForce() {
        ClinicalContent c = ClinicalContent.forDataDirectory(dataDir);
        assertThat(c.problems()).isEmpty();
        assertThat(c.cpic().version()).isEqualTo(CpicTables.bundled().version());
        assertThat(c.renal().version()).isEqualTo(RenalDoseRules.bundled().version());
    }

    @Test
    void aValidRenalTableUpdateIsUsedAndShowsItsVersion() throws IOException {
        Files.writeString(content().resolve(ClinicalContent.RENAL),
                bundledRenalTable().replace("# version: 1.0.0", "# version: 1.0.1"));
        ClinicalContent c = ClinicalContent.forDataDirectory(dataDir);
        assertThat(c.problems()).isEmpty();
        assertThat(c.renal().version()).isEqualTo("1.0.1");
        assertThat(BundledModels.prescribingCheck(java.time.ZoneOffset.UTC, c).versions())
                .contains("renal-dose-rules 1.0.1");
    }

    @Test
    void aBrokenUpdateIsRefusedWholeAndNamedWhileTheBundledTableStaysInForce() throws IOException {
        Files.writeString(content().resolve(ClinicalContent.RENAL),
                bundledRenalTable().replace("\tHIGH\t", "\tVERY HIGH\t"));
        Files.createDirectories(content().resolve(ClinicalContent.CPIC)); // an empty CPIC folder: no manifest
        ClinicalContent c = ClinicalContent.forDataDirectory(dataDir);
        assertThat(c.renal().version()).isEqualTo(RenalDoseRules.bundled().version());
        assertThat(c.cpic().version()).isEqualTo(CpicTables.bundled().version());
        assertThat(c.problems()).hasSize(2);
        assertThat(c.problems().get(0)).startsWith("CPIC update in ").contains("bundle.tsv");
        assertThat(c.problems().get(1)).startsWith("Renal dose table update ").contains("line ").contains("VERY HIGH");
    }

    private static String bundled(Class<?> beside, String name) throws IOException {
        try (InputStream in = beside.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Issue 11, item 5: an admin updates the interaction table (and the other safety tables) like the CPIC tables. */
    @Test
    void theSafetyTablesAreUpdatedFromTheDataDirectoryOrRefusedWhole() throws IOException {
        String interactions = bundled(org.outpost.app.interactions.InteractionTable.class, "interactions.tsv");
        String version = org.outpost.app.interactions.InteractionTable.bundled().version();
        Files.writeString(content().resolve(ClinicalContent.INTERACTIONS),
                interactions.replace("# version: " + version, "# version: 9.9.9"));
        Files.writeString(content().resolve(ClinicalContent.DOSE_LIMITS), "# version: 2.0.0\nnot a table\n");
        ClinicalContent c = ClinicalContent.forDataDirectory(dataDir);
        assertThat(c.interactions().version()).isEqualTo("9.9.9");
        assertThat(c.doseLimits().version()).isEqualTo(org.outpost.app.dosing.DoseLimits.bundled().version());
        assertThat(c.problems()).singleElement().asString().startsWith("Dose limit table update ")
                .contains("refused, bundled");
        assertThat(BundledModels.prescribingCheck(java.time.ZoneOffset.UTC, c).versions())
                .contains("drug-interactions 9.9.9", "dose-limits " + c.doseLimits().version());
    }
}
