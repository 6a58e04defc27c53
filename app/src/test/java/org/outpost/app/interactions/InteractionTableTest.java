package org.outpost.app.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;

/**
 * The bundled interaction table, family by family as issue 11 lists them, each pair found in both directions (the
 * drug ordered while the other is on the chart, and the other way round). The label or list each row follows is
 * quoted or paraphrased in the test's comment; the assertions check severity, the contraindicated flag, the cap
 * and the source's key words, not text copied from the table's output.
 */
class InteractionTableTest {
    private final InteractionTable table = InteractionTable.bundled();

    /**
     * The chart's active medications as the prescribing check's {@code activeNames} gives them: each name lower
     * case as written, plus each of its words.
     */
    static Set<String> chart(String... medications) {
        Set<String> names = new LinkedHashSet<>();
        for (String med : medications) {
            String name = med.strip().toLowerCase(Locale.ROOT);
            names.add(name);
            names.addAll(List.of(name.split("[^\\p{L}]+")));
        }
        names.remove("");
        return names;
    }

    private InteractionFinding only(String ordered, String... onChart) {
        List<InteractionFinding> found = table.check(ordered, chart(onChart));
        assertThat(found).as(ordered + " with " + String.join(", ", onChart)).hasSize(1);
        return found.getFirst();
    }

    private void none(String ordered, String... onChart) {
        assertThat(table.check(ordered, chart(onChart))).as(ordered + " with " + String.join(", ", onChart)).isEmpty();
    }

    /** The pair is found whichever drug is ordered, with the same key, severity and row. */
    private InteractionFinding bothWays(String a, String b) {
        InteractionFinding ab = only(a, b);
        InteractionFinding ba = only(b, a);
        assertThat(ba.key()).isEqualTo(ab.key());
        assertThat(ba.rule()).isEqualTo(ab.rule());
        assertThat(ba.orderedIsObject()).isNotEqualTo(ab.orderedIsObject());
        assertThat(ab.tableVersion()).isEqualTo(table.version());
        return ab;
    }

    @Nested
    class TableMetadata {
        @Test
        void bundledTableCarriesItsVersionDateAndReviewer() {
            assertThat(table.version()).isEqualTo("1.0.0");
            assertThat(table.date()).isEqualTo(LocalDate.of(2026, 12, 6));
            assertThat(table.reviewedBy()).isEqualTo("Outpost clinical content, unreviewed draft");
            assertThat(table.title()).isEqualTo("Outpost drug-drug interaction table");
            assertThat(table.ref().id()).isEqualTo("drug-interactions");
            assertThat(table.ref().version()).isEqualTo("1.0.0");
            assertThat(table.ref().source()).contains("unreviewed draft");
            assertThat(table.file()).isEqualTo("interactions.tsv (bundled)");
        }

        @Test
        void everyRowCitesASourceAndSaysWhatToDo() {
            assertThat(table.rules()).hasSizeGreaterThanOrEqualTo(24);
            for (InteractionRule r : table.rules()) {
                assertThat(r.source()).as("line " + r.line()).isNotBlank();
                assertThat(r.effect()).as("line " + r.line()).isNotBlank();
                assertThat(r.advice()).as("line " + r.line()).isNotBlank();
                assertThat(r.mechanism()).as("line " + r.line()).isNotBlank();
                if (r.contraindicated()) {
                    assertThat(r.severity()).as("line " + r.line()).isEqualTo(Severity.HIGH);
                    assertThat(r.advice()).as("line " + r.line()).startsWith("Contraindicated");
                }
            }
        }

        @Test
        void coversTheDrugsOfTheIssue() {
            assertThat(table.drugs()).contains("clopidogrel", "omeprazole", "esomeprazole", "warfarin", "amiodarone",
                    "ibuprofen", "naproxen", "aspirin", "prasugrel", "ticagrelor", "fluconazole", "metronidazole",
                    "apixaban", "rivaroxaban", "dabigatran", "edoxaban", "simvastatin", "verapamil", "diltiazem",
                    "azathioprine", "mercaptopurine", "allopurinol", "febuxostat", "fluorouracil", "capecitabine",
                    "brivudine", "sorivudine");
            assertThat(table.otherNames("omeprazole")).contains("prilosec", "losec");
            assertThat(table.covers("Plavix 75 mg tablets")).isTrue();
            assertThat(table.covers("paracetamol 1 g")).isFalse();
        }

        @Test
        void bundledIsLoadedOnce() {
            assertThat(InteractionTable.bundled()).isSameAs(table);
        }
    }

    @Nested
    class ClopidogrelAndProtonPumpInhibitors {
        // PLAVIX US PI 5.1 / 7.1 (CYP2C19 inhibitors): "Avoid concomitant use of Plavix with omeprazole or
        // esomeprazole." The label's study: omeprazole 80 mg cut the active metabolite by 46 % (day 1) and 42 %
        // (day 5), with similar results when the doses were given 12 hours apart.
        @Test
        void omeprazoleBothWays() {
            InteractionFinding f = bothWays("clopidogrel", "omeprazole");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.contraindicated()).isFalse();
            assertThat(f.source()).contains("PLAVIX").contains("5.1").contains("7.1");
            assertThat(f.text()).contains("Avoid the combination").contains("pantoprazole");
            assertThat(f.title()).isEqualTo("clopidogrel and omeprazole");
            assertThat(f.key()).isEqualTo("interaction:clopidogrel+omeprazole");
            assertThat(f.doseCap()).isEmpty();
        }

        @Test
        void esomeprazoleBothWays() {
            assertThat(bothWays("clopidogrel", "esomeprazole").activeDrug()).isEqualTo("esomeprazole");
        }

        @Test
        void aBrandOnTheChartIsFound() {
            InteractionFinding f = only("clopidogrel 75 mg", "Prilosec 20 mg");
            assertThat(f.orderedDrug()).isEqualTo("clopidogrel");
            assertThat(f.activeDrug()).isEqualTo("omeprazole");
            assertThat(f.orderedIsObject()).isTrue();
        }

        @Test
        void aBrandOrderedIsFoundToo() {
            InteractionFinding f = only("Nexium 40 mg", "Plavix 75 mg once daily");
            assertThat(f.orderedDrug()).isEqualTo("esomeprazole");
            assertThat(f.activeDrug()).isEqualTo("clopidogrel");
            assertThat(f.orderedIsObject()).isFalse();
        }

        @Test
        void omeprazoleIsNotFoundInsideEsomeprazole() {
            assertThat(only("clopidogrel", "esomeprazole 20 mg").activeDrug()).isEqualTo("esomeprazole");
        }

        @Test
        void pantoprazoleIsNotInTheTable() {
            none("clopidogrel", "pantoprazole 40 mg");
        }
    }

    @Nested
    class Warfarin {
        // COUMADIN US PI 7 (CYP450 interactions) lists amiodarone as an inhibitor of CYP2C9, CYP1A2 and CYP3A4; the
        // amiodarone label: potentiation of warfarin "is almost always seen", reduce the warfarin dose by one-third
        // to one-half and monitor the prothrombin time.
        @Test
        void amiodaroneBothWays() {
            InteractionFinding f = bothWays("warfarin", "amiodarone");
            assertThat(f.severity()).isEqualTo(Severity.MODERATE);
            assertThat(f.key()).isEqualTo("interaction:amiodarone+warfarin");
            assertThat(f.text()).contains("one-third to one-half").contains("INR");
            assertThat(f.source()).contains("COUMADIN").contains("amiodarone");
        }

        // COUMADIN US PI 7, drugs that increase bleeding risk: NSAIDs (celecoxib, diclofenac, diflunisal,
        // fenoprofen, ibuprofen, indomethacin, ketoprofen, ketorolac, mefenamic acid, naproxen, oxaprozin,
        // piroxicam, sulindac).
        @Test
        void nsaidsBothWays() {
            for (String nsaid : List.of("ibuprofen", "naproxen", "diclofenac", "celecoxib", "ketorolac", "meloxicam")) {
                InteractionFinding f = bothWays("warfarin", nsaid);
                assertThat(f.severity()).isEqualTo(Severity.MODERATE);
                assertThat(f.rule().group()).contains("NSAIDs");
                assertThat(f.text()).contains("bleeding");
            }
            assertThat(only("warfarin 5 mg", "Advil 200 mg").activeDrug()).isEqualTo("ibuprofen");
            assertThat(only("Coumadin 3 mg", "mefenamic acid 500 mg").activeDrug()).isEqualTo("mefenamic acid");
        }

        // Same list, antiplatelet agents: aspirin, cilostazol, clopidogrel, dipyridamole, prasugrel, ticlopidine;
        // PLAVIX US PI 7: warfarin with clopidogrel increases the risk of bleeding. Ticagrelor belongs to the class.
        @Test
        void antiplateletsBothWays() {
            for (String antiplatelet : List.of("aspirin", "clopidogrel", "prasugrel", "ticagrelor")) {
                InteractionFinding f = bothWays("warfarin", antiplatelet);
                assertThat(f.severity()).isEqualTo(Severity.MODERATE);
                assertThat(f.rule().group()).isEqualTo("antiplatelet agents");
            }
            assertThat(only("warfarin", "Brilinta 90 mg").activeDrug()).isEqualTo("ticagrelor");
            assertThat(only("warfarin", "ASA 81 mg").activeDrug()).isEqualTo("aspirin");
        }

        @Test
        void aCombinationProductNamesBothOfItsDrugs() {
            InteractionFinding f = only("warfarin", "Aggrenox 25/200 mg");
            assertThat(f.activeDrug()).isEqualTo("aspirin/dipyridamole");
            assertThat(f.key()).isEqualTo("interaction:aspirin+dipyridamole+warfarin");
        }

        // COUMADIN US PI 7 (CYP450 interactions): fluconazole inhibits CYP2C9 and CYP3A4; DIFLUCAN US PI:
        // "Prothrombin time may be increased in patients receiving concomitant fluconazole and coumarin-type
        // anticoagulants" with careful monitoring of the prothrombin time recommended.
        @Test
        void fluconazoleBothWays() {
            InteractionFinding f = bothWays("warfarin", "fluconazole");
            assertThat(f.severity()).isEqualTo(Severity.MODERATE);
            assertThat(f.source()).contains("DIFLUCAN");
            assertThat(only("warfarin", "Diflucan 150 mg").activeDrug()).isEqualTo("fluconazole");
        }

        // FLAGYL US PI: metronidazole potentiates the anticoagulant effect of warfarin, prolonging the prothrombin
        // time; monitor the prothrombin time and INR carefully.
        @Test
        void metronidazoleBothWays() {
            InteractionFinding f = bothWays("warfarin", "metronidazole");
            assertThat(f.severity()).isEqualTo(Severity.MODERATE);
            assertThat(f.source()).contains("FLAGYL");
            assertThat(f.text()).contains("INR");
        }
    }

    @Nested
    class DirectOralAnticoagulants {
        // ELIQUIS US PI 2 (Dosage Adjustments) and 7: reduce doses above 2.5 mg twice daily by 50 % with combined
        // P-gp and strong CYP3A4 inhibitors (e.g. ketoconazole, itraconazole, ritonavir); avoid them with 2.5 mg
        // twice daily; clarithromycin needs no adjustment.
        @Test
        void apixabanWithStrongInhibitorsBothWays() {
            InteractionFinding f = bothWays("apixaban", "ketoconazole");
            assertThat(f.severity()).isEqualTo(Severity.MODERATE);
            assertThat(f.text()).contains("50 %").contains("2.5 mg twice daily");
            assertThat(f.source()).contains("ELIQUIS");
            assertThat(only("Eliquis 5 mg", "Paxlovid").activeDrug()).isEqualTo("ritonavir");
        }

        @Test
        void apixabanWithClarithromycinNeedsNoAlert() {
            none("apixaban", "clarithromycin 500 mg");
        }

        // ELIQUIS US PI 7: avoid combined P-gp and strong CYP3A4 inducers (e.g. rifampin, carbamazepine,
        // phenytoin, St. John's wort).
        @Test
        void apixabanWithInducersBothWays() {
            InteractionFinding f = bothWays("apixaban", "carbamazepine");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.text()).contains("Avoid");
            assertThat(only("apixaban", "St. John's Wort 300 mg").activeDrug()).isEqualTo("st john's wort");
            assertThat(only("apixaban", "rifampicin 600 mg").activeDrug()).isEqualTo("rifampin");
        }

        // XARELTO US PI 7: avoid combined P-gp and strong CYP3A inhibitors (e.g. ketoconazole, itraconazole,
        // lopinavir/ritonavir, ritonavir, indinavir/ritonavir, conivaptan) and inducers (carbamazepine, phenytoin,
        // rifampin, St. John's wort).
        @Test
        void rivaroxabanWithInhibitorsAndInducersBothWays() {
            InteractionFinding inhibitor = bothWays("rivaroxaban", "itraconazole");
            assertThat(inhibitor.severity()).isEqualTo(Severity.HIGH);
            assertThat(inhibitor.source()).contains("XARELTO");
            InteractionFinding inducer = bothWays("rivaroxaban", "phenytoin");
            assertThat(inducer.severity()).isEqualTo(Severity.HIGH);
            assertThat(only("Xarelto 20 mg", "Kaletra 200/50 mg").activeDrug()).isEqualTo("ritonavir");
        }

        // PRADAXA US PI 7: avoid P-gp inducers (e.g. rifampin). PRADAXA US PI 2 Table 1: with dronedarone or
        // systemic ketoconazole 75 mg twice daily at CrCl 30 to 50 mL/min; avoid P-gp inhibitors in severe renal
        // impairment. Verapamil, amiodarone, quinidine, clarithromycin, ticagrelor: no dose adjustment otherwise.
        @Test
        void dabigatranBothWays() {
            assertThat(bothWays("dabigatran", "rifampin").severity()).isEqualTo(Severity.HIGH);
            InteractionFinding dronedarone = bothWays("dabigatran", "dronedarone");
            assertThat(dronedarone.severity()).isEqualTo(Severity.HIGH);
            assertThat(dronedarone.text()).contains("75 mg twice daily").contains("CrCl 30 to 50");
            InteractionFinding verapamil = bothWays("dabigatran", "verapamil");
            assertThat(verapamil.severity()).isEqualTo(Severity.MODERATE);
            assertThat(verapamil.source()).contains("PRADAXA");
        }

        // SAVAYSA US PI 7: avoid concomitant use with rifampin.
        @Test
        void edoxabanWithRifampinBothWays() {
            InteractionFinding f = bothWays("edoxaban", "rifampin");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.source()).contains("SAVAYSA").contains("rifampin");
            assertThat(only("Lixiana 60 mg", "Rifadin 600 mg").key()).isEqualTo("interaction:edoxaban+rifampin");
        }
    }

    @Nested
    class Simvastatin {
        // ZOCOR US PI 4 Contraindications: "Concomitant administration of strong CYP3A4 inhibitors (e.g.,
        // itraconazole, ketoconazole, posaconazole, voriconazole, HIV protease inhibitors, boceprevir, telaprevir,
        // erythromycin, clarithromycin, telithromycin, nefazodone and cobicistat-containing products)"; FDA Drug
        // Safety Communication of 2011-06-08; Phansalkar 2012 (HMG-CoA reductase inhibitors with CYP3A4 and
        // protease inhibitors).
        @Test
        void strongCyp3a4InhibitorsAreContraindicatedBothWays() {
            for (String inhibitor : List.of("clarithromycin", "itraconazole", "ketoconazole", "posaconazole",
                    "voriconazole", "erythromycin", "telithromycin", "ritonavir", "cobicistat", "nefazodone")) {
                InteractionFinding f = bothWays("simvastatin", inhibitor);
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.contraindicated()).isTrue();
                assertThat(f.doseCap()).isEmpty();
                assertThat(f.source()).contains("ZOCOR").contains("Phansalkar");
            }
        }

        @Test
        void aBoostedProteaseInhibitorBrandIsFound() {
            InteractionFinding f = only("simvastatin 40 mg at night", "Kaletra 200/50 mg twice daily");
            assertThat(f.activeDrug()).isEqualTo("lopinavir/ritonavir");
            assertThat(f.contraindicated()).isTrue();
        }

        // ZOCOR US PI 4: gemfibrozil, cyclosporine, danazol contraindicated.
        @Test
        void gemfibrozilIsContraindicatedBothWays() {
            assertThat(bothWays("simvastatin", "gemfibrozil").contraindicated()).isTrue();
        }

        // ZOCOR US PI 2/7: verapamil, diltiazem, dronedarone: do not exceed 10 mg simvastatin daily.
        @Test
        void verapamilAndDiltiazemCapAt10mgBothWays() {
            for (String blocker : List.of("verapamil", "diltiazem")) {
                InteractionFinding f = bothWays("simvastatin", blocker);
                assertThat(f.severity()).isEqualTo(Severity.MODERATE);
                assertThat(f.contraindicated()).isFalse();
                assertThat(f.doseCap()).contains(new SuggestedDose(10, "mg", "daily"));
                assertThat(f.cappedDrug()).isEqualTo("simvastatin");
            }
            InteractionFinding f = only("simvastatin", "Cardizem CD 240 mg");
            assertThat(f.exceedsCap(10, "mg", "once daily")).isFalse();
            assertThat(f.exceedsCap(20, "mg", "at night")).isTrue();
        }

        // ZOCOR US PI 2/7: amiodarone, amlodipine, ranolazine: do not exceed 20 mg simvastatin daily (FDA restored
        // 20 mg for amiodarone on 2011-12-15 after the June communication's 10 mg).
        @Test
        void amiodaroneCapsSimvastatinAt20mg() {
            InteractionFinding f = bothWays("simvastatin", "amiodarone");
            assertThat(f.doseCap()).contains(new SuggestedDose(20, "mg", "daily"));
            InteractionFinding ordered = only("simvastatin", "amiodarone 200 mg");
            assertThat(ordered.orderedIsObject()).isTrue();
            assertThat(ordered.capCheck(40, "mg", "once daily")).isEqualTo(CapCheck.EXCEEDS);
            assertThat(ordered.exceedsCap(40, "mg", "once daily")).isTrue();
            assertThat(ordered.capCheck(20, "mg", "once daily")).isEqualTo(CapCheck.WITHIN);
            assertThat(ordered.exceedsCap(20, "mg", "once daily")).isFalse();
            assertThat(ordered.source()).contains("2011-12-15");
        }

        @Test
        void amlodipineInACombinationProductIsFound() {
            assertThat(only("simvastatin", "Exforge 5/160 mg").activeDrug()).isEqualTo("amlodipine");
        }

        @Test
        void twoDifferentInteractionsAreBothListedMostSevereFirst() {
            List<InteractionFinding> found = table.check("simvastatin", chart("amiodarone 200 mg",
                    "clarithromycin 500 mg"));
            assertThat(found).extracting(InteractionFinding::activeDrug).containsExactly("clarithromycin", "amiodarone");
        }
    }

    @Nested
    class Thiopurines {
        // IMURAN US label: patients on allopurinol "should have a dose reduction of IMURAN, to approximately 1/3 to
        // 1/4 the usual dose"; PURIXAN US PI 7: reduce mercaptopurine to one-third to one-quarter of the dose.
        @Test
        void allopurinolBothWays() {
            for (String thiopurine : List.of("azathioprine", "mercaptopurine")) {
                InteractionFinding f = bothWays(thiopurine, "allopurinol");
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.contraindicated()).isFalse();
                assertThat(f.text()).contains("one-third to one-quarter");
            }
            assertThat(only("Imuran 50 mg", "Zyloprim 100 mg").key()).isEqualTo("interaction:allopurinol+azathioprine");
        }

        // ULORIC US PI 4: "ULORIC is contraindicated in patients being treated with azathioprine or mercaptopurine";
        // Phansalkar 2012 lists febuxostat with azathioprine/mercaptopurine among the high-priority interactions.
        @Test
        void febuxostatIsContraindicatedBothWays() {
            for (String thiopurine : List.of("azathioprine", "mercaptopurine")) {
                InteractionFinding f = bothWays(thiopurine, "febuxostat");
                assertThat(f.contraindicated()).isTrue();
                assertThat(f.source()).contains("ULORIC").contains("4").contains("Phansalkar");
            }
            assertThat(only("Uloric 40 mg", "azathioprine 100 mg").contraindicated()).isTrue();
        }
    }

    @Nested
    class Fluoropyrimidines {
        // Fluorouracil SmPC 4.3 and XELODA EU SmPC 4.3: contraindicated with brivudine and its analogues such as
        // sorivudine, at least 4 weeks between the last brivudine dose and the fluoropyrimidine; ZOSTEX SmPC 4.3.
        @Test
        void brivudineAndSorivudineAreContraindicatedBothWays() {
            for (String fluoropyrimidine : List.of("fluorouracil", "capecitabine")) {
                for (String antiviral : List.of("brivudine", "sorivudine")) {
                    InteractionFinding f = bothWays(fluoropyrimidine, antiviral);
                    assertThat(f.contraindicated()).isTrue();
                    assertThat(f.text()).contains("4 weeks");
                    assertThat(f.source()).contains("SmPC").contains("ZOSTEX");
                }
            }
            assertThat(only("Xeloda 500 mg", "Zostex 125 mg").key()).isEqualTo("interaction:brivudine+capecitabine");
            assertThat(only("brivudine", "5-FU infusion").orderedDrug()).isEqualTo("brivudine");
        }
    }

    @Nested
    class NoInteraction {
        @Test
        void anUnrelatedPairFindsNothing() {
            none("metformin 500 mg", "amlodipine 5 mg");
            none("simvastatin 20 mg", "metformin 500 mg", "lisinopril 10 mg");
            none("warfarin", "paracetamol 1 g");
        }

        @Test
        void aDrugOnlyInTheTableWithoutItsPartnerFindsNothing() {
            none("clarithromycin", "omeprazole 20 mg");
            none("warfarin");
        }

        @Test
        void nothingIsOrderedOrNothingIsOnTheChart() {
            assertThat(table.check(null, chart("warfarin"))).isEmpty();
            assertThat(table.check("  ", chart("warfarin"))).isEmpty();
            assertThat(table.check("amiodarone", Set.of())).isEmpty();
        }
    }
}
