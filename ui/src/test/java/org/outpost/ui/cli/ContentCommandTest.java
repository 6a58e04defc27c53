package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.catalog.ClinicalContent;
import org.outpost.app.dosing.RenalDoseRules;

/** {@code admin content}: the clinical tables in force for a data directory, and refused updates. */
class ContentCommandTest {
    @TempDir
    Path dir;

    private static String bundledRenalTable() throws IOException {
        try (InputStream in = RenalDoseRules.class.getResourceAsStream("renal-dose-rules.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void listsTheBundledGuidelinesWithTheirVersions() {
        var r = run("", "content", "--data-dir", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("CYP2C19 / clopidogrel: CPIC Guideline for CYP2C19 Genotype and Clopidogrel "
                + "Therapy: 2022 Update").contains("Lee CR").contains("renal dose table 1.0.0");
    }

    @Test
    void aValidUpdateIsInForceAndABrokenOneIsRefusedWithItsLine() throws IOException {
        Path content = Files.createDirectories(dir.resolve(ClinicalContent.DIRECTORY));
        Files.writeString(content.resolve(ClinicalContent.RENAL),
                bundledRenalTable().replace("# version: 1.0.0", "# version: 1.1.0"));
        var ok = run("", "content", "--data-dir", dir.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("renal dose table 1.1.0");

        Files.writeString(content.resolve(ClinicalContent.RENAL),
                bundledRenalTable().replace("# version: 1.0.0", "# version: 1.1.0").replace("\tLOW\t", "\tMILD\t"));
        var refused = run("", "content", "--data-dir", dir.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.out()).contains("renal dose table 1.0.0");
        assertThat(refused.err()).startsWith("refused: Renal dose table update").contains(" line ").contains("MILD");
    }
}
