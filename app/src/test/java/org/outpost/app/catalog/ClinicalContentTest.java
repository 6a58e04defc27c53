package org.outpost.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.content.BundleInstaller;
import org.outpost.app.content.ContentRefusedException;
import org.outpost.app.content.ThrowAwaySigner;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.ml.LearnedModels;
import org.outpost.app.ml.CoronaryDiseaseLearnedModel;
import java.util.Map;
import java.util.List;
import org.outpost.app.content.TrustedKeys;
import org.outpost.app.dosing.DoseLimits;
import org.outpost.app.dosing.RenalDoseRules;
import org.outpost.app.interactions.InteractionTable;
import org.outpost.app.pgx.CpicTables;

/**
 * Clinical tables updated as signed bundles in the data directory: used when the signature, the files and the
 * tables' own checks all pass; refused whole and named when not, with the bundled (or installed) version in force.
 */
class ClinicalContentTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path usb;

    private final ThrowAwaySigner signer = new ThrowAwaySigner();

    private static String bundled(Class<?> beside, String name) throws IOException {
        try (InputStream in = beside.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String renalTable(String version) throws IOException {
        return bundled(RenalDoseRules.class, "renal-dose-rules.tsv").replace("# version: 1.0.0", "# version: " + version);
    }

    private Path content() throws IOException {
        return Files.createDirectories(dataDir.resolve(ClinicalContent.DIRECTORY));
    }

    /** A bundle folder {@code id} in {@code parent} holding one file, signed by the throw-away key. */
    private Path signedBundle(Path parent, String id, String version, String file, String text) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(id));
        Files.writeString(dir.resolve(file), text);
        return signer.sign(dir, id, version);
    }

    private ClinicalContent load() {
        return ClinicalContent.forDataDirectory(dataDir, signer.trusted());
    }

    @Test
    void withoutAnUpdateTheBundledTablesAreInForce() {
        ClinicalContent c = load();
        assertThat(c.problems()).isEmpty();
        assertThat(c.updates()).isEmpty();
        assertThat(c.cpic().version()).isEqualTo(CpicTables.bundled().version());
        assertThat(c.renal().version()).isEqualTo(RenalDoseRules.bundled().version());
    }

    @Test
    void aValidSignedRenalTableUpdateIsUsedAndShowsItsVersionAndSigner() throws IOException {
        signedBundle(content(), "renal", "2026.1", ClinicalContent.RENAL, renalTable("1.0.1"));
        ClinicalContent c = load();
        assertThat(c.problems()).isEmpty();
        assertThat(c.renal().version()).isEqualTo("1.0.1");
        assertThat(c.updates()).singleElement().satisfies(u -> {
            assertThat(u.bundle().bundleId()).isEqualTo("renal");
            assertThat(u.bundle().version()).isEqualTo("2026.1");
            assertThat(u.bundle().manifest().signer()).isEqualTo("Test Signer");
            assertThat(u.bundle().keyId()).isEqualTo(signer.key().keyId());
            assertThat(u.tables()).containsExactly("Renal dose table");
        });
        assertThat(BundledModels.prescribingCheck(java.time.ZoneOffset.UTC, c).versions())
                .contains("renal-dose-rules 1.0.1");
    }

    @Test
    void theShippedKeysDoNotTrustAThrowAwayKey() throws IOException {
        signedBundle(content(), "renal", "2026.1", ClinicalContent.RENAL, renalTable("1.0.1"));
        ClinicalContent c = ClinicalContent.forDataDirectory(dataDir);
        assertThat(c.renal().version()).isEqualTo("1.0.0");
        assertThat(c.problems()).singleElement().asString().startsWith("Update ")
                .endsWith("refused whole, the bundled tables stay in force: manifest.sig: signed with key "
                        + signer.key().keyId() + ", which this Outpost does not trust");
    }

    @Test
    void aSignedTableThatFailsItsChecksIsRefusedWholeAndAnUnsignedFolderIsNotSigned() throws IOException {
        signedBundle(content(), "renal", "2026.1", ClinicalContent.RENAL,
                renalTable("1.0.1").replace("\tHIGH\t", "\tVERY HIGH\t"));
        Files.createDirectories(content().resolve(ClinicalContent.CPIC)); // the old layout: an unsigned CPIC folder
        ClinicalContent c = load();
        assertThat(c.renal().version()).isEqualTo(RenalDoseRules.bundled().version());
        assertThat(c.cpic().version()).isEqualTo(CpicTables.bundled().version());
        assertThat(c.updates()).isEmpty();
        assertThat(c.problems()).hasSize(2);
        assertThat(c.problems().get(0)).startsWith("Update ").contains("cpic refused whole")
                .endsWith("not signed: manifest.tsv and manifest.sig missing");
        assertThat(c.problems().get(1)).startsWith("Renal dose table update in ")
                .contains("refused whole, bundled 1.0.0 in force: renal-dose-rules.tsv: renal dose table fails its "
                        + "checks: ")
                .contains("line ").contains("VERY HIGH");
    }

    /** The bundled CPIC tables copied into {@code bundle/cpic/}, with the version changed to {@code version}. */
    private static void copyCpic(Path bundle, String version) throws IOException {
        Path cpic = Files.createDirectories(bundle.resolve(ClinicalContent.CPIC));
        String index = bundled(CpicTables.class, "cpic/bundle.tsv");
        Files.writeString(cpic.resolve("bundle.tsv"), index.replace("# version: " + CpicTables.bundled().version(),
                "# version: " + version));
        boolean rows = false;
        for (String line : index.split("\n")) {
            if (line.startsWith("table\tfile")) {
                rows = true;
            } else if (rows && !line.isBlank() && !line.startsWith("#")) {
                String file = line.split("\t")[1];
                Files.writeString(cpic.resolve(file), bundled(CpicTables.class, "cpic/" + file));
            }
        }
    }

    @Test
    void aSignedCpicBundleReplacesTheBundledTablesAndAChangedCpicFileIsRefused() throws IOException {
        Path bundle = Files.createDirectories(content().resolve("cpic-2099"));
        copyCpic(bundle, "2099.01.1");
        signer.sign(bundle, "cpic-2099", "2099.01.1");
        ClinicalContent c = load();
        assertThat(c.problems()).isEmpty();
        assertThat(c.cpic().version()).isEqualTo("2099.01.1");
        assertThat(c.updates()).singleElement().satisfies(u -> assertThat(u.tables()).containsExactly("CPIC tables"));

        Path alleles = bundle.resolve("cpic/cyp2c19-alleles.tsv");
        Files.writeString(alleles, Files.readString(alleles).replace("no function", "normal function"));
        ClinicalContent tampered = load();
        assertThat(tampered.cpic().version()).isEqualTo(CpicTables.bundled().version());
        assertThat(tampered.problems()).singleElement().asString().startsWith("CPIC tables update in ")
                .contains("cpic-2099 refused whole, bundled " + CpicTables.bundled().version() + " in force: "
                        + "cpic/cyp2c19-alleles.tsv: is ").endsWith(" (changed after signing)");
    }

    @Test
    void aSignedBundleReachedThroughASymbolicLinkIsRefused() throws IOException {
        Path elsewhere = signedBundle(usb, "renal", "2026.1", ClinicalContent.RENAL, renalTable("1.0.1"));
        Files.createSymbolicLink(content().resolve("renal"), elsewhere);
        ClinicalContent c = load();
        assertThat(c.renal().version()).isEqualTo("1.0.0");
        assertThat(c.problems()).singleElement().asString().startsWith("Update ")
                .endsWith("renal refused whole, the bundled tables stay in force: is a symbolic link, not a folder");
    }

    @Test
    void aLooseUnsignedTableIsRefusedAsNotSigned() throws IOException {
        Files.writeString(content().resolve(ClinicalContent.RENAL), renalTable("1.0.1"));
        ClinicalContent c = load();
        assertThat(c.renal().version()).isEqualTo("1.0.0");
        assertThat(c.problems()).singleElement().asString().startsWith("Renal dose table update ")
                .endsWith("refused, bundled 1.0.0 in force: not signed (updates are signed bundles: install one "
                        + "with 'outpost admin content install')");
    }

    @Test
    void oneChangedByteInAnInstalledTableIsRefusedAndTheBundledTableStaysInForce() throws IOException {
        Path bundle = signedBundle(content(), "renal", "2026.1", ClinicalContent.RENAL, renalTable("1.0.1"));
        assertThat(load().renal().version()).isEqualTo("1.0.1");
        Path table = bundle.resolve(ClinicalContent.RENAL);
        byte[] bytes = Files.readAllBytes(table);
        bytes[bytes.length - 2] ^= 0x20;
        Files.write(table, bytes);
        ClinicalContent c = load();
        assertThat(c.renal().version()).isEqualTo("1.0.0");
        assertThat(c.problems()).singleElement().asString().startsWith("Renal dose table update in ")
                .endsWith("refused whole, bundled 1.0.0 in force: renal-dose-rules.tsv: its SHA-256 is not the "
                        + "manifest's (changed after signing)");
    }

    /** Issue 11, item 5: an admin updates the interaction table (and the other safety tables) like the CPIC tables. */
    @Test
    void theSafetyTablesAreUpdatedByTheirOwnBundlesOrRefusedWhole() throws IOException {
        String version = InteractionTable.bundled().version();
        signedBundle(content(), "interactions", "9.9.9", ClinicalContent.INTERACTIONS,
                bundled(InteractionTable.class, "interactions.tsv").replace("# version: " + version, "# version: 9.9.9"));
        signedBundle(content(), "limits", "2.0.0", ClinicalContent.DOSE_LIMITS, "# version: 2.0.0\nnot a table\n");
        ClinicalContent c = load();
        assertThat(c.interactions().version()).isEqualTo("9.9.9");
        assertThat(c.doseLimits().version()).isEqualTo(DoseLimits.bundled().version());
        assertThat(c.problems()).singleElement().asString().startsWith("Dose limit table update in ")
                .contains("refused whole, bundled");
        assertThat(BundledModels.prescribingCheck(java.time.ZoneOffset.UTC, c).versions())
                .contains("drug-interactions 9.9.9", "dose-limits " + c.doseLimits().version());
    }

    @Test
    void aTableInTwoBundlesIsRefusedInBoth() throws IOException {
        signedBundle(content(), "a", "1", ClinicalContent.RENAL, renalTable("1.0.1"));
        signedBundle(content(), "b", "1", ClinicalContent.RENAL, renalTable("1.0.2"));
        ClinicalContent c = load();
        assertThat(c.renal().version()).isEqualTo("1.0.0");
        assertThat(c.problems()).containsExactly("Renal dose table is in more than one update (a, b): those updates "
                + "are refused whole, bundled 1.0.0 in force; keep one (put the table in one bundle)");
    }

    @Test
    void aBundleInAFolderNotNamedByItsIdOrWithAnUnknownFileIsRefused() throws IOException {
        Path moved = signedBundle(usb, "renal", "1", ClinicalContent.RENAL, renalTable("1.0.1"));
        Files.move(moved, content().resolve("other"));
        signedBundle(content(), "odd", "1", "notes.txt", "hello\n");
        ClinicalContent c = load();
        assertThat(c.problems()).hasSize(2);
        assertThat(c.problems().get(0)).contains("odd refused whole").endsWith("notes.txt: is not content Outpost "
                + "knows (a bundle holds cpic/, renal-dose-rules.tsv, dose-limits.tsv, drug-classes.tsv, "
                + "interactions.tsv or models/)");
        assertThat(c.problems().get(1)).contains("other refused whole").endsWith("holds bundle 'renal' but sits in "
                + "folder 'other' (install bundles with 'outpost admin content install')");
    }

    @Test
    void aGoodBundleIsInstalledFromAUsbFolderAndReplacesTheEarlierVersion() throws Exception {
        signedBundle(usb, "renal", "2026.1", ClinicalContent.RENAL, renalTable("1.0.1"));
        BundleInstaller.Installed first = ClinicalContent.install(usb.resolve("renal"), dataDir, signer.trusted());
        assertThat(first.replaced()).isEmpty();
        assertThat(load().renal().version()).isEqualTo("1.0.1");

        Files.writeString(usb.resolve("renal").resolve(ClinicalContent.RENAL), renalTable("1.0.2"));
        signer.sign(usb.resolve("renal"), "renal", "2026.2");
        BundleInstaller.Installed second = ClinicalContent.install(usb.resolve("renal"), dataDir, signer.trusted());
        assertThat(second.replaced().orElseThrow().version()).isEqualTo("2026.1");
        assertThat(second.bundle().directory()).isEqualTo(content().resolve("renal"));
        ClinicalContent c = load();
        assertThat(c.problems()).isEmpty();
        assertThat(c.renal().version()).isEqualTo("1.0.2");
        try (var left = Files.list(content())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("renal");
        }
    }

    @Test
    void aBadBundleIsNotInstalledAndThePreviousOneStaysInForce() throws Exception {
        signedBundle(usb, "renal", "2026.1", ClinicalContent.RENAL, renalTable("1.0.1"));
        ClinicalContent.install(usb.resolve("renal"), dataDir, signer.trusted());

        Path next = signedBundle(usb.resolve("v2"), "renal", "2026.2", ClinicalContent.RENAL, renalTable("1.0.2"));
        Files.writeString(next.resolve(ClinicalContent.RENAL), renalTable("1.0.3")); // changed after signing
        assertThatThrownBy(() -> ClinicalContent.install(next, dataDir, signer.trusted()))
                .isInstanceOf(ContentRefusedException.class)
                .hasMessage("renal-dose-rules.tsv: its SHA-256 is not the manifest's (changed after signing)");

        Path broken = signedBundle(usb.resolve("v3"), "renal", "2026.3", ClinicalContent.RENAL,
                renalTable("1.0.3").replace("\tHIGH\t", "\tVERY HIGH\t"));
        assertThatThrownBy(() -> ClinicalContent.install(broken, dataDir, signer.trusted()))
                .hasMessageStartingWith("renal-dose-rules.tsv: renal dose table fails its checks: ");

        Path strangers = Files.createDirectories(usb.resolve("v4/renal"));
        Files.writeString(strangers.resolve(ClinicalContent.RENAL), renalTable("1.0.4"));
        ThrowAwaySigner stranger = new ThrowAwaySigner();
        stranger.sign(strangers, "renal", "2026.4");
        assertThatThrownBy(() -> ClinicalContent.install(strangers, dataDir, signer.trusted()))
                .hasMessage("manifest.sig: signed with key " + stranger.key().keyId()
                        + ", which this Outpost does not trust");

        ClinicalContent c = load();
        assertThat(c.problems()).isEmpty();
        assertThat(c.renal().version()).isEqualTo("1.0.1");
        assertThat(c.updates()).singleElement().satisfies(u -> assertThat(u.bundle().version()).isEqualTo("2026.1"));
        try (var left = Files.list(content())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("renal");
        }
    }

    @Test
    void aBundleGivingATableAnotherInstalledBundleGivesIsNotInstalled() throws Exception {
        signedBundle(usb, "renal", "2026.1", ClinicalContent.RENAL, renalTable("1.0.1"));
        ClinicalContent.install(usb.resolve("renal"), dataDir, signer.trusted());
        signedBundle(usb, "other", "1", ClinicalContent.RENAL, renalTable("1.0.2"));
        assertThatThrownBy(() -> ClinicalContent.install(usb.resolve("other"), dataDir, signer.trusted()))
                .hasMessage("renal-dose-rules.tsv: the installed bundle 'renal' already gives the renal dose table: "
                        + "install a new version of 'renal' instead, or remove that folder first");
        assertThat(load().renal().version()).isEqualTo("1.0.1");
    }

    /** A bundle holding the shipped learned model's four files, as the content team would ship a retrained one. */
    private Path modelBundle(String version) throws IOException {
        Path dir = Files.createDirectories(content().resolve("cad-model").resolve(ClinicalContent.MODELS)
                .resolve(ClinicalContent.CORONARY_MODEL_ID));
        for (String file : List.of(CoronaryDiseaseLearnedModel.MODEL_FILE, CoronaryDiseaseLearnedModel.BOOTSTRAP_FILE,
                CoronaryDiseaseLearnedModel.CARD_FILE, CoronaryDiseaseLearnedModel.STATISTICS_FILE)) {
            try (InputStream in = CoronaryDiseaseLearnedModel.class.getResourceAsStream(
                    CoronaryDiseaseLearnedModel.RESOURCES + file)) {
                Files.write(dir.resolve(file), in.readAllBytes());
            }
        }
        return signer.sign(content().resolve("cad-model"), "cad-model", version);
    }

    @Test
    void aSignedLearnedModelUpdateIsInForceUnderItsOwnVersionAndSource() throws IOException {
        modelBundle("2027.1");
        ClinicalContent c = load();

        assertThat(c.problems()).isEmpty();
        assertThat(c.coronaryUpdate()).isPresent();
        ClinicalModel inForce = c.learnedModels().getFirst();
        assertThat(inForce.ref().version()).isEqualTo("2027.1");
        assertThat(inForce.ref().source()).endsWith("update cad-model 2027.1, signed by Test Signer");
        assertThat(c.updates()).singleElement().satisfies(u -> assertThat(u.tables())
                .containsExactly("Coronary disease learned model"));
        // the same files: the same predictions, under the update's name
        Map<String, Object> row = Map.ofEntries(Map.entry("age", 63.0), Map.entry("sex", "male"),
                Map.entry("chestPain", "typical_angina"), Map.entry("systolicBp", 145.0),
                Map.entry("totalCholesterol", 233.0), Map.entry("fastingGlucoseOver120", true),
                Map.entry("restingEcg", "lv_hypertrophy"), Map.entry("maxHeartRate", 150.0),
                Map.entry("exerciseAngina", false), Map.entry("stDepression", 2.3), Map.entry("stSlope", "downsloping"),
                Map.entry("vesselsColoured", 0.0), Map.entry("thallium", "fixed_defect"));
        Evaluation updated = inForce.evaluate(ModelInputs.of(row));
        assertThat(updated.model().version()).isEqualTo("2027.1");
        assertThat(updated.value()).isEqualTo(LearnedModels.coronaryDisease().evaluate(ModelInputs.of(row)).value());
        assertThat(ClinicalContent.forDataDirectory(dataDir, TrustedKeys.shipped()).learnedModels().getFirst()
                .ref().version()).as("not signed by a key this Outpost trusts").isEqualTo("1.0.0");
    }

    @Test
    void aTamperedOrBrokenLearnedModelUpdateIsRefusedWholeAndTheBundledModelStays() throws IOException {
        Path bundle = modelBundle("2027.1");
        Path model = bundle.resolve(ClinicalContent.MODELS).resolve(ClinicalContent.CORONARY_MODEL_ID)
                .resolve(CoronaryDiseaseLearnedModel.MODEL_FILE);
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(model, bytes);

        ClinicalContent tampered = load();
        assertThat(tampered.learnedModels().getFirst().ref().version()).isEqualTo("1.0.0");
        assertThat(tampered.problems()).singleElement().asString()
                .startsWith("Coronary disease learned model update in ")
                .endsWith("refused whole, bundled 1.0.0 in force: models/cad-cleveland-learned/model.tribuo: its "
                        + "SHA-256 is not the manifest's (changed after signing)");

        // cut short and signed as it is, the file is not a model: refused all the same, naming it
        Files.write(model, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        signer.sign(bundle, "cad-model", "2027.2");
        ClinicalContent broken = load();
        assertThat(broken.coronaryUpdate()).isEmpty();
        assertThat(broken.problems()).singleElement().asString()
                .startsWith("Coronary disease learned model update in ")
                .contains("the learned model cannot be loaded").contains("model.tribuo");
    }
}
