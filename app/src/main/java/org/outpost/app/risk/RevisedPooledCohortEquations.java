package org.outpost.app.risk;

import java.util.ArrayList;
import java.util.List;
import org.outpost.app.domain.Measure;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Concept;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.text.Text;

/**
 * Revised Pooled Cohort Equations (Yadlowsky 2018): 10-year risk of a first hard atherosclerotic cardiovascular
 * disease event (non-fatal myocardial infarction, coronary heart disease death, fatal or non-fatal stroke), refit
 * on more recent cohorts to correct the original equations' overestimation.
 *
 * <p>Source: Yadlowsky S, Hayward RA, Sussman JB, McClelland RL, Min YI, Basu S. "Clinical Implications of Revised
 * Pooled Cohort Equations for Estimating Atherosclerotic Cardiovascular Disease Risk." Ann Intern Med
 * 2018;169(1):20–29 (doi:10.7326/M17-3011), Supplement: the revised equations, one logistic model per sex,
 * {@code risk = 1 / (1 + e^−x)} with x = intercept + age + black race + SBP² + SBP + BP treatment + diabetes +
 * current smoking + total/HDL cholesterol ratio + the interactions age × black, SBP × treatment, SBP × black,
 * treatment × black, age × SBP, black × diabetes, black × smoking, black × ratio, black × SBP × treatment and
 * black × SBP × age, all on raw values (years, mmHg, the mg/dL ratio). The coefficients below are the
 * supplement's as transcribed in the R package PooledCohort (B. Jaeger, github.com/bcjaeger/PooledCohort,
 * {@code R/predict_ascvd_risk.R}, {@code ._pcr_Yadlowsky_2013}); several other open implementations carry the
 * same six-decimal numbers. The tests reproduce the supplement's example (55 years, TC 213, HDL 50, SBP 120)
 * for all four sex/race groups and with treatment, smoking or diabetes added, to the printed precision.
 *
 * <p>The equations were fit for black and white adults; as with the original equations, people of other races
 * are estimated with the equations for white people ({@code black} = 0).
 *
 * <p>Validated range, kept as for the original Pooled Cohort Equations (the population the revised equations
 * were derived and validated in was the same age band, without clinical ASCVD): age 40–79 years, total
 * cholesterol 130–320 mg/dL, HDL cholesterol 20–100 mg/dL, systolic blood pressure 90–200 mmHg. Outside these
 * the evaluation is not applicable, with the reason.
 *
 * <p>Categories: as for the original equations (2018 AHA/ACC cholesterol and 2019 ACC/AHA primary prevention
 * guidelines): &lt; 5 % low, 5 to &lt; 7.5 % borderline, 7.5 to &lt; 20 % intermediate, ≥ 20 % high. The
 * guidelines set these bands for the original equations; applying them to the revised estimate is our choice.
 *
 * <p>Contributions, in log-odds, against a reference person of the same sex: the supplement's example person
 * (55 years, white, TC 213 mg/dL, HDL 50 mg/dL, SBP 120 mmHg untreated, non-smoker, no diabetes), whose log-odds
 * is the {@link Contribution#BASELINE} entry. Because the equations are full of interactions, each input's
 * share is what changing it from the reference value to the person's makes, taken in form order with the
 * inputs before it already at the person's values (age, race, total cholesterol, HDL, SBP, BP treatment,
 * smoking, diabetes). So treatment shows its effect at the person's own pressure, and all contributions add up
 * to the person's log-odds.
 */
public final class RevisedPooledCohortEquations implements ClinicalModel {
    static final ModelRef REF = new ModelRef("pce-revised-2018", "1.0.0", "Revised Pooled Cohort Equations",
            "Yadlowsky S et al. Clinical Implications of Revised Pooled Cohort Equations for Estimating "
                    + "Atherosclerotic Cardiovascular Disease Risk. Ann Intern Med 2018;169(1):20-29, Supplement");

    static final String UNIT = "%";
    private static final String LOG_ODDS = "log-odds";

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.number("age", "years", 0, 120, "input.pce-revised-2018.age"),
            InputSpec.choice("sex", List.of("female", "male"), "input.pce-revised-2018.sex"),
            InputSpec.choice("race", List.of("white", "african_american", "other"), "input.pce-revised-2018.race"),
            InputSpec.measured("totalCholesterol", Measure.TOTAL_CHOLESTEROL, "input.pce-revised-2018.totalCholesterol"),
            InputSpec.measured("hdl", Measure.HDL_CHOLESTEROL, "input.pce-revised-2018.hdl"),
            InputSpec.measured("systolicBp", Measure.SYSTOLIC_BP, "input.pce-revised-2018.systolicBp").as(Concept.SYSTOLIC_BP),
            InputSpec.flag("bpTreated", "input.pce-revised-2018.bpTreated"),
            InputSpec.flag("smoker", "input.pce-revised-2018.smoker").as(Concept.SMOKING),
            InputSpec.flag("diabetes", "input.pce-revised-2018.diabetes"));

    /** One sex's revised equation: the supplement's coefficients, in the order the supplement lists them. */
    record Coefficients(double age, double black, double sbpSquared, double sbp, double bpTreated, double diabetes,
                        double smoker, double cholesterolRatio, double ageBlack, double sbpBpTreated,
                        double sbpBlack, double bpTreatedBlack, double ageSbp, double blackDiabetes,
                        double blackSmoker, double blackCholesterolRatio, double blackSbpBpTreated,
                        double blackSbpAge, double intercept) { }

    /** Yadlowsky et al. 2018, Supplement, women. */
    static final Coefficients FEMALE = new Coefficients(0.106501, 0.432440, 0.000056, 0.017666, 0.731678,
            0.943970, 1.009790, 0.151318, -0.008580, -0.003647, 0.006208, 0.152968, -0.000153, 0.115232,
            -0.092231, 0.070498, -0.000173, -0.000094, -12.823110);
    /** Yadlowsky et al. 2018, Supplement, men. */
    static final Coefficients MALE = new Coefficients(0.064200, 0.482835, -0.000061, 0.038950, 2.055533,
            0.842209, 0.895589, 0.193307, 0, -0.014207, 0.011609, -0.119460, 0.000025, -0.077214,
            -0.226771, -0.117749, 0.004190, -0.000199, -11.679980);

    /** The supplement's example person, the reference for contributions. */
    static final Person REFERENCE = new Person(55, false, 213, 50, 120, false, false, false);

    /** The values one equation reads. */
    record Person(double age, boolean black, double totalCholesterol, double hdl, double sbp, boolean bpTreated,
                  boolean smoker, boolean diabetes) { }

    @Override
    public ModelRef ref() {
        return REF;
    }

    @Override
    public List<InputSpec> inputs() {
        return INPUTS;
    }

    @Override
    public Evaluation evaluate(ModelInputs in) {
        List<String> missing = in.absent("age", "sex", "race", "totalCholesterol", "hdl", "systolicBp",
                "bpTreated", "smoker", "diabetes");
        List<Text> reasons = new ArrayList<>();
        PooledCohortEquations.VALIDATED_RANGES.forEach(range -> range.check(in, reasons));
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(REF, missing, reasons);
        }
        Coefficients c = in.choice("sex").get().equals("female") ? FEMALE : MALE;
        Person person = new Person(in.number("age").getAsDouble(), in.choice("race").get().equals("african_american"),
                in.number("totalCholesterol").getAsDouble(), in.number("hdl").getAsDouble(),
                in.number("systolicBp").getAsDouble(), in.flag("bpTreated").get(), in.flag("smoker").get(),
                in.flag("diabetes").get());

        // Change one input at a time from the reference person to this person, in form order.
        List<Contribution> terms = new ArrayList<>();
        Person q = REFERENCE;
        double reference = logOdds(c, q);
        double x = reference;
        q = new Person(person.age(), q.black(), q.totalCholesterol(), q.hdl(), q.sbp(), q.bpTreated(), q.smoker(),
                q.diabetes());
        x = step(terms, "age", c, q, x);
        q = new Person(q.age(), person.black(), q.totalCholesterol(), q.hdl(), q.sbp(), q.bpTreated(), q.smoker(),
                q.diabetes());
        x = step(terms, "race", c, q, x);
        q = new Person(q.age(), q.black(), person.totalCholesterol(), q.hdl(), q.sbp(), q.bpTreated(), q.smoker(),
                q.diabetes());
        x = step(terms, "totalCholesterol", c, q, x);
        q = new Person(q.age(), q.black(), q.totalCholesterol(), person.hdl(), q.sbp(), q.bpTreated(), q.smoker(),
                q.diabetes());
        x = step(terms, "hdl", c, q, x);
        q = new Person(q.age(), q.black(), q.totalCholesterol(), q.hdl(), person.sbp(), q.bpTreated(), q.smoker(),
                q.diabetes());
        x = step(terms, "systolicBp", c, q, x);
        q = new Person(q.age(), q.black(), q.totalCholesterol(), q.hdl(), q.sbp(), person.bpTreated(), q.smoker(),
                q.diabetes());
        x = step(terms, "bpTreated", c, q, x);
        q = new Person(q.age(), q.black(), q.totalCholesterol(), q.hdl(), q.sbp(), q.bpTreated(), person.smoker(),
                q.diabetes());
        x = step(terms, "smoker", c, q, x);
        step(terms, "diabetes", c, person, x);
        terms.add(new Contribution(Contribution.BASELINE, reference, LOG_ODDS));
        double logOdds = terms.stream().mapToDouble(Contribution::amount).sum();
        double risk = 100 / (1 + Math.exp(-logOdds));
        risk = Math.min(100, Math.max(0, risk));
        return Evaluation.of(REF, risk, UNIT, PooledCohortEquations.category(risk), terms);
    }

    /** Adds the change in log-odds from {@code before} to {@code next}'s as {@code input}'s share; returns the new log-odds. */
    private static double step(List<Contribution> terms, String input, Coefficients c, Person next, double before) {
        double after = logOdds(c, next);
        terms.add(new Contribution(input, after - before, LOG_ODDS));
        return after;
    }

    /** The revised equation's linear predictor (log-odds) for one person. */
    static double logOdds(Coefficients c, Person p) {
        double age = p.age();
        double black = p.black() ? 1 : 0;
        double sbp = p.sbp();
        double treated = p.bpTreated() ? 1 : 0;
        double diabetes = p.diabetes() ? 1 : 0;
        double smoker = p.smoker() ? 1 : 0;
        double ratio = p.totalCholesterol() / p.hdl();
        return c.intercept()
                + c.age() * age
                + c.black() * black
                + c.sbpSquared() * sbp * sbp
                + c.sbp() * sbp
                + c.bpTreated() * treated
                + c.diabetes() * diabetes
                + c.smoker() * smoker
                + c.cholesterolRatio() * ratio
                + c.ageBlack() * age * black
                + c.sbpBpTreated() * sbp * treated
                + c.sbpBlack() * sbp * black
                + c.bpTreatedBlack() * treated * black
                + c.ageSbp() * age * sbp
                + c.blackDiabetes() * black * diabetes
                + c.blackSmoker() * black * smoker
                + c.blackCholesterolRatio() * black * ratio
                + c.blackSbpBpTreated() * black * sbp * treated
                + c.blackSbpAge() * black * sbp * age;
    }
}
