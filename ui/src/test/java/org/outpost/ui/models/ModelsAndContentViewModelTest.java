package org.outpost.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.catalog.ClinicalContent;
import org.outpost.app.content.SignedBundle;
import org.outpost.app.content.SigningKey;
import org.outpost.app.content.TrustedKeys;
import org.outpost.app.dosing.RenalDoseRules;
import org.outpost.ui.concurrent.ErrorNotice;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.text.UiText;

class ModelsAndContentViewModelTest {
    @TempDir
    Path dir;

    private final SigningKey key = SigningKey.generate();
    private final TrustedKeys trusted = TrustedKeys.of("test content team", key.publicKey());
    private final List<Throwable> reported = new ArrayList<>();
    private final SameThreadTaskRunner tasks = new SameThreadTaskRunner(e -> {
        reported.add(e);
        return ErrorNotice.of(e);
    });

    private ModelsAndContentViewModel model(ClinicalContent content) {
        var model = new ModelsAndContentViewModel(BundledModels::all, () -> content, tasks,
                new UiText(Locale.ENGLISH));
        model.refresh();
        return model;
    }

    /** A signed bundle {@code renal} in the data directory holding the renal table at {@code version}. */
    private void renalUpdate(String version, String bundleVersion, boolean broken) throws Exception {
        String table;
        try (InputStream in = RenalDoseRules.class.getResourceAsStream("renal-dose-rules.tsv")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("# version: 1.0.0",
                    "# version: " + version);
        }
        if (broken) {
            table = table.replace("\tLOW\t", "\tMILD\t");
        }
        Path bundle = Files.createDirectories(dir.resolve(ClinicalContent.DIRECTORY).resolve("renal"));
        Files.writeString(bundle.resolve(ClinicalContent.RENAL), table);
        SignedBundle.sign(bundle, new SignedBundle.BundleInfo("renal", bundleVersion,
                Instant.parse("2026-01-15T10:00:00Z"), "test tables", "Test Signer"), key);
    }

    @Test
    void listsTheLearnedModelWithItsCardAndTheBundledTablesWithTheirVersions() {
        ClinicalContent content = ClinicalContent.forDataDirectory(dir, trusted);
        var model = model(content);

        assertThat(model.statusProperty().get()).isEmpty();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.models()).hasSize(BundledModels.all().size());
        var learned = model.models().stream().filter(r -> r.id().equals("cad-cleveland-learned")).findFirst()
                .orElseThrow();
        assertThat(learned.learned()).isTrue();
        assertThat(learned.card()).isPresent();
        assertThat(learned.version()).isEqualTo("1.0.0");
        assertThat(learned.source()).contains("doi:10.24432/C52P4X");
        assertThat(model.models()).filteredOn(r -> !r.id().equals("cad-cleveland-learned"))
                .isNotEmpty().allMatch(r -> !r.learned());

        assertThat(model.tables()).extracting(ModelsAndContentViewModel.TableRow::name,
                        ModelsAndContentViewModel.TableRow::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CPIC tables", content.cpic().version()),
                        org.assertj.core.groups.Tuple.tuple("Renal dose table", content.renal().version()),
                        org.assertj.core.groups.Tuple.tuple("Dose limit table", content.doseLimits().version()),
                        org.assertj.core.groups.Tuple.tuple("Medicines-by-class table",
                                content.drugClasses().version()),
                        org.assertj.core.groups.Tuple.tuple("Interaction table", content.interactions().version()),
                        org.assertj.core.groups.Tuple.tuple("Coronary disease learned model", "1.0.0"));
        assertThat(model.tables()).allSatisfy(t -> {
            assertThat(t.updated()).isFalse();
            assertThat(t.from()).isEqualTo("Bundled with Outpost");
            assertThat(t.signedBy()).isEmpty();
        });
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void aSignedUpdateShowsItsBundleSignerKeyAndDate() throws Exception {
        renalUpdate("1.1.0", "2026.1", false);
        var model = model(ClinicalContent.forDataDirectory(dir, trusted));

        var renal = model.tables().stream().filter(t -> t.name().equals("Renal dose table")).findFirst()
                .orElseThrow();
        assertThat(renal.version()).isEqualTo("1.1.0");
        assertThat(renal.updated()).isTrue();
        assertThat(renal.from()).isEqualTo("Update renal 2026.1 (test tables)");
        assertThat(renal.signedBy()).isEqualTo("Test Signer, key " + key.keyId() + " (test content team)");
        assertThat(renal.created()).isEqualTo("2026-01-15T10:00:00Z");
        assertThat(model.tables()).filteredOn(t -> !t.name().equals("Renal dose table"))
                .allMatch(t -> !t.updated());
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void aRefusedUpdateIsAWarningAndTheBundledTableStaysInForce() throws Exception {
        renalUpdate("1.1.0", "2026.2", true);
        var model = model(ClinicalContent.forDataDirectory(dir, trusted));

        var renal = model.tables().stream().filter(t -> t.name().equals("Renal dose table")).findFirst()
                .orElseThrow();
        assertThat(renal.version()).isEqualTo("1.0.0");
        assertThat(renal.updated()).isFalse();
        assertThat(model.problems()).singleElement().asString()
                .startsWith("\u26a0 Renal dose table update in ").contains("refused whole").contains("MILD");
        assertThat(model.statusProperty().get()).isEmpty();
    }

    @Test
    void modelsThatCannotBeReadAreReportedWithAnErrorIdAndTheTablesStillShow() {
        var model = new ModelsAndContentViewModel(() -> {
            throw new IOException("damaged model file");
        }, () -> ClinicalContent.bundled(), tasks, new UiText(Locale.ENGLISH));
        model.refresh();

        assertThat(reported).hasSize(1);
        assertThat(model.models()).isEmpty();
        assertThat(model.tables()).hasSize(ClinicalContent.Table.values().length);
        assertThat(model.statusProperty().get()).startsWith("The models could not be read (error id ");
        assertThat(model.loadingProperty().get()).isFalse();
    }
}
