package org.outpost.app.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.outpost.app.dosing.DoseLimitAdvice.Verdict;
import org.outpost.app.model.Severity;

/**
 * The dose-limit check on the bundled table: every verdict, unit conversion, frequencies, weight- and BSA-based
 * doses and routes. The limits each test relies on are quoted from the label section the table row cites.
 */
class DoseLimitsTest {
    private static final OptionalDouble NONE = OptionalDouble.empty();
    private final DoseLimits table = DoseLimits.bundled();

    private DoseLimitAdvice oral(String drug, double amount, String unit, String frequency) {
        return table.check(drug, amount, unit, frequency, "oral", NONE, NONE).orElseThrow();
    }

    private DoseLimitAdvice perKg(String drug, String route, double amount, String frequency, double kg) {
        return table.check(drug, amount, "mg", frequency, route, OptionalDouble.of(kg), NONE).orElseThrow();
    }

    private DoseLimitAdvice perM2(String drug, String route, double amount, String frequency, double m2) {
        return table.check(drug, amount, "mg", frequency, route, NONE, OptionalDouble.of(m2)).orElseThrow();
    }

    @Nested
    class Clopidogrel {
        // PLAVIX US PI, 2.1: "initiate PLAVIX with a single 300 mg oral loading dose and then continue at 75 mg once
        // daily"; the 2011 ACCF/AHA/SCAI PCI guideline gives a 600 mg loading dose: maximum single and daily 600 mg.

        @Test
        void theMaintenanceDoseIsWithinTheUsualDoseAndRaisesNoAlert() {
            DoseLimitAdvice a = oral("clopidogrel", 75, "mg", "once daily");
            assertThat(a.verdict()).isEqualTo(Verdict.WITHIN_USUAL);
            assertThat(a.alert()).isFalse();
            assertThat(a.severity()).isEqualTo(Severity.LOW);
            assertThat(a.checked()).isTrue();
            assertThat(a.singleDose()).hasValue(75);
            assertThat(a.dailyDose()).hasValue(75);
            assertThat(a.doseUnit()).isEqualTo("mg");
            assertThat(a.source()).startsWith("PLAVIX US PI, 2");
            assertThat(a.recommendation().source()).isEqualTo(a.source());
            assertThat(a.tableVersion()).isEqualTo("1.0.0");
            assertThat(a.limit()).get().extracting(DoseLimit::drug).isEqualTo("clopidogrel");
        }

        @Test
        void sevenThousandFiveHundredMgIsRefusedNamingTheMaximumAndTheSlip() {
            DoseLimitAdvice a = oral("clopidogrel", 7500, "mg", "once daily");
            assertThat(a.verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(a.refused()).isTrue();
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.text())
                    .startsWith("clopidogrel 7500 mg is 12.5 times the maximum single dose of 600 mg (PLAVIX US PI, 2")
                    .contains("): refused — check the amount and unit.")
                    .contains("Likely slip: 75 mg would be a usual dose — two extra zeros or a misplaced decimal point?");
        }

        @Test
        void aLoadingDoseIsAboveTheUsualDoseButNotTheMaximum() {
            for (double load : new double[] {300, 600}) {
                DoseLimitAdvice a = oral("clopidogrel", load, "mg", "once daily");
                assertThat(a.verdict()).as(load + " mg").isEqualTo(Verdict.OUTSIDE_USUAL);
                assertThat(a.severity()).as(load + " mg").isEqualTo(Severity.MODERATE);
                assertThat(a.needsOverrideReason()).isFalse();
                assertThat(a.text()).contains("above the usual single dose of 75 mg")
                        .contains("not above the maximum of 600 mg per dose and 600 mg a day")
                        .contains("Note: Maintenance 75 mg once daily. Loading dose");
            }
        }

        @Test
        void justAboveTheMaximumNeedsAnOverrideReason() {
            DoseLimitAdvice a = oral("clopidogrel", 601, "mg", "once daily");
            assertThat(a.verdict()).isEqualTo(Verdict.ABOVE_MAXIMUM);
            assertThat(a.needsOverrideReason()).isTrue();
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
        }

        @Test
        void tenTimesTheMaximumIsRefusedAndJustBelowItIsAboveTheMaximum() {
            assertThat(oral("clopidogrel", 6000, "mg", "once daily").verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(oral("clopidogrel", 5999, "mg", "once daily").verdict()).isEqualTo(Verdict.ABOVE_MAXIMUM);
        }

        @Test
        void seventyFiveTwiceDailyIsAboveTheUsualDailyDose() {
            DoseLimitAdvice a = oral("clopidogrel", 75, "mg", "twice daily");
            assertThat(a.verdict()).isEqualTo(Verdict.OUTSIDE_USUAL);
            assertThat(a.dailyDose()).hasValue(150);
            assertThat(a.text()).startsWith("clopidogrel 75 mg twice daily (150 mg a day) is above the usual daily "
                    + "dose of 75 mg");
        }
    }

    @Nested
    class Simvastatin {
        // ZOCOR US PI, 2: usual range 5 to 40 mg a day; 80 mg restricted since the June 2011 FDA labeling change to
        // patients who have taken it for 12 months or more without muscle toxicity: the table's maximum is 40 mg.

        @Test
        void eightyMgIsAboveTheMaximumAndNeedsAnOverrideReason() {
            DoseLimitAdvice a = oral("simvastatin", 80, "mg", "once daily");
            assertThat(a.verdict()).isEqualTo(Verdict.ABOVE_MAXIMUM);
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.needsOverrideReason()).isTrue();
            assertThat(a.refused()).isFalse();
            assertThat(a.text()).startsWith("simvastatin 80 mg once daily is above the maximum single dose of 40 mg "
                            + "and the maximum daily dose of 40 mg (ZOCOR US PI, 2")
                    .contains("give a reason to override this alert")
                    .contains("12 months or more without muscle toxicity");
        }

        @Test
        void fortyMgIsWithinTheUsualDose() {
            assertThat(oral("simvastatin", 40, "mg", "once daily").verdict()).isEqualTo(Verdict.WITHIN_USUAL);
        }

        @Test
        void fourHundredMgIsTenTimesTheMaximumAndRefused() {
            DoseLimitAdvice a = oral("simvastatin", 400, "mg", "once daily");
            assertThat(a.verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(a.text()).startsWith("simvastatin 400 mg is 10 times the maximum single dose of 40 mg");
            // a misplaced zero: 40 mg is a usual dose
            assertThat(a.text()).contains("Likely slip: 40 mg would be a usual dose — an extra zero");
            assertThat(oral("simvastatin", 399, "mg", "once daily").verdict()).isEqualTo(Verdict.ABOVE_MAXIMUM);
        }
    }

    @Nested
    class UnitSlips {
        // COUMADIN US PI, 2: most patients are maintained at 2 to 10 mg daily.
        @Test
        void warfarinFiveThousandMicrogramsIsFiveMgAndWithinTheUsualDose() {
            DoseLimitAdvice a = oral("warfarin", 5000, "mcg", "once daily");
            assertThat(a.verdict()).isEqualTo(Verdict.WITHIN_USUAL);
            assertThat(a.singleDose()).hasValue(5);
            assertThat(a.doseUnit()).isEqualTo("mg");
            assertThat(a.text()).startsWith("warfarin 5000 mcg once daily (5 mg per dose) is within the usual dose");
        }

        @Test
        void microgramsMayBeWrittenWithTheMicroSign() {
            assertThat(oral("warfarin", 5000, "\u00b5g", "once daily").singleDose()).hasValue(5);
            assertThat(oral("warfarin", 0.005, "g", "once daily").singleDose().getAsDouble()).isCloseTo(5, within(1e-9));
        }

        @Test
        void warfarinFiveThousandMgIsRefusedAsAMcgSlip() {
            DoseLimitAdvice a = oral("warfarin", 5000, "mg", "once daily");
            assertThat(a.verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(a.text()).startsWith("warfarin 5000 mg is 500 times the maximum single dose of 10 mg (COUMADIN")
                    .contains("Likely slip: 5000 mcg (5 mg) would be a usual dose — mg typed instead of mcg?");
        }

        // KEPPRA US PI, 2: 500 mg twice daily to start (the lowest usual single dose); 1/100 of it is 5 mg.
        @Test
        void levetiracetamFiveHundredMicrogramsIsBelowAHundredthOfTheUsualDoseAndRefused() {
            DoseLimitAdvice a = oral("levetiracetam", 500, "mcg", "twice daily");
            assertThat(a.verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.singleDose()).hasValue(0.5);
            assertThat(a.text()).startsWith("levetiracetam 500 mcg (0.5 mg) is below 1/100 of the lowest usual single "
                            + "dose of 500 mg (KEPPRA US PI, 2")
                    .contains("refused — check the amount and unit")
                    .contains("Likely slip: 500 mg would be a usual dose — mcg typed instead of mg?");
        }

        @Test
        void exactlyAHundredthOfTheLowestUsualDoseIsNotRefused() {
            DoseLimitAdvice at = oral("levetiracetam", 5, "mg", "twice daily");
            assertThat(at.verdict()).isEqualTo(Verdict.OUTSIDE_USUAL);
            assertThat(at.severity()).isEqualTo(Severity.LOW);
            assertThat(oral("levetiracetam", 4.99, "mg", "twice daily").verdict()).isEqualTo(Verdict.REFUSED);
        }

        @Test
        void gramsForMilligramsIsRefusedWithTheSlip() {
            DoseLimitAdvice a = oral("levetiracetam", 500, "g", "twice daily");
            assertThat(a.verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(a.text()).contains("Likely slip: 500 mg would be a usual dose — g typed instead of mg?");
        }

        @Test
        void gramsThatAreAUsualDoseAreAccepted() {
            // FLAGYL US PI: trichomoniasis, 2 g as a single dose (the maximum single dose)
            DoseLimitAdvice a = oral("metronidazole", 2, "g", "once daily");
            assertThat(a.verdict()).isEqualTo(Verdict.OUTSIDE_USUAL);
            assertThat(a.singleDose()).hasValue(2000);
        }

        @Test
        void unitsForADrugDosedByMassAreRefused() {
            DoseLimitAdvice a = oral("clopidogrel", 75, "units", "once daily");
            assertThat(a.verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(a.text()).startsWith("clopidogrel 75 units: refused — clopidogrel is dosed in mg, never in units");
            assertThat(a.singleDose()).isEmpty();
            assertThat(a.doseUnit()).isEmpty();
        }

        @Test
        void aDoseInMillilitresCannotBeChecked() {
            DoseLimitAdvice a = oral("ibuprofen", 10, "mL", "three times daily");
            assertThat(a.verdict()).isEqualTo(Verdict.NOT_CHECKED);
            assertThat(a.checked()).isFalse();
            assertThat(a.alert()).isTrue();
            assertThat(a.severity()).isEqualTo(Severity.LOW);
            assertThat(a.text()).startsWith("dose in mL cannot be checked against the table");
            assertThat(oral("ibuprofen", 10, "ml", "three times daily").verdict()).isEqualTo(Verdict.NOT_CHECKED);
        }

        @Test
        void anUnknownUnitIsNotCheckedAndSaysWhichUnitsWork() {
            DoseLimitAdvice a = oral("clopidogrel", 1, "tablet", "once daily");
            assertThat(a.verdict()).isEqualTo(Verdict.NOT_CHECKED);
            assertThat(a.severity()).isEqualTo(Severity.MODERATE);
            assertThat(a.text()).isEqualTo("unit 'tablet' cannot be checked against the table: write the clopidogrel "
                    + "dose in mg, mcg or g");
        }

        @Test
        void anAmountThatIsNotADoseIsRefused() {
            for (double bad : new double[] {0, -5, Double.NaN, Double.POSITIVE_INFINITY}) {
                DoseLimitAdvice a = oral("warfarin", bad, "mg", "once daily");
                assertThat(a.verdict()).as(Double.toString(bad)).isEqualTo(Verdict.REFUSED);
                assertThat(a.text()).as(Double.toString(bad)).contains("is not a dose");
            }
        }
    }

    @Nested
    class Frequencies {
        // GLUCOPHAGE US PI, 2: up to 2550 mg a day in divided doses.
        @Test
        void fourTimesDailyCountsFourDosesAgainstTheDailyMaximum() {
            DoseLimitAdvice a = oral("metformin", 1000, "mg", "four times daily");
            assertThat(a.verdict()).isEqualTo(Verdict.ABOVE_MAXIMUM);
            assertThat(a.dailyDose()).hasValue(4000);
            assertThat(a.text()).startsWith("metformin 1000 mg four times daily (4000 mg a day) is above the maximum "
                    + "daily dose of 2550 mg (GLUCOPHAGE");
            // 1000 mg a dose is not above the single-dose maximum (2000 mg, GLUCOPHAGE XR once daily)
            assertThat(a.text().substring(0, a.text().indexOf(" Note:"))).doesNotContain("maximum single dose");
        }

        @Test
        void tenTimesTheDailyMaximumIsRefused() {
            DoseLimitAdvice a = oral("metformin", 10000, "mg", "four times daily");
            assertThat(a.verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(a.text()).startsWith("metformin 10000 mg four times daily is 40000 mg a day, 15.7 times the "
                    + "maximum daily dose of 2550 mg").contains("check the amount, unit and frequency");
        }

        // NEURONTIN US PI, 2: 300 to 600 mg three times a day; 3600 mg a day given to a small number of patients.
        @Test
        void everyEightHoursIsThreeDoses() {
            DoseLimitAdvice atMax = oral("gabapentin", 1200, "mg", "every 8 hours");
            assertThat(atMax.dailyDose()).hasValue(3600);
            assertThat(atMax.verdict()).isEqualTo(Verdict.OUTSIDE_USUAL);
            assertThat(atMax.severity()).isEqualTo(Severity.MODERATE);
            DoseLimitAdvice over = oral("gabapentin", 1300, "mg", "every 8 hours");
            assertThat(over.verdict()).isEqualTo(Verdict.ABOVE_MAXIMUM);
            assertThat(over.text()).contains("(3900 mg a day)").contains("the maximum daily dose of 3600 mg");
            assertThat(oral("gabapentin", 300, "mg", "three times daily").verdict()).isEqualTo(Verdict.WITHIN_USUAL);
        }

        // ELIQUIS US PI, 2: 10 mg twice daily for the first 7 days of DVT/PE treatment (20 mg a day).
        @Test
        void everyTwelveHoursIsTwoDoses() {
            DoseLimitAdvice a = oral("apixaban", 10, "mg", "every 12 hours");
            assertThat(a.dailyDose()).hasValue(20);
            assertThat(a.verdict()).isEqualTo(Verdict.OUTSIDE_USUAL);
            assertThat(oral("apixaban", 15, "mg", "every 12 hours").verdict()).isEqualTo(Verdict.ABOVE_MAXIMUM);
            assertThat(oral("apixaban", 5, "mg", "every 12 hours").verdict()).isEqualTo(Verdict.WITHIN_USUAL);
        }

        // ULTRAM US PI, 2: 50 to 100 mg every 4 to 6 hours as needed, not more than 400 mg a day; ULTRAM ER 300 mg.
        @Test
        void asNeededChecksTheSingleDoseAndSaysTheDailyTotalIsUnknown() {
            DoseLimitAdvice a = oral("tramadol", 100, "mg", "as needed");
            assertThat(a.verdict()).isEqualTo(Verdict.WITHIN_USUAL);
            assertThat(a.dailyDose()).isEmpty();
            assertThat(a.singleDose()).hasValue(100);
            assertThat(a.text()).contains("Taken as needed, the daily total is unknown: do not exceed 400 mg a day.");
            assertThat(oral("tramadol", 150, "mg", "as needed").verdict()).isEqualTo(Verdict.OUTSIDE_USUAL);
            DoseLimitAdvice over = oral("tramadol", 400, "mg", "as needed");
            assertThat(over.verdict()).isEqualTo(Verdict.ABOVE_MAXIMUM);
            assertThat(over.text()).contains("the maximum single dose of 300 mg").contains("daily total is unknown");
        }

        @Test
        void anUnknownFrequencyChecksTheSingleDoseAndSaysSo() {
            DoseLimitAdvice a = oral("gabapentin", 300, "mg", "q8h");
            assertThat(a.verdict()).isEqualTo(Verdict.WITHIN_USUAL);
            assertThat(a.dailyDose()).isEmpty();
            assertThat(a.text()).contains("The frequency 'q8h' is not one the table knows, so only the single dose "
                    + "was checked: do not exceed 3600 mg a day.");
            assertThat(table.check("gabapentin", 300, "mg", null, "oral", NONE, NONE).orElseThrow().text())
                    .contains("No frequency given, so only the single dose was checked");
        }

        @Test
        void onceWeeklyCountsASeventhOfTheDoseEachDay() {
            // aspirin professional labeling: 50 to 325 mg once a day; 81 mg once a week is 11.6 mg a day
            DoseLimitAdvice a = oral("aspirin", 81, "mg", "once weekly");
            assertThat(a.verdict()).isEqualTo(Verdict.OUTSIDE_USUAL);
            assertThat(a.severity()).isEqualTo(Severity.LOW);
            assertThat(a.dailyDose().getAsDouble()).isCloseTo(81.0 / 7, within(1e-9));
            assertThat(a.text()).contains("below the usual daily dose of 50 to 3900 mg");
        }

        @Test
        void frequenciesAreReadAsOrdersWriteThem() {
            assertThat(oral("atorvastatin", 40, "mg", "Once daily with the evening meal").dailyDose()).hasValue(40);
            assertThat(oral("ibuprofen", 400, "mg", "every 6 hours").dailyDose()).hasValue(1600);
            assertThat(oral("ibuprofen", 400, "mg", "every 6 hours as needed").dailyDose()).isEmpty();
        }
    }

    @Nested
    class BodySize {
        // IMURAN US PI: renal homotransplantation, initial dose usually 3 to 5 mg/kg daily, maintenance 1 to 3 mg/kg.
        @Test
        void aWeightBasedDoseIsDividedByTheWeight() {
            DoseLimitAdvice a = perKg("azathioprine", "oral", 150, "once daily", 70);
            assertThat(a.verdict()).isEqualTo(Verdict.WITHIN_USUAL);
            assertThat(a.doseUnit()).isEqualTo("mg/kg");
            assertThat(a.singleDose().getAsDouble()).isCloseTo(150.0 / 70, within(1e-9));
            assertThat(a.text()).startsWith("azathioprine 150 mg once daily (2.14 mg/kg per dose at 70 kg)");
        }

        @Test
        void aboveFiveMgPerKgIsAboveTheMaximum() {
            DoseLimitAdvice a = perKg("azathioprine", "oral", 500, "once daily", 70);
            assertThat(a.verdict()).isEqualTo(Verdict.ABOVE_MAXIMUM);
            assertThat(a.text()).contains("the maximum single dose of 5 mg/kg");
        }

        @Test
        void tenTimesTheMaximumPerKgIsRefused() {
            DoseLimitAdvice a = perKg("azathioprine", "oral", 3500, "once daily", 70);
            assertThat(a.verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(a.text()).startsWith("azathioprine 3500 mg (50 mg/kg at 70 kg) is 10 times the maximum single "
                    + "dose of 5 mg/kg (IMURAN");
        }

        @Test
        void withoutTheWeightTheDoseCannotBeCheckedAndTheNoteSaysSo() {
            DoseLimitAdvice a = table.check("azathioprine", 150, "mg", "once daily", "oral", NONE, NONE).orElseThrow();
            assertThat(a.verdict()).isEqualTo(Verdict.NOT_CHECKED);
            assertThat(a.severity()).isEqualTo(Severity.MODERATE);
            assertThat(a.text()).startsWith("cannot check: weight needed — the azathioprine limits are in mg/kg");
            // a body surface area does not stand in for a weight
            DoseLimitAdvice bsaOnly = table.check("azathioprine", 150, "mg", "once daily", "oral", NONE,
                    OptionalDouble.of(1.8)).orElseThrow();
            assertThat(bsaOnly.verdict()).isEqualTo(Verdict.NOT_CHECKED);
        }

        @Test
        void anUnusableWeightCountsAsMissing() {
            for (double bad : new double[] {0, -70, Double.NaN}) {
                assertThat(perKg("enoxaparin", "subcutaneous", 80, "twice daily", bad).verdict()).as(bad + " kg")
                        .isEqualTo(Verdict.NOT_CHECKED);
            }
            assertThat(table.check("enoxaparin", 80, "mg", "twice daily", "subcutaneous", null, null).orElseThrow()
                    .text()).startsWith("cannot check: weight needed");
        }

        // LOVENOX US PI, 2: 1 mg/kg every 12 hours or 1.5 mg/kg once a day; prophylaxis 40 mg once a day.
        @Test
        void enoxaparinTreatmentAndProphylaxisDosesAreWithinTheUsualRange() {
            assertThat(perKg("enoxaparin", "subcutaneous", 80, "every 12 hours", 80).verdict())
                    .isEqualTo(Verdict.WITHIN_USUAL);
            assertThat(perKg("enoxaparin", "subcutaneous", 120, "once daily", 80).verdict())
                    .isEqualTo(Verdict.WITHIN_USUAL);
            assertThat(perKg("enoxaparin", "subcutaneous", 40, "once daily", 80).verdict())
                    .isEqualTo(Verdict.WITHIN_USUAL);
            DoseLimitAdvice twiceTheTreatmentDose = perKg("enoxaparin", "subcutaneous", 160, "every 12 hours", 80);
            assertThat(twiceTheTreatmentDose.verdict()).isEqualTo(Verdict.ABOVE_MAXIMUM);
            assertThat(twiceTheTreatmentDose.text()).contains("the maximum single dose of 1.5 mg/kg")
                    .contains("the maximum daily dose of 2 mg/kg");
        }

        // XELODA US PI, 2: 1,250 mg/m2 twice daily; the label's dosing table gives 2300 mg a dose for a body surface
        // area of 1.78 to 1.91 m2, which at 1.78 m2 is 1292 mg/m2: within the table's 10% rounding allowance.
        @Test
        void aBsaBasedDoseIsDividedByTheBodySurfaceAreaWithTheRoundingAllowance() {
            DoseLimitAdvice a = perM2("capecitabine", "oral", 2300, "twice daily", 1.78);
            assertThat(a.verdict()).isEqualTo(Verdict.WITHIN_USUAL);
            assertThat(a.doseUnit()).isEqualTo("mg/m\u00b2");
            assertThat(a.singleDose().getAsDouble()).isCloseTo(2300 / 1.78, within(1e-9));
            assertThat(a.text()).contains("(1292 mg/m\u00b2 per dose at 1.78 m\u00b2; 2584 mg/m\u00b2 a day)")
                    .contains("no more than its 10% allowance for rounding");
            DoseLimitAdvice over = perM2("capecitabine", "oral", 3000, "twice daily", 1.78);
            assertThat(over.verdict()).isEqualTo(Verdict.ABOVE_MAXIMUM);
            assertThat(over.text()).contains("the maximum single dose of 1250 mg/m\u00b2");
        }

        @Test
        void withoutTheBodySurfaceAreaTheDoseCannotBeChecked() {
            DoseLimitAdvice a = table.check("fluorouracil", 720, "mg", "once daily", "intravenous",
                    OptionalDouble.of(70), NONE).orElseThrow();
            assertThat(a.verdict()).isEqualTo(Verdict.NOT_CHECKED);
            assertThat(a.severity()).isEqualTo(Severity.MODERATE);
            assertThat(a.text()).startsWith("cannot check: body surface area needed — the fluorouracil limits are in "
                    + "mg/m\u00b2");
        }

        // Fluorouracil Injection US PI 2016, 2: 400 mg/m2 IV bolus on day 1.
        @Test
        void aFluorouracilBolusIsWithinTheUsualDose() {
            assertThat(perM2("fluorouracil", "intravenous", 720, "once daily", 1.8).verdict())
                    .isEqualTo(Verdict.WITHIN_USUAL);
        }

        // TABLOID US PI: about 2 mg/kg a day, cautiously up to 3 mg/kg a day.
        @Test
        void thioguanineIsCheckedPerKilogram() {
            assertThat(perKg("thioguanine", "oral", 140, "once daily", 70).verdict()).isEqualTo(Verdict.WITHIN_USUAL);
            assertThat(perKg("thioguanine", "oral", 280, "once daily", 70).verdict())
                    .isEqualTo(Verdict.ABOVE_MAXIMUM);
        }
    }

    @Nested
    class Routes {
        @Test
        void aRouteWithoutARowIsNotCheckedInsteadOfUsingAnotherRoutesLimits() {
            // topical diclofenac gel is dosed in grams of gel: checking it against oral mg limits would refuse it
            DoseLimitAdvice a = table.check("diclofenac", 4, "g", "four times daily", "topical", NONE, NONE)
                    .orElseThrow();
            assertThat(a.verdict()).isEqualTo(Verdict.NOT_CHECKED);
            assertThat(a.severity()).isEqualTo(Severity.LOW);
            assertThat(a.limit()).isEmpty();
            assertThat(a.text()).isEqualTo("no topical dose limits for diclofenac in the table (it has oral): the dose "
                    + "was not checked against a maximum");
            assertThat(a.source()).isEqualTo("Outpost dose limits 1.0.0");
        }

        @Test
        void eachRouteHasItsOwnLimits() {
            // NEXTERONE US PI, 2: 720 mg per 24 hours intravenously; PACERONE US PI, 2: maintenance 400 mg a day
            assertThat(table.check("amiodarone", 720, "mg", "once daily", "intravenous", NONE, NONE).orElseThrow()
                    .verdict()).isEqualTo(Verdict.WITHIN_USUAL);
            assertThat(oral("amiodarone", 720, "mg", "once daily").verdict()).isEqualTo(Verdict.OUTSIDE_USUAL);
        }

        @Test
        void noRouteMeansOral() {
            DoseLimitAdvice a = table.check("warfarin", 5, "mg", "once daily", null, NONE, NONE).orElseThrow();
            assertThat(a.route()).isEqualTo("oral");
            assertThat(table.check("warfarin", 5, "mg", "once daily", " ", NONE, NONE).orElseThrow().route())
                    .isEqualTo("oral");
            assertThat(table.limit("warfarin", null)).isPresent();
        }

        @Test
        void enoxaparinByMouthIsNotCheckedAgainstItsSubcutaneousLimits() {
            DoseLimitAdvice a = oral("enoxaparin", 40, "mg", "once daily");
            assertThat(a.verdict()).isEqualTo(Verdict.NOT_CHECKED);
            assertThat(a.text()).contains("(it has subcutaneous)");
        }
    }

    @Nested
    class DrugNames {
        @Test
        void aDrugNotInTheTableGivesNothing() {
            assertThat(table.check("amoxicillin", 500, "mg", "three times daily", "oral", NONE, NONE)).isEmpty();
            assertThat(table.check(null, 500, "mg", "three times daily", "oral", NONE, NONE)).isEmpty();
            assertThat(table.covers("amoxicillin")).isFalse();
            assertThat(table.covers(null)).isFalse();
            assertThat(table.limits("amoxicillin")).isEmpty();
            assertThat(table.limits(null)).isEmpty();
            assertThat(table.limit(null, "oral")).isEmpty();
        }

        @Test
        void caseAndSurroundingSpacesAreIgnored() {
            DoseLimitAdvice a = table.check(" Clopidogrel ", 75, "MG", "Once Daily", "ORAL", NONE, NONE).orElseThrow();
            assertThat(a.drug()).isEqualTo("clopidogrel");
            assertThat(a.verdict()).isEqualTo(Verdict.WITHIN_USUAL);
            assertThat(table.covers("WARFARIN")).isTrue();
        }
    }

    @Property
    void aDoseTenTimesTheMaximumOrMoreIsAlwaysRefused(@ForAll("rows") DoseLimit row,
                                                      @ForAll @DoubleRange(min = 10, max = 1000) double times) {
        OptionalDouble one = OptionalDouble.of(1);
        DoseLimitAdvice a = DoseLimits.bundled().check(row.drug(), row.maxSingle() * times, row.unit(), "as needed",
                row.route(), one, one).orElseThrow();
        assertThat(a.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
    }

    @Property
    void aSingleDoseFromTheLowestUsualToTheMaximumIsNeverRefusedNorAboveTheMaximum(
            @ForAll("rows") DoseLimit row, @ForAll @DoubleRange(min = 0, max = 1) double where) {
        OptionalDouble one = OptionalDouble.of(1);
        double low = row.usualSingle().low();
        double amount = low + where * (row.maxSingle() - low);
        DoseLimitAdvice a = DoseLimits.bundled().check(row.drug(), amount, row.unit(), "as needed", row.route(), one,
                one).orElseThrow();
        assertThat(a.verdict()).isIn(Verdict.WITHIN_USUAL, Verdict.OUTSIDE_USUAL);
        assertThat(a.severity()).isNotEqualTo(Severity.HIGH);
    }

    @Provide
    Arbitrary<DoseLimit> rows() {
        DoseLimits t = DoseLimits.bundled();
        return Arbitraries.of(t.drugs().stream().flatMap(d -> t.limits(d).stream()).toList());
    }
}
