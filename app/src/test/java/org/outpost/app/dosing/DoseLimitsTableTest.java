package org.outpost.app.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.dosing.DoseLimit.Basis;

/**
 * The bundled dose-limit table, row by row, against the label (or guideline) text it cites. Each expected row below
 * is transcribed here, independently of the table file, from the source quoted in its comment: the route, basis and
 * unit, the usual single and daily ranges and the maximum single and daily doses. Where a label gives no maximum, the
 * comment says which labelled dose stands in for one (the table's comment column says the same).
 */
class DoseLimitsTableTest {
    private final DoseLimits table = DoseLimits.bundled();

    /** The drugs of issue 11: every drug the app knows, by name. */
    static final List<String> KNOWN_DRUGS = List.of("azathioprine", "mercaptopurine", "thioguanine", "fluorouracil",
            "capecitabine", "clopidogrel", "prasugrel", "ticagrelor", "codeine", "tramadol", "simvastatin",
            "atorvastatin", "rosuvastatin", "warfarin", "apixaban", "rivaroxaban", "dabigatran", "edoxaban", "metformin",
            "nitrofurantoin", "gabapentin", "enoxaparin", "spironolactone", "levetiracetam", "sitagliptin", "amiodarone",
            "omeprazole", "esomeprazole", "allopurinol", "febuxostat", "fluconazole", "metronidazole", "aspirin",
            "ibuprofen", "naproxen", "diclofenac");

    /** One expected row: usual single low–high, usual daily low–high, maximum single and daily. */
    record Expected(String drug, String route, Basis basis, String unit, double singleLow, double singleHigh,
                    double dailyLow, double dailyHigh, double maxSingle, double maxDaily, String sourceStartsWith) {
        @Override
        public String toString() {
            return drug + " " + route;
        }
    }

    private static Expected mg(String drug, String route, double sl, double sh, double dl, double dh, double ms,
                               double md, String source) {
        return new Expected(drug, route, Basis.ABSOLUTE, "mg", sl, sh, dl, dh, ms, md, source);
    }

    static Stream<Expected> rows() {
        return Stream.of(
                // IMURAN US PI, Dosage and Administration: renal homotransplantation "The initial dose is usually 3 to
                // 5 mg/kg daily ... usually given as a single daily dose ... maintenance levels of 1 to 3 mg/kg daily";
                // rheumatoid arthritis "approximately 1.0 mg/kg (50 to 100 mg) given as a single dose or on a
                // twice-daily schedule" (0.5 mg/kg a dose), raised to at most 2.5 mg/kg a day. No single-dose maximum:
                // the highest labelled daily dose, 5 mg/kg, given once, stands in.
                new Expected("azathioprine", "oral", Basis.PER_KG, "mg", 0.5, 3, 1, 3, 5, 5, "IMURAN US PI"),
                // PURIXAN US PI, 2: "The recommended starting dose of PURIXAN is 1.5 to 2.5 mg/kg (50 to 75 mg/m2)
                // orally once daily". No maximum: 2.5 mg/kg, the highest labelled dose.
                new Expected("mercaptopurine", "oral", Basis.PER_KG, "mg", 1.5, 2.5, 1.5, 2.5, 2.5, 2.5, "PURIXAN US PI, 2"),
                // TABLOID US PI, Dosage and Administration: "the usual initial dosage for pediatric patients and adults
                // is approximately 2 mg/kg of body weight per day. If, after 4 weeks ... the dosage may be cautiously
                // increased to 3 mg/kg per day. The total daily dose may be given at one time." No maximum: 3 mg/kg.
                new Expected("thioguanine", "oral", Basis.PER_KG, "mg", 1, 3, 2, 3, 3, 3, "TABLOID US PI"),
                // Fluorouracil Injection US PI 2016, 2: colorectal, 400 mg/m2 IV bolus on day 1, then 2400 to 3000
                // mg/m2 as a continuous infusion over 46 hours every 2 weeks; gastric, 200 to 1000 mg/m2 as a
                // continuous infusion over 24 hours. No maximum: 3000 mg/m2, the highest labelled administration.
                new Expected("fluorouracil", "intravenous", Basis.PER_M2, "mg", 200, 3000, 200, 3000, 3000, 3000,
                        "Fluorouracil Injection US PI 2016, 2"),
                // XELODA US PI, 2: single agent "1,250 mg/m2 orally twice daily for the first 14 days of each 21-day
                // cycle"; rectal cancer "825 mg/m2 orally twice daily when administered with concomitant radiation".
                new Expected("capecitabine", "oral", Basis.PER_M2, "mg", 825, 1250, 1650, 2500, 1250, 2500,
                        "XELODA US PI, 2"),
                // PLAVIX US PI, 2.1: "initiate PLAVIX with a single 300 mg oral loading dose and then continue at
                // 75 mg once daily"; 600 mg loading before PCI: 2011 ACCF/AHA/SCAI PCI guideline.
                mg("clopidogrel", "oral", 75, 75, 75, 75, 600, 600, "PLAVIX US PI, 2"),
                // EFFIENT US PI, 2: a single 60 mg loading dose, then 10 mg once daily; consider 5 mg once daily
                // below 60 kg.
                mg("prasugrel", "oral", 5, 10, 5, 10, 60, 60, "EFFIENT US PI, 2"),
                // BRILINTA US PI, 2: a 180 mg loading dose, then 90 mg twice daily for the first year, then 60 mg
                // twice daily.
                mg("ticagrelor", "oral", 60, 90, 120, 180, 180, 180, "BRILINTA US PI, 2"),
                // Codeine Sulfate Tablets US PI, 2: 15 mg to 60 mg every 4 hours as needed; at most 360 mg in 24
                // hours.
                mg("codeine", "oral", 15, 60, 15, 360, 60, 360, "Codeine Sulfate Tablets US PI, 2"),
                // ULTRAM US PI, 2: 50 mg to 100 mg every 4 to 6 hours as needed, not more than 400 mg a day, after a
                // titration from 25 mg a day; ULTRAM ER US PI, 2: up to 300 mg once daily (no single-dose maximum in
                // ULTRAM: the extended-release 300 mg stands in).
                mg("tramadol", "oral", 25, 100, 25, 400, 300, 400, "ULTRAM US PI, 2"),
                // ZOCOR US PI, 2: usual range 5 to 40 mg a day; since the FDA labeling change of June 2011 the 80 mg
                // dose is restricted to patients who have taken it for 12 months or more without muscle toxicity.
                mg("simvastatin", "oral", 5, 40, 5, 40, 40, 40, "ZOCOR US PI, 2"),
                // LIPITOR US PI, 2: 10 to 80 mg once daily.
                mg("atorvastatin", "oral", 10, 80, 10, 80, 80, 80, "LIPITOR US PI, 2"),
                // CRESTOR US PI, 2: 5 to 40 mg once daily.
                mg("rosuvastatin", "oral", 5, 40, 5, 40, 40, 40, "CRESTOR US PI, 2"),
                // COUMADIN US PI, 2: initial dose usually 2 to 5 mg once daily; most patients are maintained at 2 to
                // 10 mg daily. No maximum: 10 mg, the highest labelled dose.
                mg("warfarin", "oral", 2, 10, 2, 10, 10, 10, "COUMADIN US PI, 2"),
                // ELIQUIS US PI, 2: 5 mg twice daily; 2.5 mg twice daily (dose reduction, hip or knee replacement,
                // reducing recurrence); DVT/PE treatment 10 mg twice daily for the first 7 days.
                mg("apixaban", "oral", 2.5, 5, 5, 10, 10, 20, "ELIQUIS US PI, 2"),
                // XARELTO US PI, 2: DVT/PE 15 mg twice daily with food for the first 21 days, then 20 mg once daily;
                // 10 mg once daily (prophylaxis, reducing recurrence); 2.5 mg twice daily (CAD/PAD).
                mg("rivaroxaban", "oral", 2.5, 20, 5, 20, 20, 30, "XARELTO US PI, 2"),
                // PRADAXA US PI, 2: 150 mg twice daily; 75 mg twice daily at CrCl 15 to 30 mL/min (atrial
                // fibrillation); after hip replacement 110 mg on the first day, then 220 mg once daily.
                mg("dabigatran", "oral", 75, 220, 110, 300, 220, 300, "PRADAXA US PI, 2"),
                // SAVAYSA US PI, 2: 60 mg once daily; 30 mg once daily at CrCl 15 to 50 mL/min.
                mg("edoxaban", "oral", 30, 60, 30, 60, 60, 60, "SAVAYSA US PI, 2"),
                // LOVENOX US PI, 2: treatment 1 mg/kg every 12 hours or 1.5 mg/kg once a day; prophylaxis 30 mg every
                // 12 hours or 40 mg once a day (about 0.3 to 0.6 mg/kg in adults).
                new Expected("enoxaparin", "subcutaneous", Basis.PER_KG, "mg", 0.3, 1.5, 0.3, 2, 1.5, 2,
                        "LOVENOX US PI, 2"),
                // GLUCOPHAGE US PI, 2: start 500 mg twice daily or 850 mg once daily, up to 2550 mg a day in divided
                // doses; GLUCOPHAGE XR up to 2000 mg once daily (the highest labelled single administration).
                mg("metformin", "oral", 500, 2000, 500, 2000, 2000, 2550, "GLUCOPHAGE and GLUCOPHAGE XR US PI, 2"),
                // JANUVIA US PI, 2: 100 mg once daily; 50 mg and 25 mg once daily in renal impairment.
                mg("sitagliptin", "oral", 25, 100, 25, 100, 100, 100, "JANUVIA US PI, 2"),
                // MACRODANTIN US PI: 50 to 100 mg four times a day; MACROBID US PI: 100 mg every 12 hours.
                mg("nitrofurantoin", "oral", 50, 100, 50, 400, 100, 400, "MACRODANTIN US PI"),
                // NEURONTIN US PI, 2: epilepsy, effective dose 300 mg to 600 mg three times a day, up to 2400 mg a day
                // well tolerated long term and 3600 mg a day given to a small number of patients; GRALISE US PI, 2:
                // 1800 mg once daily with the evening meal.
                mg("gabapentin", "oral", 300, 600, 900, 1800, 1800, 3600, "NEURONTIN US PI, 2"),
                // ALDACTONE US PI, 2: edema 25 to 200 mg a day in single or divided doses; primary hyperaldosteronism
                // 100 mg to 400 mg daily in preparation for surgery. No single-dose maximum: 400 mg.
                mg("spironolactone", "oral", 25, 200, 25, 200, 400, 400, "ALDACTONE US PI, 2"),
                // KEPPRA US PI, 2: 1000 mg a day as 500 mg twice daily, raised by 1000 mg a day every 2 weeks to a
                // maximum recommended daily dose of 3000 mg; KEPPRA Injection US PI, 2: the same doses intravenously.
                mg("levetiracetam", "oral", 500, 1500, 1000, 3000, 1500, 3000, "KEPPRA US PI, 2"),
                mg("levetiracetam", "intravenous", 500, 1500, 1000, 3000, 1500, 3000, "KEPPRA Injection US PI, 2"),
                // PACERONE US PI, 2: loading 800 to 1600 mg a day, then 600 to 800 mg a day, then usually 400 mg a day;
                // divided doses with meals for total daily doses of 1000 mg or more (so 800 mg is the largest single).
                mg("amiodarone", "oral", 100, 400, 100, 400, 800, 1600, "PACERONE US PI, 2"),
                // NEXTERONE US PI, 2: 150 mg over the first 10 minutes, 360 mg over the next 6 hours, 540 mg over the
                // remaining 18 hours, then a maintenance infusion of 720 mg per 24 hours; "mean daily doses above 2100
                // mg were associated with an increased risk of hypotension".
                mg("amiodarone", "intravenous", 150, 720, 720, 1050, 720, 2100, "NEXTERONE US PI, 2"),
                // PRILOSEC US PI, 2: 20 or 40 mg once daily (10 mg for maintenance in hepatic impairment and Asian
                // patients); pathological hypersecretory conditions 60 mg once daily to start, up to 120 mg three times
                // daily.
                mg("omeprazole", "oral", 10, 40, 10, 40, 120, 360, "PRILOSEC US PI, 2"),
                // NEXIUM US PI, 2: 20 or 40 mg once daily; pathological hypersecretory conditions 40 mg twice daily,
                // doses up to 240 mg a day have been given (120 mg, half of it in the twice-daily regimen, per dose).
                mg("esomeprazole", "oral", 20, 40, 20, 40, 120, 240, "NEXIUM US PI, 2"),
                // NEXIUM I.V. US PI, 2: 20 or 40 mg once daily; after endoscopy for bleeding ulcers 80 mg over 30
                // minutes, then 8 mg/hour for 71.5 hours (first day: 80 + 24 x 8 = 272 mg).
                mg("esomeprazole", "intravenous", 20, 40, 20, 40, 80, 272, "NEXIUM I.V. US PI, 2"),
                // ZYLOPRIM US PI, Dosage and Administration: 200 to 300 mg a day for mild gout, 400 to 600 mg a day for
                // moderately severe tophaceous gout, at most 800 mg a day; doses above 300 mg in divided doses.
                mg("allopurinol", "oral", 100, 300, 100, 600, 300, 800, "ZYLOPRIM US PI"),
                // ULORIC US PI, 2: 40 mg once daily, 80 mg if serum urate is not below 6 mg/dL after 2 weeks.
                mg("febuxostat", "oral", 40, 80, 40, 80, 80, 80, "ULORIC US PI, 2"),
                // DIFLUCAN US PI, Dosage and Administration: vaginal candidiasis 150 mg once; oropharyngeal and
                // esophageal 200 mg on the first day then 100 mg daily, up to 400 mg a day; systemic infections up to
                // 400 mg a day; the daily dose is the same by mouth and intravenously.
                mg("fluconazole", "oral", 50, 400, 50, 400, 400, 400, "DIFLUCAN US PI"),
                mg("fluconazole", "intravenous", 50, 400, 50, 400, 400, 400, "DIFLUCAN US PI"),
                // FLAGYL US PI, Dosage and Administration: trichomoniasis 2 g as a single dose; amebiasis 750 mg three
                // times daily; anaerobic infections about 500 mg every 6 hours, not more than 4 g in 24 hours.
                mg("metronidazole", "oral", 250, 750, 750, 2250, 2000, 4000, "FLAGYL US PI"),
                // FDA OTC monograph M013 (formerly 21 CFR 343): professional labeling 50 to 325 mg once a day for
                // vascular indications; Drug Facts directions 325 to 650 mg every 4 hours, not more than 3900 mg in 24
                // hours, or 1000 mg every 6 hours, not more than 4000 mg in 24 hours.
                mg("aspirin", "oral", 50, 650, 50, 3900, 1000, 4000, "Aspirin professional labeling"),
                // MOTRIN US PI, Dosage and Administration: arthritis 1200 to 3200 mg a day (300 mg four times daily or
                // 400, 600 or 800 mg three or four times daily); pain 400 mg every 4 to 6 hours as necessary; not more
                // than 3200 mg a day. CALDOLOR US PI, 2: 400 to 800 mg IV every 6 hours as necessary, fever 100 to 200
                // mg every 4 hours; not more than 3200 mg a day.
                mg("ibuprofen", "oral", 200, 800, 200, 3200, 800, 3200, "MOTRIN tablets US PI"),
                mg("ibuprofen", "intravenous", 100, 800, 100, 3200, 800, 3200, "CALDOLOR US PI, 2"),
                // NAPROSYN US PI, Dosage and Administration: 250 to 500 mg twice daily, up to 1500 mg a day for limited
                // periods; NAPRELAN US PI, 2: 1500 mg once daily for limited periods (the highest single
                // administration).
                mg("naproxen", "oral", 250, 500, 500, 1000, 1500, 1500, "NAPROSYN"),
                // VOLTAREN US PI, Dosage and Administration: osteoarthritis 100 to 150 mg a day and rheumatoid
                // arthritis 150 to 200 mg a day in divided doses; CATAFLAM US PI: an initial 100 mg may be followed by
                // 50 mg doses.
                mg("diclofenac", "oral", 25, 75, 75, 150, 100, 200, "VOLTAREN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rowMatchesItsSource(Expected e) {
        DoseLimit row = table.limit(e.drug(), e.route()).orElseThrow();
        assertThat(row.basis()).isEqualTo(e.basis());
        assertThat(row.unit()).isEqualTo(e.unit());
        assertThat(row.usualSingle()).isEqualTo(new DoseLimit.Range(e.singleLow(), e.singleHigh()));
        assertThat(row.usualDaily()).isEqualTo(new DoseLimit.Range(e.dailyLow(), e.dailyHigh()));
        assertThat(row.maxSingle()).isEqualTo(e.maxSingle());
        assertThat(row.maxDaily()).isEqualTo(e.maxDaily());
        assertThat(row.maxWeekly()).isEmpty();
        assertThat(row.source()).startsWith(e.sourceStartsWith());
    }

    @Test
    void everyRowOfTheTableIsTranscribedAbove() {
        List<String> expected = rows().map(e -> e.drug() + " " + e.route()).sorted().toList();
        List<String> inTable = table.drugs().stream()
                .flatMap(d -> table.limits(d).stream().map(r -> d + " " + r.route())).sorted().toList();
        assertThat(inTable).isEqualTo(expected);
    }

    @Test
    void everyDrugTheAppKnowsHasARow() {
        for (String drug : KNOWN_DRUGS) {
            assertThat(table.covers(drug)).as(drug).isTrue();
            assertThat(table.limits(drug)).as(drug).isNotEmpty();
        }
        assertThat(table.drugs()).containsExactlyInAnyOrderElementsOf(KNOWN_DRUGS);
    }

    @Test
    void everyDrugThePrescribingCheckKnowsHasARow() {
        assertThat(table.drugs()).containsAll(BundledModels.prescribingCheck(ZoneId.of("UTC")).drugs());
        assertThat(table.drugs()).containsAll(RenalDoseRules.bundled().drugs());
    }

    @Test
    void weightAndBodySurfaceDosedDrugsUseTheirBasis() {
        assertThat(table.limit("azathioprine", "oral").orElseThrow().basis()).isEqualTo(Basis.PER_KG);
        assertThat(table.limit("mercaptopurine", "oral").orElseThrow().basis()).isEqualTo(Basis.PER_KG);
        assertThat(table.limit("enoxaparin", "subcutaneous").orElseThrow().basis()).isEqualTo(Basis.PER_KG);
        assertThat(table.limit("fluorouracil", "intravenous").orElseThrow().basis()).isEqualTo(Basis.PER_M2);
        assertThat(table.limit("capecitabine", "oral").orElseThrow().basis()).isEqualTo(Basis.PER_M2);
        // TABLOID's label doses thioguanine per kg (not per m2): the table follows the label
        assertThat(table.limit("thioguanine", "oral").orElseThrow().basis()).isEqualTo(Basis.PER_KG);
    }

    @Test
    void everyRowCitesASectionAndExplainsItself() {
        for (String drug : table.drugs()) {
            for (DoseLimit row : table.limits(drug)) {
                String where = drug + " " + row.route() + " (line " + row.line() + ")";
                assertThat(row.source()).as(where).containsAnyOf("Dosage and Administration", "Directions");
                assertThat(row.source()).as(where).containsAnyOf("US PI", "labeling");
                assertThat(row.comment()).as(where).isNotBlank();
            }
        }
    }

    @Test
    void whereTheLabelGivesNoMaximumTheCommentSaysSo() {
        for (String drug : List.of("warfarin", "mercaptopurine", "thioguanine", "fluorouracil", "metformin",
                "gabapentin", "spironolactone", "esomeprazole", "naproxen", "tramadol")) {
            DoseLimit row = table.limits(drug).getFirst();
            assertThat(row.comment()).as(drug).containsIgnoringCase("no maximum");
        }
    }

    @Test
    void tableMetadata() {
        assertThat(table.version()).isEqualTo("1.0.0");
        assertThat(table.date()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(table.reviewedBy()).isEqualTo("Outpost clinical content, unreviewed draft");
        assertThat(table.title()).isEqualTo("Outpost dose limits");
        assertThat(table.bodySizeAllowance()).isEqualTo(0.10);
        assertThat(table.file()).isEqualTo("dose-limits.tsv (bundled)");
        assertThat(table.ref().id()).isEqualTo("dose-limits");
        assertThat(table.ref().version()).isEqualTo("1.0.0");
        assertThat(table.ref().source()).contains("unreviewed draft").contains("each row cites");
        assertThat(DoseLimits.bundled()).isSameAs(table);
    }

    @Test
    void eachRowsOwnMaximumIsNeitherRefusedNorAboveTheMaximum() {
        for (String drug : table.drugs()) {
            for (DoseLimit row : table.limits(drug)) {
                OptionalDouble one = OptionalDouble.of(1);
                DoseLimitAdvice a = table.check(drug, row.maxSingle(), row.unit(), "as needed", row.route(), one, one)
                        .orElseThrow();
                assertThat(a.verdict()).as(drug + " " + row.route())
                        .isIn(DoseLimitAdvice.Verdict.WITHIN_USUAL, DoseLimitAdvice.Verdict.OUTSIDE_USUAL);
            }
        }
    }
}
