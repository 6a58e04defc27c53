package org.outpost.app.medicines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.medicines.DuplicateFinding.Kind;
import org.outpost.app.model.Severity;

/**
 * Duplicate therapy (issue 11 item 4): "Clopidogrel ordered twice for one patient raised nothing." The same
 * medicine, by generic or brand name, and two medicines of one duplicate class, against the medication list as the
 * chart writes it.
 */
class DuplicateTherapyTest {
    private final DuplicateTherapy check = DuplicateTherapy.bundled();

    private List<DuplicateFinding> check(String ordered, String... chart) {
        return check.check(ordered, List.of(chart));
    }

    private DuplicateFinding only(String ordered, String... chart) {
        List<DuplicateFinding> found = check(ordered, chart);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    @Nested
    class SameMedicine {
        @Test
        void clopidogrelOrderedTwiceIsFound() {
            DuplicateFinding f = only("clopidogrel", "Clopidogrel 75 mg tablet");
            assertThat(f.kind()).isEqualTo(Kind.SAME_DRUG);
            assertThat(f.orderedDrug()).isEqualTo("clopidogrel");
            assertThat(f.currentDrug()).isEqualTo("clopidogrel");
            assertThat(f.asWritten()).containsExactly("Clopidogrel 75 mg tablet");
            assertThat(f.therapeuticClass()).isEmpty();
            assertThat(f.text()).isEqualTo("clopidogrel is already on the medication list (as Clopidogrel 75 mg tablet)");
            assertThat(f.tableVersion()).isEqualTo("1.2.0");
            assertThat(f.source()).contains("STOPP");
        }

        @Test
        void aBrandOnTheChartIsTheSameMedicineAsItsGenericOrdered() {
            DuplicateFinding f = only("clopidogrel", "Plavix 75 mg");
            assertThat(f.kind()).isEqualTo(Kind.SAME_DRUG);
            assertThat(f.text()).isEqualTo("clopidogrel is already on the medication list (as Plavix 75 mg)");
            // and the other way round: the brand ordered, the generic on the chart
            assertThat(only("Plavix", "clopidogrel 75 mg once daily").kind()).isEqualTo(Kind.SAME_DRUG);
            assertThat(only("warfarin", "Coumadin 5 mg").text()).contains("(as Coumadin 5 mg)");
        }

        @Test
        void theSeverityIsRaisedToTheMedicinesDuplicateClass() {
            // same-drug is MODERATE; a P2Y12 inhibitor or an anticoagulant twice is as serious as two of them
            DuplicateFinding clopidogrel = only("clopidogrel", "Plavix 75 mg");
            assertThat(clopidogrel.severity()).isEqualTo(Severity.HIGH);
            assertThat(clopidogrel.advice()).contains("P2Y12 inhibitors").contains("HIGH");
            assertThat(clopidogrel.source()).contains("STOPP").contains("Angiolillo");
            assertThat(only("warfarin", "Warfarin 3 mg").severity()).isEqualTo(Severity.HIGH);
            // a PPI twice stays at the same-drug rule's MODERATE (the PPI class rule is LOW)
            assertThat(only("omeprazole", "Losec 20 mg").severity()).isEqualTo(Severity.MODERATE);
            // a medicine in no duplicate class: MODERATE
            assertThat(only("metformin", "Glucophage 500 mg").severity()).isEqualTo(Severity.MODERATE);
        }

        @Test
        void everyChartEntryOfTheMedicineIsNamedInOneFinding() {
            DuplicateFinding f = only("clopidogrel", "Plavix 75 mg", "Atorvastatin 40 mg", "Clopidogrel 75 mg tablet");
            assertThat(f.asWritten()).containsExactly("Plavix 75 mg", "Clopidogrel 75 mg tablet");
            assertThat(f.text()).endsWith("(as Plavix 75 mg; Clopidogrel 75 mg tablet)");
        }

        @Test
        void aMedicineTheTableDoesNotListIsFoundByItsName() {
            DuplicateFinding f = only("doxycycline", "Doxycycline 100 mg capsule");
            assertThat(f.kind()).isEqualTo(Kind.SAME_DRUG);
            assertThat(f.severity()).isEqualTo(Severity.MODERATE);
            assertThat(f.text()).isEqualTo("doxycycline is already on the medication list (as Doxycycline 100 mg capsule)");
            assertThat(f.advice()).contains("not in the medicines-by-class table");
            assertThat(check("doxycycline", "Paracetamol 1 g", "Nystatin 100000 units")).isEmpty();
            // a name too short to match safely
            assertThat(check("xy", "XY 5 mg")).isEmpty();
        }
    }

    @Nested
    class SameClass {
        @Test
        void prasugrelWithClopidogrelIsTwoP2y12Inhibitors() {
            DuplicateFinding f = only("prasugrel", "Clopidogrel 75 mg tablet");
            assertThat(f.kind()).isEqualTo(Kind.SAME_CLASS);
            assertThat(f.therapeuticClass()).contains("p2y12-inhibitor");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.orderedDrug()).isEqualTo("prasugrel");
            assertThat(f.currentDrug()).isEqualTo("clopidogrel");
            assertThat(f.text()).isEqualTo("Two P2Y12 inhibitors: prasugrel ordered while clopidogrel is on the "
                    + "medication list (as Clopidogrel 75 mg tablet)");
            assertThat(f.source()).contains("Circulation 2017");
            assertThat(only("Brilinta 90 mg", "Plavix").therapeuticClass()).contains("p2y12-inhibitor");
        }

        @Test
        void warfarinWithApixabanIsAHighAnticoagulantDuplicate() {
            DuplicateFinding f = only("apixaban", "Warfarin 5 mg tablet");
            assertThat(f.kind()).isEqualTo(Kind.SAME_CLASS);
            assertThat(f.therapeuticClass()).contains("anticoagulant");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.text()).startsWith("Two anticoagulants: apixaban ordered while warfarin is on the medication list");
            assertThat(f.source()).contains("4.3 Contraindications");
            assertThat(f.advice()).contains("switching or bridging");
            assertThat(only("warfarin", "Eliquis 5 mg twice daily").severity()).isEqualTo(Severity.HIGH);
        }

        @Test
        void anyTwoAnticoagulantsAreADuplicate() {
            // two DOACs, a heparin with a DOAC, a low-molecular-weight heparin with warfarin (bridging is deliberate,
            // but still asked about)
            assertThat(only("rivaroxaban", "Pradaxa 150 mg").therapeuticClass()).contains("anticoagulant");
            assertThat(only("heparin", "Xarelto 20 mg").severity()).isEqualTo(Severity.HIGH);
            assertThat(only("enoxaparin", "Jantoven 5 mg").therapeuticClass()).contains("anticoagulant");
            assertThat(only("edoxaban", "Clexane 40 mg").severity()).isEqualTo(Severity.HIGH);
        }

        @Test
        void simvastatinWithAtorvastatinIsAStatinDuplicate() {
            DuplicateFinding f = only("simvastatin", "Atorvastatin 40 mg");
            assertThat(f.therapeuticClass()).contains("statin");
            assertThat(f.severity()).isEqualTo(Severity.MODERATE);
            assertThat(f.text()).startsWith("Two statins: simvastatin ordered while atorvastatin");
            assertThat(only("Zocor", "Lipitor 20 mg").therapeuticClass()).contains("statin");
        }

        @Test
        void ibuprofenWithNaproxenIsAnNsaidDuplicate() {
            DuplicateFinding f = only("ibuprofen", "Naproxen 500 mg");
            assertThat(f.therapeuticClass()).contains("nsaid");
            assertThat(f.severity()).isEqualTo(Severity.MODERATE);
            assertThat(f.source()).contains("two concurrent NSAIDs");
            assertThat(only("naproxen", "Advil 200 mg").therapeuticClass()).contains("nsaid");
        }

        @Test
        void otherDuplicateClasses() {
            assertThat(only("esomeprazole", "Omeprazole 20 mg").severity()).isEqualTo(Severity.LOW);
            assertThat(only("mercaptopurine", "Azathioprine 50 mg").severity()).isEqualTo(Severity.HIGH);
            assertThat(only("capecitabine", "Fluorouracil infusion").therapeuticClass()).contains("fluoropyrimidine");
            assertThat(only("pregabalin", "Gabapentin 300 mg").therapeuticClass()).contains("gabapentinoid");
            assertThat(only("eplerenone", "Aldactone 25 mg").severity()).isEqualTo(Severity.HIGH);
            assertThat(only("febuxostat", "Allopurinol 100 mg").therapeuticClass())
                    .contains("xanthine-oxidase-inhibitor");
            assertThat(only("tramadol", "Codeine 30 mg").therapeuticClass()).contains("opioid");
            assertThat(only("verapamil", "Diltiazem 120 mg").therapeuticClass()).contains("non-dihydropyridine-ccb");
        }
    }

    @Nested
    class NotADuplicate {
        @Test
        void aspirinWithClopidogrelIsDualAntiplateletTherapy() {
            assertThat(check("aspirin", "Clopidogrel 75 mg tablet")).isEmpty();
            assertThat(check("clopidogrel", "Aspirin 81 mg")).isEmpty();
            assertThat(check("ticagrelor", "ASA 81 mg EC")).isEmpty();
        }

        @Test
        void unrelatedMedicinesRaiseNothing() {
            assertThat(check("metformin", "Atorvastatin 40 mg", "Lisinopril 10 mg", "Paracetamol 1 g")).isEmpty();
            assertThat(check("apixaban", "Aspirin 81 mg")).isEmpty();
            assertThat(check("ibuprofen", "Aspirin 81 mg")).isEmpty();
            // antiepileptics are often combined deliberately
            assertThat(check("levetiracetam", "Carbamazepine 200 mg")).isEmpty();
            // a class shared only for interaction models is no duplicate
            assertThat(check("clarithromycin", "Itraconazole 100 mg")).isEmpty();
        }

        @Test
        void unknownOrEmptyNamesRaiseNothing() {
            assertThat(check("clopidogrel", "Something unreadable", "", "   ")).isEmpty();
            assertThat(check.check("clopidogrel", Arrays.asList("Paracetamol", null))).isEmpty();
            assertThat(check("clopidogrel")).isEmpty();
            assertThat(check("", "Plavix")).isEmpty();
            assertThat(check.check(null, List.of("Plavix"))).isEmpty();
            assertThatThrownBy(() -> check.check("clopidogrel", null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class SeveralFindings {
        @Test
        void mostSevereFirstAndTheSameMedicineBeforeItsClass() {
            List<DuplicateFinding> found = check("clopidogrel", "Omeprazole 20 mg", "Prasugrel 10 mg", "Aspirin 81 mg",
                    "Plavix 75 mg");
            assertThat(found).extracting(DuplicateFinding::kind).containsExactly(Kind.SAME_DRUG, Kind.SAME_CLASS);
            assertThat(found.get(0).asWritten()).containsExactly("Plavix 75 mg");
            assertThat(found.get(1).currentDrug()).isEqualTo("prasugrel");
            assertThat(found).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        }

        @Test
        void aCombinationIsCheckedMedicineByMedicine() {
            List<DuplicateFinding> found = check("aspirin and clopidogrel", "Ticagrelor 90 mg", "Aspirin 81 mg");
            assertThat(found).extracting(DuplicateFinding::orderedDrug, DuplicateFinding::currentDrug,
                            DuplicateFinding::kind)
                    .containsExactly(
                            tuple("clopidogrel", "ticagrelor", Kind.SAME_CLASS),
                            tuple("aspirin", "aspirin", Kind.SAME_DRUG));
        }

        @Test
        void theFindingsNameTheTableTheyCameFrom() {
            assertThat(check.ref().id()).isEqualTo("drug-classes");
            assertThat(check("warfarin", "Eliquis", "Coumadin")).allSatisfy(f -> {
                assertThat(f.tableVersion()).isEqualTo(check.table().version());
                assertThat(f.source()).isNotBlank();
                assertThat(f.advice()).isNotBlank();
            });
        }
    }

    @Nested
    class AnotherTable {
        @TempDir
        Path dir;

        @Test
        void theMostSevereSharedClassIsTheOneReported() throws IOException {
            Path f = dir.resolve("t.tsv");
            Files.write(f, List.of(
                    "# version: t1", "# date: 2025-01-31", "# reviewed-by: nobody", "# atc-index: test",
                    "class\twithin\tduplicate\tlabel\tadvice\tsource",
                    "same-drug\t\tLOW\torders of the same medicine\tStop one.\tRule S",
                    "wide\t\tLOW\twide things\tMaybe.\tRule W",
                    "narrow\twide\tHIGH\tnarrow things\tStop.\tRule N",
                    "drug\tatc\tnames\tclasses",
                    "druga\tA01AA01\t\tnarrow",
                    "drugb\tA01AA02\t\tnarrow",
                    "drugc\tA01AA03\t\twide"), StandardCharsets.UTF_8);
            DuplicateTherapy t = new DuplicateTherapy(DrugClasses.load(f));
            DuplicateFinding ab = t.check("druga", List.of("drugb")).getFirst();
            assertThat(ab.therapeuticClass()).contains("narrow");
            assertThat(ab.severity()).isEqualTo(Severity.HIGH);
            assertThat(ab.source()).isEqualTo("Rule N");
            assertThat(ab.tableVersion()).isEqualTo("t1");
            DuplicateFinding ac = t.check("druga", List.of("drugc")).getFirst();
            assertThat(ac.therapeuticClass()).contains("wide");
            assertThat(ac.severity()).isEqualTo(Severity.LOW);
            // the same medicine: the same-drug rule's LOW raised to its class's HIGH
            assertThat(t.check("druga", List.of("druga")).getFirst().severity()).isEqualTo(Severity.HIGH);
            assertThat(t.check("drugc", List.of("drugc")).getFirst().severity()).isEqualTo(Severity.LOW);
        }
    }
}
