package org.outpost.app.medicines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.model.Severity;

/**
 * The bundled medicines-by-class table: its ATC codes against the WHO ATC/DDD Index, the names charts write, the
 * classes models ask about, and a malformed copy refused with its line.
 */
class DrugClassesTest {
    private final DrugClasses table = DrugClasses.bundled();

    private String generic(String asWritten) {
        return table.find(asWritten).map(DrugEntry::generic).orElse("(none)");
    }

    @Nested
    class TableMetadata {
        @Test
        void bundledTableCarriesItsVersionDateReviewerAndAtcIndex() {
            assertThat(table.version()).isEqualTo("1.2.0");
            assertThat(table.date()).isEqualTo(LocalDate.of(2026, 12, 7));
            assertThat(table.reviewedBy()).isEqualTo("Outpost clinical content, unreviewed draft");
            assertThat(table.atcIndex()).contains("WHO").contains("ATC/DDD Index 2025");
            assertThat(table.ref().id()).isEqualTo("drug-classes");
            assertThat(table.ref().version()).isEqualTo("1.2.0");
            assertThat(table.ref().source()).contains("unreviewed draft").contains("ATC/DDD Index 2025");
            assertThat(table.file()).isEqualTo("drug-classes.tsv (bundled)");
        }

        @Test
        void bundledIsLoadedOnce() {
            assertThat(DrugClasses.bundled()).isSameAs(table);
        }

        @Test
        void coversTheMedicinesOfTheBrief() {
            List<String> brief = List.of("azathioprine", "mercaptopurine", "thioguanine", "fluorouracil",
                    "capecitabine", "clopidogrel", "prasugrel", "ticagrelor", "aspirin", "codeine", "tramadol",
                    "simvastatin", "atorvastatin", "rosuvastatin", "pravastatin", "warfarin", "apixaban",
                    "rivaroxaban", "dabigatran", "edoxaban", "enoxaparin", "heparin", "metformin", "nitrofurantoin",
                    "gabapentin", "pregabalin", "spironolactone", "levetiracetam", "sitagliptin", "amiodarone",
                    "omeprazole", "esomeprazole", "pantoprazole", "allopurinol", "febuxostat", "fluconazole",
                    "metronidazole", "ibuprofen", "naproxen", "diclofenac", "celecoxib", "ketoconazole",
                    "itraconazole", "clarithromycin", "ritonavir", "rifampicin", "carbamazepine", "phenytoin",
                    "diltiazem", "verapamil", "brivudine");
            for (String drug : brief) {
                assertThat(table.entry(drug)).as(drug).isPresent();
            }
            // the renal dose table's drugs are all here, so both tables speak of the same medicines
            for (String renal : List.of("enoxaparin", "gabapentin", "levetiracetam", "metformin", "nitrofurantoin",
                    "sitagliptin", "spironolactone")) {
                assertThat(table.entry(renal)).as(renal).isPresent();
            }
        }

        @Test
        void everyMedicineHasAClassAndEveryClassAMedicine() {
            for (DrugEntry d : table.drugs()) {
                assertThat(d.classes()).as(d.generic()).isNotEmpty();
                assertThat(d.atc()).as(d.generic()).isNotEmpty();
            }
            for (TherapeuticClass c : table.classes()) {
                if (!c.name().equals(TherapeuticClass.SAME_DRUG)) {
                    assertThat(table.genericsInClass(c.name())).as(c.name()).isNotEmpty();
                }
            }
        }

        @Test
        void everyClassCitesASourceAndEveryDuplicateClassSaysWhatToDo() {
            for (TherapeuticClass c : table.classes()) {
                assertThat(c.source()).as(c.name()).isNotBlank();
                assertThat(c.label()).as(c.name()).isNotBlank();
                if (c.isDuplicateClass()) {
                    assertThat(c.advice()).as(c.name()).isNotBlank();
                }
            }
        }
    }

    @Nested
    class AtcCodes {
        // WHO Collaborating Centre for Drug Statistics Methodology, ATC/DDD Index (https://atcddd.fhi.no/):
        //   B01AC04 clopidogrel, B01AC22 prasugrel, B01AC24 ticagrelor (B01AC platelet aggregation inhibitors excl.
        //   heparin); B01AC06 acetylsalicylic acid, also N02BA01 (analgesic); B01AA03 warfarin (B01AA vitamin K
        //   antagonists); B01AF01 rivaroxaban, B01AF02 apixaban, B01AF03 edoxaban (direct factor Xa inhibitors);
        //   B01AE07 dabigatran etexilate; B01AB05 enoxaparin; C10AA01 simvastatin, C10AA05 atorvastatin,
        //   C10AA07 rosuvastatin (HMG CoA reductase inhibitors); A10BA02 metformin (biguanides); L04AX01
        //   azathioprine; L01BB02 mercaptopurine; L01BC06 capecitabine; N02AX02 tramadol; R05DA04 codeine.
        @Test
        void codesAsTheWhoIndexGivesThem() {
            assertThat(table.atc("clopidogrel")).containsExactly("B01AC04");
            assertThat(table.atc("prasugrel")).containsExactly("B01AC22");
            assertThat(table.atc("ticagrelor")).containsExactly("B01AC24");
            assertThat(table.atc("aspirin")).containsExactly("B01AC06", "N02BA01");
            assertThat(table.atc("warfarin")).containsExactly("B01AA03");
            assertThat(table.atc("rivaroxaban")).containsExactly("B01AF01");
            assertThat(table.atc("apixaban")).containsExactly("B01AF02");
            assertThat(table.atc("edoxaban")).containsExactly("B01AF03");
            assertThat(table.atc("dabigatran")).containsExactly("B01AE07");
            assertThat(table.atc("enoxaparin")).containsExactly("B01AB05");
            assertThat(table.atc("simvastatin")).containsExactly("C10AA01");
            assertThat(table.atc("atorvastatin")).containsExactly("C10AA05");
            assertThat(table.atc("rosuvastatin")).containsExactly("C10AA07");
            assertThat(table.atc("metformin")).containsExactly("A10BA02");
            assertThat(table.atc("azathioprine")).containsExactly("L04AX01");
            assertThat(table.atc("mercaptopurine")).containsExactly("L01BB02");
            assertThat(table.atc("capecitabine")).containsExactly("L01BC06");
            assertThat(table.atc("tramadol")).containsExactly("N02AX02");
            assertThat(table.atc("codeine")).containsExactly("R05DA04");
        }

        @Test
        void everyStatinIsInTheHmgCoaReductaseGroupAndEveryPpiInA02bc() {
            for (String statin : table.genericsInClass("statin")) {
                assertThat(table.atc(statin).getFirst()).as(statin).startsWith("C10AA");
            }
            for (String ppi : table.genericsInClass("ppi")) {
                assertThat(table.atc(ppi).getFirst()).as(ppi).startsWith("A02BC");
            }
            for (String nsaid : table.genericsInClass("nsaid")) {
                assertThat(table.atc(nsaid).getFirst()).as(nsaid).startsWith("M01A");
            }
        }

        @Test
        void anUnlistedMedicineHasNoCodes() {
            assertThat(table.atc("doxycycline")).isEmpty();
            assertThat(table.atc(null)).isEmpty();
        }
    }

    @Nested
    class NamesAsChartsWriteThem {
        @Test
        void genericBrandAndFreeTextNamesFindTheMedicine() {
            assertThat(generic("clopidogrel")).isEqualTo("clopidogrel");
            assertThat(generic("Clopidogrel 75 mg tablet")).isEqualTo("clopidogrel");
            assertThat(generic("Plavix")).isEqualTo("clopidogrel");
            assertThat(generic("PLAVIX 75mg once daily")).isEqualTo("clopidogrel");
            assertThat(generic("clopidogrel bisulfate 75 mg")).isEqualTo("clopidogrel");
            assertThat(generic("Coumadin 5 mg")).isEqualTo("warfarin");
            assertThat(generic("Jantoven")).isEqualTo("warfarin");
            assertThat(generic("Eliquis 2.5 mg BID")).isEqualTo("apixaban");
            assertThat(generic("Xarelto 20 mg")).isEqualTo("rivaroxaban");
            assertThat(generic("Pradaxa 150 mg")).isEqualTo("dabigatran");
            assertThat(generic("dabigatran etexilate 110 mg")).isEqualTo("dabigatran");
            assertThat(generic("Savaysa")).isEqualTo("edoxaban");
            assertThat(generic("Zocor 40")).isEqualTo("simvastatin");
            assertThat(generic("Lipitor 80 mg")).isEqualTo("atorvastatin");
            assertThat(generic("Crestor")).isEqualTo("rosuvastatin");
            assertThat(generic("Glucophage XR 500 mg")).isEqualTo("metformin");
            assertThat(generic("Brilinta 90 mg")).isEqualTo("ticagrelor");
            assertThat(generic("Effient")).isEqualTo("prasugrel");
            assertThat(generic("Ultram 50 mg")).isEqualTo("tramadol");
            assertThat(generic("Rifampin 600 mg")).isEqualTo("rifampicin");
            assertThat(generic("5-FU infusion")).isEqualTo("fluorouracil");
            assertThat(generic("6-MP 50 mg")).isEqualTo("mercaptopurine");
            assertThat(generic("Acetylsalicylic acid 100 mg")).isEqualTo("aspirin");
            assertThat(generic("Sodium valproate 200 mg")).isEqualTo("valproic acid");
            assertThat(generic("MS Contin 30 mg")).isEqualTo("morphine");
        }

        @Test
        void aNameMustBeWholeWords() {
            assertThat(generic("Esomeprazole 40 mg")).isEqualTo("esomeprazole");
            assertThat(generic("Omeprazole 20 mg")).isEqualTo("omeprazole");
            assertThat(generic("plavixx")).isEqualTo("(none)");
            assertThat(generic("ms")).isEqualTo("(none)");
        }

        @Test
        void theLongestNameWins() {
            // ASA is aspirin, but 5-ASA is mesalazine: the longer name starting at "5" is read first
            assertThat(generic("ASA 81 mg EC")).isEqualTo("aspirin");
            assertThat(generic("5-ASA 800 mg")).isEqualTo("mesalazine");
            assertThat(table.inClass(List.of("5-ASA 800 mg"), "antiplatelet")).isEmpty();
        }

        @Test
        void unknownFreeTextFindsNothing() {
            assertThat(table.find("Doxycycline 100 mg capsule")).isEmpty();
            assertThat(table.find("Paracetamol 1 g")).isEmpty();
            assertThat(table.find("75 mg tablet")).isEmpty();
            assertThat(table.find("")).isEmpty();
            assertThat(table.find("   ")).isEmpty();
            assertThat(table.find(null)).isEmpty();
            assertThat(table.findAll(null)).isEmpty();
        }

        @Test
        void aCombinationNamesEachOfItsMedicines() {
            assertThat(table.findAll("Aspirin 75 mg / clopidogrel 75 mg").stream().map(DrugEntry::generic))
                    .containsExactly("aspirin", "clopidogrel");
            assertThat(table.find("Aspirin 75 mg / clopidogrel 75 mg").orElseThrow().generic()).isEqualTo("aspirin");
            // Percocet is oxycodone with paracetamol; paracetamol is not in the table
            assertThat(table.findAll("Percocet 5/325").stream().map(DrugEntry::generic)).containsExactly("oxycodone");
        }

        @Test
        void entryAndClassesOfTakeTheGenericNameOnly() {
            assertThat(table.entry(" Clopidogrel ")).map(DrugEntry::generic).contains("clopidogrel");
            assertThat(table.entry("plavix")).isEmpty();
            assertThat(table.classesOf("plavix")).isEmpty();
            assertThat(table.entry(null)).isEmpty();
        }
    }

    @Nested
    class Classes {
        @Test
        void aClassBringsTheClassesItIsWithin() {
            assertThat(table.classesOf("clopidogrel")).containsExactly("p2y12-inhibitor", "antiplatelet");
            assertThat(table.classesOf("warfarin")).containsExactly("vka", "anticoagulant");
            assertThat(table.classesOf("apixaban")).containsExactly("doac", "anticoagulant");
            assertThat(table.classesOf("enoxaparin")).containsExactly("lmwh", "anticoagulant");
            assertThat(table.classesOf("gabapentin")).containsExactly("gabapentinoid", "antiepileptic");
            assertThat(table.classesOf("clarithromycin")).containsExactly("macrolide", "strong-cyp3a-inhibitor");
        }

        @Test
        void aspirinIsAnAntiplateletNotAnNsaid() {
            assertThat(table.classesOf("aspirin")).containsExactly("antiplatelet");
            assertThat(table.genericsInClass("nsaid")).doesNotContain("aspirin");
        }

        @Test
        void genericsInAClassIncludeItsNarrowerClasses() {
            assertThat(table.genericsInClass("p2y12-inhibitor"))
                    .containsExactly("clopidogrel", "prasugrel", "ticagrelor", "ticlopidine");
            assertThat(table.genericsInClass("antiplatelet"))
                    .contains("aspirin", "clopidogrel", "prasugrel", "ticagrelor").doesNotContain("warfarin");
            assertThat(table.genericsInClass("anticoagulant")).contains("warfarin", "apixaban", "rivaroxaban",
                    "dabigatran", "edoxaban", "enoxaparin", "heparin", "fondaparinux");
            assertThat(table.genericsInClass("doac"))
                    .containsExactly("apixaban", "dabigatran", "edoxaban", "rivaroxaban");
            assertThat(table.genericsInClass("statin")).contains("simvastatin", "atorvastatin", "rosuvastatin",
                    "pravastatin");
            assertThat(table.genericsInClass("thiopurine"))
                    .containsExactly("azathioprine", "mercaptopurine", "thioguanine");
            assertThat(table.genericsInClass("fluoropyrimidine")).containsExactly("capecitabine", "fluorouracil");
            assertThat(table.genericsInClass("strong-cyp3a-inhibitor"))
                    .contains("clarithromycin", "itraconazole", "ketoconazole", "ritonavir");
            assertThat(table.genericsInClass("strong-cyp3a-inducer"))
                    .containsExactly("carbamazepine", "phenytoin", "rifampicin");
            assertThat(table.genericsInClass(" STATIN ")).isEqualTo(table.genericsInClass("statin"));
            assertThat(table.genericsInClass("no-such-class")).isEmpty();
            assertThat(table.genericsInClass(null)).isEmpty();
        }

        @Test
        void aBleedingScoreSeesAspirinAndClopidogrelAsAntiplatelets() {
            List<String> chart = List.of("Aspirin 81 mg", "Plavix 75 mg", "Atorvastatin 40 mg", "Ibuprofen 400 mg",
                    "Paracetamol 1 g");
            assertThat(table.inClass(chart, "antiplatelet").stream().map(DrugEntry::generic))
                    .containsExactly("aspirin", "clopidogrel");
            assertThat(table.inClass(chart, "nsaid").stream().map(DrugEntry::generic)).containsExactly("ibuprofen");
            assertThat(table.inClass(chart, "anticoagulant")).isEmpty();
        }

        @Test
        void theDuplicateRulesOfTheBrief() {
            assertThat(table.therapeuticClass("antiplatelet").orElseThrow().duplicate()).isEmpty();
            assertThat(table.therapeuticClass("p2y12-inhibitor").orElseThrow().duplicate()).contains(Severity.HIGH);
            assertThat(table.therapeuticClass("anticoagulant").orElseThrow().duplicate()).contains(Severity.HIGH);
            assertThat(table.therapeuticClass("statin").orElseThrow().duplicate()).contains(Severity.MODERATE);
            assertThat(table.therapeuticClass("nsaid").orElseThrow().duplicate()).contains(Severity.MODERATE);
            assertThat(table.therapeuticClass("ppi").orElseThrow().duplicate()).contains(Severity.LOW);
            assertThat(table.therapeuticClass("antiepileptic").orElseThrow().duplicate()).isEmpty();
            assertThat(table.sameDrug().duplicate()).contains(Severity.MODERATE);
            assertThat(table.therapeuticClass("p2y12-inhibitor").orElseThrow().within()).contains("antiplatelet");
            assertThat(table.therapeuticClass("anticoagulant").orElseThrow().source()).contains("4.3");
        }
    }

    @Nested
    class LoadingAFile {
        @TempDir
        Path dir;

        private static final String CLASS_HEADER = String.join("\t", DrugClassFile.CLASS_COLUMNS);
        private static final String DRUG_HEADER = String.join("\t", DrugClassFile.DRUG_COLUMNS);
        private static final String SAME_DRUG = row("same-drug", "", "MODERATE", "orders of the same medicine",
                "Stop one.", "Rule S");
        private static final String STATIN = row("statin", "", "MODERATE", "statins", "Give one.", "Rule T");

        private static String row(String... cells) {
            return String.join("\t", cells);
        }

        /**
         * A table whose header block is lines 1-5, class header row line 6, the classes from line 7 and then the
         * medicines' header row and rows.
         */
        private Path table(List<String> classRows, List<String> drugRows) throws IOException {
            List<String> lines = new ArrayList<>(List.of(
                    "# table: test table",
                    "# version: test-3",
                    "# date: 2025-02-28",
                    "# reviewed-by: nobody",
                    "# atc-index: WHO ATC/DDD Index 2025",
                    CLASS_HEADER));
            lines.addAll(classRows);
            lines.add(DRUG_HEADER);
            lines.addAll(drugRows);
            Path f = dir.resolve("classes.tsv");
            Files.write(f, lines, StandardCharsets.UTF_8);
            return f;
        }

        /** The usual two classes (lines 7 and 8), the medicines' header on line 9 and {@code drugRows} from 10. */
        private Path drugs(String... drugRows) throws IOException {
            return table(List.of(SAME_DRUG, STATIN), List.of(drugRows));
        }

        private DrugClassFileException failure(Path f) {
            return catchThrowableOfType(DrugClassFileException.class, () -> DrugClasses.load(f));
        }

        @Test
        void aValidFileLoadsAndAnswers() throws IOException {
            Path f = table(List.of(SAME_DRUG, "# a comment among the classes", STATIN,
                            row("hmg", "statin", "", "HMG things", "", "Rule H")),
                    List.of(row("drugx", "C10AA99", "brandx, synonym x", "hmg"), "",
                            row("drugy", "C10AA98, A01AA01", "", "statin")));
            DrugClasses t = DrugClasses.load(f);
            assertThat(t.version()).isEqualTo("test-3");
            assertThat(t.date()).isEqualTo(LocalDate.of(2025, 2, 28));
            assertThat(t.atcIndex()).isEqualTo("WHO ATC/DDD Index 2025");
            assertThat(t.title()).isEqualTo("test table");
            assertThat(t.file()).isEqualTo(f.toString());
            assertThat(t.find("BrandX 10 mg")).map(DrugEntry::generic).contains("drugx");
            assertThat(t.find("synonym-X")).map(DrugEntry::generic).contains("drugx");
            assertThat(t.classesOf("drugx")).containsExactly("hmg", "statin");
            assertThat(t.atc("drugy")).containsExactly("C10AA98", "A01AA01");
            assertThat(t.genericsInClass("statin")).containsExactly("drugx", "drugy");
            DrugEntry y = t.entry("drugy").orElseThrow();
            assertThat(y.line()).isEqualTo(14);
            assertThat(t.therapeuticClass("hmg").orElseThrow().line()).isEqualTo(10);
        }

        @Test
        void aRowWithTooFewColumnsNamesFileAndLine() throws IOException {
            Path f = drugs(row("drugx", "C10AA99", "statin"));
            DrugClassFileException e = failure(f);
            assertThat(e.line()).isEqualTo(10);
            assertThat(e.file()).isEqualTo(f.toString());
            assertThat(e.getMessage()).startsWith(f + " line 10: ")
                    .contains("expected 4 tab-separated columns").contains("found 3");
        }

        @Test
        void anUndeclaredClassIsRefused() throws IOException {
            Path f = drugs(row("drugx", "C10AA99", "", "statin"), row("drugy", "C10AA98", "", "statins"));
            DrugClassFileException e = failure(f);
            assertThat(e.line()).isEqualTo(11);
            assertThat(e.getMessage()).isEqualTo(f + " line 11: class 'statins' is not declared in the classes section");
        }

        @Test
        void aClassMustBeWithinAClassDeclaredAboveIt() throws IOException {
            Path f = table(List.of(SAME_DRUG, row("hmg", "statin", "", "HMG things", "", "Rule H"), STATIN),
                    List.of(row("drugx", "C10AA99", "", "hmg")));
            DrugClassFileException e = failure(f);
            assertThat(e.line()).isEqualTo(8);
            assertThat(e.getMessage()).contains("line 8: within 'statin' is not a class declared above this line");
        }

        @Test
        void aNameGivenToTwoMedicinesIsRefusedWithBothLines() throws IOException {
            Path f = drugs(row("drugx", "C10AA99", "brandx", "statin"), row("drugy", "C10AA98", "Brand-X", "statin"));
            assertThat(failure(f).getMessage()).contains("line 11: name 'Brand-X' must be written in lower case");
            Path g = drugs(row("drugx", "C10AA99", "brand x", "statin"), row("drugy", "C10AA98", "brand-x", "statin"));
            DrugClassFileException e = failure(g);
            assertThat(e.line()).isEqualTo(11);
            assertThat(e.getMessage()).contains("name 'brand-x' is already given on line 10 for drugx");
            Path h = drugs(row("drugx", "C10AA99", "", "statin"), row("drugy", "C10AA98", "drugx", "statin"));
            assertThat(failure(h).getMessage()).contains("line 11: name 'drugx' is already given on line 10");
            Path i = drugs(row("drugx", "C10AA99", "", "statin"), row("drugx", "C10AA98", "", "statin"));
            assertThat(failure(i).getMessage()).contains("line 11: drug 'drugx' is already listed on line 10");
        }

        @Test
        void atcCodesMustBeWrittenAsTheIndexWritesThem() throws IOException {
            assertThat(failure(drugs(row("drugx", "c10aa01", "", "statin"))).getMessage())
                    .contains("line 10: ATC code 'c10aa01' is not a substance code");
            assertThat(failure(drugs(row("drugx", "C10AA", "", "statin"))).getMessage())
                    .contains("line 10: ATC code 'C10AA' is not a substance code");
            assertThat(failure(drugs(row("drugx", "", "", "statin"))).getMessage())
                    .contains("line 10: drugx has no ATC code");
            assertThat(failure(drugs(row("drugx", "C10AA01, C10AA01", "", "statin"))).getMessage())
                    .contains("line 10: ATC code C10AA01 is given twice");
            assertThat(failure(drugs(row("drugx", "C10AA01,,C10AA02", "", "statin"))).getMessage())
                    .contains("line 10: atc has an empty item");
        }

        @Test
        void malformedClassRowsAreNamed() throws IOException {
            assertThat(failure(table(List.of(SAME_DRUG, row("statin", "", "SEVERE", "statins", "Give one.", "T")),
                    List.of(row("drugx", "C10AA99", "", "statin")))).getMessage())
                    .contains("line 8: unknown duplicate severity 'SEVERE': use LOW, MODERATE or HIGH");
            assertThat(failure(table(List.of(SAME_DRUG, row("statin", "", "moderate", "statins", "Give one.", "T")),
                    List.of(row("drugx", "C10AA99", "", "statin")))).getMessage())
                    .contains("line 8: unknown duplicate severity 'moderate'");
            assertThat(failure(table(List.of(SAME_DRUG, row("statin", "", "MODERATE", "statins", "", "T")),
                    List.of(row("drugx", "C10AA99", "", "statin")))).getMessage())
                    .contains("line 8: advice is empty");
            assertThat(failure(table(List.of(SAME_DRUG, row("statin", "", "", "statins", "", "")),
                    List.of(row("drugx", "C10AA99", "", "statin")))).getMessage())
                    .contains("line 8: source is empty");
            assertThat(failure(table(List.of(SAME_DRUG, row("Statin", "", "", "statins", "", "T")),
                    List.of(row("drugx", "C10AA99", "", "statin")))).getMessage())
                    .contains("line 8: class 'Statin' must be lower-case letters, digits and hyphens");
            assertThat(failure(table(List.of(SAME_DRUG, STATIN, STATIN),
                    List.of(row("drugx", "C10AA99", "", "statin")))).getMessage())
                    .contains("line 9: class 'statin' is already declared on line 8");
        }

        @Test
        void theSameDrugRuleIsRequiredAndReserved() throws IOException {
            DrugClassFileException missing = failure(table(List.of(STATIN), List.of(row("drugx", "C10AA99", "", "statin"))));
            assertThat(missing.line()).isEqualTo(8);
            assertThat(missing.getMessage()).contains("the classes section has no 'same-drug' row");
            assertThat(failure(table(List.of(row("same-drug", "", "", "same", "", "S"), STATIN),
                    List.of(row("drugx", "C10AA99", "", "statin")))).getMessage())
                    .contains("line 7: the reserved class 'same-drug' needs a duplicate severity");
            assertThat(failure(drugs(row("drugx", "C10AA99", "", "same-drug"))).getMessage())
                    .contains("line 10: the class 'same-drug' is reserved");
        }

        @Test
        void malformedMedicineRowsAreNamed() throws IOException {
            assertThat(failure(drugs(row("Drugx", "C10AA99", "", "statin"))).getMessage())
                    .contains("line 10: drug 'Drugx' must be written as the lower-case generic name");
            assertThat(failure(drugs(row("", "C10AA99", "", "statin"))).getMessage())
                    .contains("line 10: drug is empty");
            assertThat(failure(drugs(row("drug/x", "C10AA99", "", "statin"))).getMessage())
                    .contains("line 10: drug 'drug/x' must be letters and digits");
            assertThat(failure(drugs(row("drugx", "C10AA99", "75", "statin"))).getMessage())
                    .contains("line 10: name '75' must be letters and digits (at least one letter)");
            assertThat(failure(drugs(row("drugx", "C10AA99", "", "statin, statin"))).getMessage())
                    .contains("line 10: class 'statin' is listed twice");
        }

        @Test
        void theHeaderBlockIsRequired() throws IOException {
            Path f = dir.resolve("noindex.tsv");
            Files.write(f, List.of("# version: 1", "# date: 2025-01-31", "# reviewed-by: nobody", CLASS_HEADER),
                    StandardCharsets.UTF_8);
            assertThat(failure(f).getMessage()).isEqualTo(f + " line 4: missing '# atc-index: ...' line in the header "
                    + "block before the header row");

            Path badDate = dir.resolve("baddate.tsv");
            Files.write(badDate, List.of("# version: 1", "# date: 31/01/2025", "# reviewed-by: nobody",
                    "# atc-index: 2025", CLASS_HEADER), StandardCharsets.UTF_8);
            assertThat(failure(badDate).getMessage()).contains("line 5: header date '31/01/2025' is not a date");

            Path twice = dir.resolve("twice.tsv");
            Files.write(twice, List.of("# version: 1", "# version: 2"), StandardCharsets.UTF_8);
            assertThat(failure(twice).getMessage()).contains("line 2: header key 'version' is given twice");
        }

        @Test
        void theHeaderRowsMustNameTheColumns() throws IOException {
            Path f = dir.resolve("columns.tsv");
            Files.write(f, List.of("# version: 1", "# date: 2025-01-31", "# reviewed-by: nobody", "# atc-index: 2025",
                    "class\tduplicate\tsource"), StandardCharsets.UTF_8);
            DrugClassFileException e = failure(f);
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.getMessage()).contains("header row of the classes section must be")
                    .contains("found class, duplicate, source");

            Path g = dir.resolve("drugcolumns.tsv");
            Files.write(g, List.of("# version: 1", "# date: 2025-01-31", "# reviewed-by: nobody", "# atc-index: 2025",
                    CLASS_HEADER, SAME_DRUG, "drug\tatc\tclasses"), StandardCharsets.UTF_8);
            assertThat(failure(g).getMessage()).contains("line 7: header row of the medicines section must be");
        }

        @Test
        void aTableWithoutMedicinesIsRefused() throws IOException {
            assertThat(failure(drugs()).getMessage()).contains("the table has no medicines");
            Path f = dir.resolve("noclasses.tsv");
            Files.write(f, List.of("# version: 1", "# date: 2025-01-31", "# reviewed-by: nobody", "# atc-index: 2025",
                    CLASS_HEADER, SAME_DRUG), StandardCharsets.UTF_8);
            assertThat(failure(f).getMessage()).contains("line 6: no medicines section");
            Path empty = dir.resolve("empty.tsv");
            Files.write(empty, List.of("# version: 1"), StandardCharsets.UTF_8);
            assertThat(failure(empty).getMessage()).contains("line 1: no header row");
        }

        @Test
        void aMissingFileIsAnIoError() {
            assertThatThrownBy(() -> DrugClasses.load(dir.resolve("absent.tsv"))).isInstanceOf(NoSuchFileException.class);
        }

        @Test
        void windowsLineEndsAndAByteOrderMarkAreAccepted() throws IOException {
            Path f = dir.resolve("excel.tsv");
            String text = "\uFEFF# version: 2\r\n# date: 2025-01-31\r\n# reviewed-by: nobody\r\n# atc-index: 2025\r\n"
                    + CLASS_HEADER + "\r\n" + SAME_DRUG + "\r\n" + DRUG_HEADER + "\r\n"
                    + row("drugx", "C10AA99", "brandx", "") + "\r\n";
            Files.writeString(f, text, StandardCharsets.UTF_8);
            DrugClasses t = DrugClasses.load(f);
            assertThat(t.version()).isEqualTo("2");
            assertThat(t.find("Brandx")).map(DrugEntry::generic).contains("drugx");
            assertThat(t.classesOf("drugx")).isEmpty();
        }
    }
}
