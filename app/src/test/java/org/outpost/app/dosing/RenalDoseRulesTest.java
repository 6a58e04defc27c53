package org.outpost.app.dosing;

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
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.dosing.RenalDoseRule.Measure;
import org.outpost.app.dosing.RenalDoseRules.RenalDoseAdvice;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;

/**
 * The bundled renal dose table, checked band by band against the label or guideline text it cites: for every
 * threshold, a value just below it and a value exactly on it. The quoted source text is in each test's comment;
 * the assertions check the severity, the suggested dose and the advice's key words, not text copied from the
 * table's own output.
 */
class RenalDoseRulesTest {
    private static final OptionalDouble NONE = OptionalDouble.empty();
    private final RenalDoseRules rules = RenalDoseRules.bundled();

    private RenalDoseAdvice atCrcl(String drug, double crcl) {
        return rules.check(drug, OptionalDouble.of(crcl), NONE).orElseThrow();
    }

    private RenalDoseAdvice atEgfr(String drug, double egfr) {
        return rules.check(drug, NONE, OptionalDouble.of(egfr)).orElseThrow();
    }

    @Nested
    class TableMetadata {
        @Test
        void bundledTableCarriesItsVersionDateAndReviewer() {
            assertThat(rules.version()).isEqualTo("1.0.0");
            assertThat(rules.date()).isEqualTo(LocalDate.of(2026, 11, 25));
            assertThat(rules.reviewedBy()).isEqualTo("Outpost clinical content, unreviewed draft");
            assertThat(rules.ref().id()).isEqualTo("renal-dose-rules");
            assertThat(rules.ref().version()).isEqualTo("1.0.0");
            assertThat(rules.ref().source()).contains("unreviewed draft");
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
                Outpost clinical content, unreviewed draft | true
                DRAFT                                      | true
                not yet reviewed                           | true
                A. Patel, PharmD, 2026-12-01               | false
                Renal pharmacy team (reviewed 2026-12-01)  | false
                """)
        void aDraftTableIsKnownByItsReviewedByLine(String reviewedBy, boolean draft) throws Exception {
            assertThat(rules.draft()).as("the bundled table").isTrue();
            java.nio.file.Path file = java.nio.file.Files.createTempFile("renal", ".tsv");
            try {
                String bundledText;
                try (var in = RenalDoseRules.class.getResourceAsStream("renal-dose-rules.tsv")) {
                    bundledText = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                java.nio.file.Files.writeString(file, bundledText.replace(
                        "# reviewed-by: Outpost clinical content, unreviewed draft", "# reviewed-by: " + reviewedBy));
                assertThat(RenalDoseRules.load(file).draft()).isEqualTo(draft);
            } finally {
                java.nio.file.Files.delete(file);
            }
        }

        @Test
        void coversTheDrugsOfTheBrief() {
            assertThat(rules.drugs()).containsExactly("enoxaparin", "gabapentin", "levetiracetam", "metformin",
                    "nitrofurantoin", "sitagliptin", "spironolactone");
            assertThat(rules.measure("metformin")).contains(Measure.EGFR);
            assertThat(rules.measure("sitagliptin")).contains(Measure.EGFR);
            assertThat(rules.measure("gabapentin")).contains(Measure.CRCL);
        }

        @Test
        void everyRuleCitesASource() {
            for (String drug : rules.drugs()) {
                for (RenalDoseRule r : rules.rules(drug)) {
                    assertThat(r.source()).as(drug + " line " + r.line()).isNotBlank();
                }
            }
        }

        @Test
        void bundledIsLoadedOnce() {
            assertThat(RenalDoseRules.bundled()).isSameAs(rules);
        }
    }

    @Nested
    class Metformin {
        // Metformin hydrochloride tablets US PI, 2.3 Recommendations for Use in Renal Impairment (the 2016 FDA
        // renal labeling): "Metformin hydrochloride tablets are contraindicated in patients with an estimated
        // glomerular filtration rate (eGFR) below 30 mL/minute/1.73 m2." ... "Discontinue metformin hydrochloride
        // tablets if the patient's eGFR later falls below 30 mL/minute/1.73 m2".
        @Test
        void justBelow30IsContraindicated() {
            RenalDoseAdvice a = atEgfr("metformin", 29.9);
            assertThat(a.recommendation().severity()).isEqualTo(Severity.HIGH);
            assertThat(a.recommendation().text()).containsIgnoringCase("contraindicated");
            assertThat(a.recommendation().suggestedDose()).isEmpty();
            assertThat(a.measure()).isEqualTo(Measure.EGFR);
            assertThat(a.kidneyValue()).hasValue(29.9);
            assertThat(a.source()).contains("2.3");
            assertThat(a.tableVersion()).isEqualTo("1.0.0");
        }

        // Same section: "Initiation of metformin hydrochloride tablets in patients with an eGFR between
        // 30 mL/minute/1.73 m2 to 45 mL/minute/1.73 m2 is not recommended." "In patients taking metformin
        // hydrochloride tablets whose eGFR later falls below 45 mL/min/1.73 m2, assess the benefit risk of
        // continuing therapy."
        @Test
        void at30StartingIsNotRecommended() {
            RenalDoseAdvice a = atEgfr("metformin", 30);
            assertThat(a.recommendation().severity()).isEqualTo(Severity.MODERATE);
            assertThat(a.recommendation().text()).contains("not recommended").contains("benefit and risk");
        }

        @Test
        void justBelow45StartingIsStillNotRecommended() {
            assertThat(atEgfr("metformin", 44.9).recommendation().severity()).isEqualTo(Severity.MODERATE);
        }

        // "Assess renal function prior to initiation of metformin hydrochloride tablets and periodically
        // thereafter." — no renal restriction at eGFR 45 or above.
        @Test
        void at45ThereIsNoRenalRestriction() {
            RenalDoseAdvice a = atEgfr("metformin", 45);
            assertThat(a.recommendation().severity()).isEqualTo(Severity.LOW);
            assertThat(a.recommendation().text()).contains("periodically");
        }
    }

    @Nested
    class Nitrofurantoin {
        // AGS Beers Criteria 2023 (J Am Geriatr Soc 2023;71:2052-2081), Table 2, nitrofurantoin: "Potential for
        // pulmonary toxicity, hepatotoxicity, and peripheral neuropathy, especially with long-term use; safer
        // alternatives available." Recommendation: "Avoid in individuals with creatinine clearance <30 mL/min or
        // for long-term suppression." (quality of evidence low, strength strong)
        @Test
        void justBelow30IsToBeAvoided() {
            RenalDoseAdvice a = atCrcl("nitrofurantoin", 29.9);
            assertThat(a.recommendation().severity()).isEqualTo(Severity.HIGH);
            assertThat(a.recommendation().text()).startsWith("Avoid");
            assertThat(a.measure()).isEqualTo(Measure.CRCL);
            assertThat(a.source()).contains("Beers").contains("2023");
        }

        @Test
        void at30ThereIsNoKidneyRestrictionButStillNoLongTermSuppression() {
            RenalDoseAdvice a = atCrcl("nitrofurantoin", 30);
            assertThat(a.recommendation().severity()).isEqualTo(Severity.LOW);
            assertThat(a.recommendation().text()).contains("long-term suppression");
        }
    }

    @Nested
    class Gabapentin {
        // NEURONTIN US PI, 2.3 Dosage Adjustment in Patients with Renal Impairment, "TABLE 1. NEURONTIN Dosage
        // Based on Renal Function" (creatinine clearance mL/min → total daily dose range mg/day, regimen):
        //   ≥60: 900 to 3600 (TID); >30 to 59: 400 to 1400 (BID); >15 to 29: 200 to 700 (QD);
        //   15: 100 to 300 (QD) — "For patients with creatinine clearance <15 mL/min, reduce daily dose in
        //   proportion to creatinine clearance (e.g., patients with a creatinine clearance of 7.5 mL/min should
        //   receive one-half the daily dose that patients with a creatinine clearance of 15 mL/min receive)."
        // The label assigns no band to exactly 30 and puts exactly 15 in its lowest row; the table's from/below
        // convention puts both in the band above (documented in the table file).
        @Test
        void justBelow15IsTheLowestBandReducedInProportion() {
            RenalDoseAdvice a = atCrcl("gabapentin", 14.9);
            assertThat(a.recommendation().severity()).isEqualTo(Severity.MODERATE);
            assertThat(a.recommendation().text()).contains("100 to 300 mg/day").contains("in proportion");
            assertThat(a.recommendation().suggestedDose()).isEmpty();
        }

        @Test
        void at15AndJustBelow30Is200To700MgOnceDaily() {
            for (double crcl : new double[] {15, 29.9}) {
                RenalDoseAdvice a = atCrcl("gabapentin", crcl);
                assertThat(a.recommendation().severity()).as("CrCl " + crcl).isEqualTo(Severity.MODERATE);
                assertThat(a.recommendation().text()).as("CrCl " + crcl)
                        .contains("200 to 700 mg/day").contains("single daily dose");
            }
        }

        @Test
        void at30AndJustBelow60Is400To1400MgInTwoDoses() {
            for (double crcl : new double[] {30, 59.9}) {
                RenalDoseAdvice a = atCrcl("gabapentin", crcl);
                assertThat(a.recommendation().severity()).as("CrCl " + crcl).isEqualTo(Severity.MODERATE);
                assertThat(a.recommendation().text()).as("CrCl " + crcl)
                        .contains("400 to 1400 mg/day").contains("twice daily");
            }
        }

        @Test
        void at60TheDoseIsUnchanged() {
            RenalDoseAdvice a = atCrcl("gabapentin", 60);
            assertThat(a.recommendation().severity()).isEqualTo(Severity.LOW);
            assertThat(a.recommendation().text()).contains("900 to 3600 mg/day");
            assertThat(a.rule()).get().extracting(RenalDoseRule::rangeText).isEqualTo("CrCl \u226560 mL/min");
        }
    }

    @Nested
    class Enoxaparin {
        // LOVENOX US PI, 2.3, severe renal impairment (creatinine clearance <30 mL/min): prophylaxis 30 mg
        // administered subcutaneously once daily; treatment regimens 1 mg/kg administered subcutaneously once
        // daily (instead of every 12 hours). No dose adjustment at 30 mL/min or above.
        @Test
        void justBelow30TheDoseIsReducedByIndication() {
            RenalDoseAdvice a = atCrcl("enoxaparin", 29.9);
            assertThat(a.recommendation().severity()).isEqualTo(Severity.MODERATE);
            assertThat(a.recommendation().text())
                    .contains("30 mg subcutaneously once daily")
                    .contains("1 mg/kg subcutaneously once daily");
            // two indications, two doses: no single suggested dose
            assertThat(a.recommendation().suggestedDose()).isEmpty();
        }

        @Test
        void at30TheDoseIsUnchanged() {
            assertThat(atCrcl("enoxaparin", 30).recommendation().severity()).isEqualTo(Severity.LOW);
        }
    }

    @Nested
    class Spironolactone {
        // AGS Beers Criteria 2023, Table 6 (medications to avoid or reduce with reduced kidney function),
        // spironolactone: "CrCl (mL/min) at which action is required: <30"; rationale "Hyperkalemia";
        // recommendation "Avoid".
        @Test
        void justBelow30IsToBeAvoided() {
            RenalDoseAdvice a = atCrcl("spironolactone", 29.9);
            assertThat(a.recommendation().severity()).isEqualTo(Severity.HIGH);
            assertThat(a.recommendation().text()).startsWith("Avoid").contains("hyperkalemia");
            assertThat(a.source()).contains("Table 6");
        }

        @Test
        void at30ThereIsNoKidneyRestriction() {
            assertThat(atCrcl("spironolactone", 30).recommendation().severity()).isEqualTo(Severity.LOW);
        }
    }

    @Nested
    class Levetiracetam {
        // KEPPRA US PI, Dosage Adjustments in Adult Patients with Renal Impairment, Table 1 "Dosing Adjustment
        // Regimen for Adult Patients with Renal Impairment" (creatinine clearance, mL/min/1.73 m2):
        //   Normal >80: 500 to 1,500 mg every 12 h; Mild 50-80: 500 to 1,000 mg every 12 h;
        //   Moderate 30-50: 250 to 750 mg every 12 h; Severe <30: 250 to 500 mg every 12 h;
        //   ESRD patients using dialysis: 500 to 1,000 mg every 24 h, "Following dialysis, a 250 to 500 mg
        //   supplemental dose is recommended."
        // The label shares 50 and 80 between two bands; the table puts them in the band above.
        @Test
        void justBelow30Is250To500MgEvery12Hours() {
            RenalDoseAdvice a = atCrcl("levetiracetam", 29.9);
            assertThat(a.recommendation().severity()).isEqualTo(Severity.MODERATE);
            assertThat(a.recommendation().text()).contains("250 to 500 mg every 12 hours")
                    .contains("500 to 1000 mg every 24 hours");
        }

        @Test
        void at30AndJustBelow50Is250To750MgEvery12Hours() {
            for (double crcl : new double[] {30, 49.9}) {
                assertThat(atCrcl("levetiracetam", crcl).recommendation().text()).as("CrCl " + crcl)
                        .contains("250 to 750 mg every 12 hours");
            }
        }

        @Test
        void at50AndJustBelow80Is500To1000MgEvery12Hours() {
            for (double crcl : new double[] {50, 79.9}) {
                RenalDoseAdvice a = atCrcl("levetiracetam", crcl);
                assertThat(a.recommendation().severity()).as("CrCl " + crcl).isEqualTo(Severity.MODERATE);
                assertThat(a.recommendation().text()).as("CrCl " + crcl)
                        .contains("500 to 1000 mg every 12 hours");
            }
        }

        @Test
        void at80TheDoseIsUnchanged() {
            RenalDoseAdvice a = atCrcl("levetiracetam", 80);
            assertThat(a.recommendation().severity()).isEqualTo(Severity.LOW);
            assertThat(a.recommendation().text()).contains("500 to 1500 mg every 12 hours");
        }
    }

    @Nested
    class Sitagliptin {
        // JANUVIA US PI, 2.2 Recommendations for Use in Renal Impairment: eGFR ≥45 mL/min/1.73 m2: 100 mg once
        // daily; eGFR ≥30 to <45: 50 mg once daily; eGFR <30 (including patients with end-stage renal disease on
        // dialysis): 25 mg once daily.
        @Test
        void justBelow30Is25MgOnceDaily() {
            RenalDoseAdvice a = atEgfr("sitagliptin", 29.9);
            assertThat(a.recommendation().severity()).isEqualTo(Severity.MODERATE);
            assertThat(a.recommendation().suggestedDose()).contains(new SuggestedDose(25, "mg", "once daily"));
            assertThat(a.recommendation().source()).contains("JANUVIA").contains("2.2");
        }

        @Test
        void at30AndJustBelow45Is50MgOnceDaily() {
            for (double egfr : new double[] {30, 44.9}) {
                RenalDoseAdvice a = atEgfr("sitagliptin", egfr);
                assertThat(a.recommendation().severity()).as("eGFR " + egfr).isEqualTo(Severity.MODERATE);
                assertThat(a.recommendation().suggestedDose()).as("eGFR " + egfr)
                        .contains(new SuggestedDose(50, "mg", "once daily"));
            }
        }

        @Test
        void at45TheUsual100MgOnceDaily() {
            RenalDoseAdvice a = atEgfr("sitagliptin", 45);
            assertThat(a.recommendation().severity()).isEqualTo(Severity.LOW);
            assertThat(a.recommendation().suggestedDose()).contains(new SuggestedDose(100, "mg", "once daily"));
        }
    }

    @Nested
    class MissingOrUnusableKidneyValue {
        @Test
        void aRenallyDosedDrugWithoutItsMeasureSaysSoInsteadOfStayingSilent() {
            Optional<RenalDoseAdvice> a = rules.check("gabapentin", NONE, NONE);
            assertThat(a).isPresent();
            assertThat(a.get().checked()).isFalse();
            assertThat(a.get().kidneyValue()).isEmpty();
            assertThat(a.get().rule()).isEmpty();
            assertThat(a.get().recommendation().severity()).isEqualTo(Severity.LOW);
            assertThat(a.get().recommendation().text())
                    .startsWith("no recent creatinine: renal dose cannot be checked")
                    .contains("Cockcroft-Gault");
        }

        @Test
        void theOtherMeasureIsNotSubstituted() {
            // sitagliptin's label bands are eGFR; a creatinine clearance alone does not answer them
            RenalDoseAdvice a = rules.check("sitagliptin", OptionalDouble.of(20), NONE).orElseThrow();
            assertThat(a.checked()).isFalse();
            assertThat(a.recommendation().text()).startsWith(RenalDoseRules.NO_CREATININE).contains("eGFR");
            RenalDoseAdvice b = rules.check("gabapentin", NONE, OptionalDouble.of(20)).orElseThrow();
            assertThat(b.checked()).isFalse();
        }

        @Test
        void nullOptionalsCountAsMissing() {
            assertThat(rules.check("metformin", null, null).orElseThrow().checked()).isFalse();
        }

        @Test
        void negativeOrNonFiniteValuesAreNotUsed() {
            for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
                RenalDoseAdvice a = atCrcl("enoxaparin", bad);
                assertThat(a.checked()).as(Double.toString(bad)).isFalse();
                assertThat(a.recommendation().severity()).isEqualTo(Severity.LOW);
                assertThat(a.recommendation().text()).startsWith(RenalDoseRules.NO_CREATININE);
            }
        }

        @Test
        void aValueThatIsGivenIsChecked() {
            assertThat(atCrcl("enoxaparin", 0).checked()).isTrue();
        }
    }

    @Nested
    class DrugNames {
        @Test
        void aDrugNotInTheTableGivesNothing() {
            assertThat(rules.covers("amoxicillin")).isFalse();
            assertThat(rules.check("amoxicillin", OptionalDouble.of(10), OptionalDouble.of(10))).isEmpty();
            assertThat(rules.check(null, OptionalDouble.of(10), NONE)).isEmpty();
            assertThat(rules.covers(null)).isFalse();
            assertThat(rules.rules("amoxicillin")).isEmpty();
        }

        @Test
        void caseAndSurroundingSpacesAreIgnored() {
            assertThat(rules.covers(" Metformin ")).isTrue();
            assertThat(rules.check("SITAGLIPTIN", NONE, OptionalDouble.of(40)).orElseThrow().drug())
                    .isEqualTo("sitagliptin");
        }
    }

    @Property
    void everyValueOfEveryCoveredDrugFallsInExactlyOneBand(@ForAll("drugs") String drug,
                                                           @ForAll @DoubleRange(min = 0, max = 250) double value) {
        RenalDoseRules table = RenalDoseRules.bundled();
        Measure m = table.measure(drug).orElseThrow();
        OptionalDouble v = OptionalDouble.of(value);
        RenalDoseAdvice a = table.check(drug, m == Measure.CRCL ? v : NONE, m == Measure.EGFR ? v : NONE)
                .orElseThrow();
        assertThat(a.checked()).isTrue();
        assertThat(a.rule().orElseThrow().contains(value)).isTrue();
        assertThat(table.rules(drug).stream().filter(r -> r.contains(value)).count()).isEqualTo(1);
    }

    @Provide
    Arbitrary<String> drugs() {
        return Arbitraries.of(RenalDoseRules.bundled().drugs());
    }

    @Nested
    class LoadingAFile {
        @TempDir
        Path dir;

        private static final String HEADER_ROW = String.join("\t", RenalDoseRules.COLUMNS);

        /** A table whose first rule is on line 6 (four header lines, then the header row on line 5). */
        private Path table(String... rows) throws IOException {
            List<String> lines = new ArrayList<>(List.of(
                    "# table: test table",
                    "# version: test-7",
                    "# date: 2025-01-31",
                    "# reviewed-by: nobody",
                    HEADER_ROW));
            lines.addAll(List.of(rows));
            Path f = dir.resolve("rules.tsv");
            Files.write(f, lines, StandardCharsets.UTF_8);
            return f;
        }

        private static String row(String... cells) {
            return String.join("\t", cells);
        }

        private RenalDoseRuleFileException failure(Path f) {
            return catchThrowableOfType(RenalDoseRuleFileException.class, () -> RenalDoseRules.load(f));
        }

        @Test
        void aValidFileLoadsAndAnswers() throws IOException {
            Path f = table(
                    row("drugx", "crcl", "", "30", "HIGH", "Avoid.", "", "", "", "Test label 1.1"),
                    "# a comment between rules",
                    "",
                    row("drugx", "crcl", "30", "", "LOW", "Usual dose.", "10", "mg", "once daily", "Test label 1.1"));
            RenalDoseRules t = RenalDoseRules.load(f);
            assertThat(t.version()).isEqualTo("test-7");
            assertThat(t.date()).isEqualTo(LocalDate.of(2025, 1, 31));
            assertThat(t.reviewedBy()).isEqualTo("nobody");
            assertThat(t.title()).isEqualTo("test table");
            assertThat(t.file()).isEqualTo(f.toString());
            assertThat(t.check("drugx", OptionalDouble.of(29.99), NONE).orElseThrow().recommendation().severity())
                    .isEqualTo(Severity.HIGH);
            RenalDoseAdvice usual = t.check("drugx", OptionalDouble.of(30), NONE).orElseThrow();
            assertThat(usual.recommendation().suggestedDose()).contains(new SuggestedDose(10, "mg", "once daily"));
            assertThat(usual.rule().orElseThrow().line()).isEqualTo(9);
        }

        @Test
        void aRowWithTooFewColumnsNamesFileAndLine() throws IOException {
            Path f = table(
                    row("drugx", "crcl", "", "30", "HIGH", "Avoid.", "", "", "", "Test label"),
                    row("drugx", "crcl", "30", "", "LOW", "Usual dose.", "", "", "Test label"));
            RenalDoseRuleFileException e = failure(f);
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.file()).isEqualTo(f.toString());
            assertThat(e.getMessage()).startsWith(f + " line 7: ")
                    .contains("expected 10 tab-separated columns").contains("found 9");
        }

        @Test
        void overlappingBandsAreRefusedWithBothLines() throws IOException {
            Path f = table(
                    row("drugx", "crcl", "", "30", "HIGH", "Avoid.", "", "", "", "Test label"),
                    row("drugx", "crcl", "20", "", "LOW", "Usual dose.", "", "", "", "Test label"));
            RenalDoseRuleFileException e = failure(f);
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.getMessage()).startsWith(f + " line 7: ")
                    .contains("drugx band CrCl \u226520 mL/min overlaps line 6 (CrCl <30 mL/min)");
        }

        @Test
        void anUnknownSeverityIsRefused() throws IOException {
            Path f = table(row("drugx", "crcl", "", "", "SEVERE", "Avoid.", "", "", "", "Test label"));
            RenalDoseRuleFileException e = failure(f);
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.getMessage()).isEqualTo(f + " line 6: unknown severity 'SEVERE': use LOW, MODERATE or HIGH");
        }

        @Test
        void aLowerCaseSeverityIsRefusedToo() throws IOException {
            Path f = table(row("drugx", "crcl", "", "", "high", "Avoid.", "", "", "", "Test label"));
            assertThat(failure(f).getMessage()).contains("unknown severity 'high'");
        }

        @Test
        void aGapBetweenBandsIsRefused() throws IOException {
            Path f = table(
                    row("drugx", "crcl", "", "30", "HIGH", "Avoid.", "", "", "", "Test label"),
                    row("drugx", "crcl", "40", "", "LOW", "Usual dose.", "", "", "", "Test label"));
            RenalDoseRuleFileException e = failure(f);
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.getMessage()).contains("drugx has no band from 30 to below 40");
        }

        @Test
        void theLowestAndHighestBandsMustBeOpen() throws IOException {
            Path low = table(row("drugx", "crcl", "10", "", "LOW", "Usual dose.", "", "", "", "Test label"));
            assertThat(failure(low).getMessage()).contains("line 6: drugx has no band below 10");
            Path high = table(row("drugx", "crcl", "", "90", "LOW", "Usual dose.", "", "", "", "Test label"));
            assertThat(failure(high).getMessage()).contains("line 6: drugx has no band from 90 up");
        }

        @Test
        void oneDrugUsesOneMeasure() throws IOException {
            Path f = table(
                    row("drugx", "crcl", "", "30", "HIGH", "Avoid.", "", "", "", "Test label"),
                    row("drugx", "egfr", "30", "", "LOW", "Usual dose.", "", "", "", "Test label"));
            RenalDoseRuleFileException e = failure(f);
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.getMessage()).contains("dosed by crcl on line 6 but by egfr here");
        }

        @Test
        void malformedCellsAreNamed() throws IOException {
            assertThat(failure(table(row("drugx", "crcl", "", "<30", "HIGH", "Avoid.", "", "", "", "L")))
                    .getMessage()).contains("line 6: below '<30' is not a number");
            assertThat(failure(table(row("drugx", "gfr", "", "", "HIGH", "Avoid.", "", "", "", "L")))
                    .getMessage()).contains("line 6: measure 'gfr' is neither crcl");
            assertThat(failure(table(row("Drugx", "crcl", "", "", "HIGH", "Avoid.", "", "", "", "L")))
                    .getMessage()).contains("line 6: drug 'Drugx' must be written as the lower-case generic name");
            assertThat(failure(table(row("drugx", "crcl", "45", "30", "HIGH", "Avoid.", "", "", "", "L")))
                    .getMessage()).contains("line 6: from 45 must be lower than below 30");
            assertThat(failure(table(row("drugx", "crcl", "", "", "HIGH", "", "", "", "", "L")))
                    .getMessage()).contains("line 6: advice is empty");
            assertThat(failure(table(row("drugx", "crcl", "", "", "HIGH", "Avoid.", "", "", "", "")))
                    .getMessage()).contains("line 6: source is empty");
            assertThat(failure(table(row("drugx", "crcl", "", "", "LOW", "Dose.", "", "mg", "daily", "L")))
                    .getMessage()).contains("line 6: dose_unit or dose_frequency given without dose_amount");
            assertThat(failure(table(row("drugx", "crcl", "", "", "LOW", "Dose.", "25", "", "daily", "L")))
                    .getMessage()).contains("line 6: dose_amount 25 needs a dose_unit");
            assertThat(failure(table(row("drugx", "crcl", "", "", "LOW", "Dose.", "0", "mg", "daily", "L")))
                    .getMessage()).contains("line 6: dose_amount '0' is not a positive number");
        }

        @Test
        void theHeaderBlockIsRequired() throws IOException {
            Path f = dir.resolve("noversion.tsv");
            Files.write(f, List.of("# date: 2025-01-31", "# reviewed-by: nobody", HEADER_ROW,
                    row("drugx", "crcl", "", "", "LOW", "Usual dose.", "", "", "", "L")), StandardCharsets.UTF_8);
            assertThat(failure(f).getMessage()).isEqualTo(f + " line 3: missing '# version: ...' line in the header "
                    + "block before the header row");

            Path badDate = dir.resolve("baddate.tsv");
            Files.write(badDate, List.of("# version: 1", "# date: 31/01/2025", "# reviewed-by: nobody", HEADER_ROW,
                    row("drugx", "crcl", "", "", "LOW", "Usual dose.", "", "", "", "L")), StandardCharsets.UTF_8);
            assertThat(failure(badDate).getMessage()).contains("line 4: header date '31/01/2025' is not a date");

            Path twice = dir.resolve("twice.tsv");
            Files.write(twice, List.of("# version: 1", "# version: 2"), StandardCharsets.UTF_8);
            assertThat(failure(twice).getMessage()).contains("line 2: header key 'version' is given twice");
        }

        @Test
        void theHeaderRowMustNameTheColumns() throws IOException {
            Path f = dir.resolve("columns.tsv");
            Files.write(f, List.of("# version: 1", "# date: 2025-01-31", "# reviewed-by: nobody",
                    "drug\tmeasure\tlow\thigh"), StandardCharsets.UTF_8);
            RenalDoseRuleFileException e = failure(f);
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.getMessage()).contains("header row must be").contains("found drug, measure, low, high");
        }

        @Test
        void aTableWithoutRulesIsRefused() throws IOException {
            assertThat(failure(table()).getMessage()).contains("the table has no rules");
        }

        @Test
        void aMissingFileIsAnIoError() {
            assertThatThrownBy(() -> RenalDoseRules.load(dir.resolve("absent.tsv")))
                    .isInstanceOf(NoSuchFileException.class);
        }

        @Test
        void windowsLineEndsAndAByteOrderMarkAreAccepted() throws IOException {
            Path f = dir.resolve("excel.tsv");
            String text = "\uFEFF# version: 2\r\n# date: 2025-01-31\r\n# reviewed-by: nobody\r\n" + HEADER_ROW + "\r\n"
                    + row("drugx", "egfr", "", "", "LOW", "Usual dose.", "", "", "", "L") + "\r\n";
            Files.writeString(f, text, StandardCharsets.UTF_8);
            RenalDoseRules t = RenalDoseRules.load(f);
            assertThat(t.version()).isEqualTo("2");
            assertThat(t.check("drugx", NONE, OptionalDouble.of(50)).orElseThrow().source()).isEqualTo("L");
        }
    }
}
