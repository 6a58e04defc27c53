package org.outpost.app.interactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outpost.app.interactions.DoseFrequency.Period;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.text.Text;

/**
 * An interaction found between the drug being ordered and a drug on the chart.
 *
 * @param orderedDrug     the ordered drug's generic name as the table names it; several joined by "/" when the
 *                        ordered product holds several precipitants of the row (e.g. "lopinavir/ritonavir")
 * @param activeDrug      the chart drug's generic name, likewise
 * @param orderedIsObject whether the ordered drug is the row's object — the drug any {@link #doseCap()} limits
 * @param rule            the table row that matched
 * @param tableVersion    the version of the table the row came from
 */
public record InteractionFinding(String orderedDrug, String activeDrug, boolean orderedIsObject, InteractionRule rule,
                                 String tableVersion) {
    /** Tolerance in mg for comparing totals (0.1 g is 100 mg, not 100.00000000000001). */
    private static final double EPSILON_MG = 1e-6;

    public InteractionFinding {
        Objects.requireNonNull(orderedDrug, "orderedDrug");
        Objects.requireNonNull(activeDrug, "activeDrug");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(tableVersion, "tableVersion");
    }

    public Severity severity() {
        return rule.severity();
    }

    /** Whether the source forbids the combination. */
    public boolean contraindicated() {
        return rule.contraindicated();
    }

    /** "simvastatin and clarithromycin" — ordered drug first (the alert puts "Interaction: " before it). */
    public String title() {
        return orderedDrug + " and " + activeDrug;
    }

    /** {@link #title()} as a text of the clinical bundle (the drug names are the table's). */
    public Text titleText() {
        return Text.of("advice.join.and", orderedDrug, activeDrug);
    }

    /** {@link #text()} as a text: the table's own words, shown as written (a translation is a translated table). */
    public Text message() {
        return Text.verbatim(text());
    }

    /** What the interaction does, then what to do. */
    public String text() {
        return rule.effect() + " " + rule.advice();
    }

    /** The most of {@link #cappedDrug()} the source allows with the other drug: a total per day or per week. */
    public Optional<SuggestedDose> doseCap() {
        return rule.doseCap();
    }

    /** The drug a {@link #doseCap()} limits: the row's object. */
    public String cappedDrug() {
        return rule.object();
    }

    public String source() {
        return rule.source();
    }

    /**
     * A key for the pair, the same whichever of the two drugs is ordered and for every table version: the generic
     * names sorted and joined by "+" after {@code interaction:}, e.g. {@code interaction:amiodarone+warfarin}.
     * Fingerprints built on it should add {@link #tableVersion()} if an answer must not outlive a table change.
     */
    public String key() {
        List<String> names = new ArrayList<>(List.of(orderedDrug.split("/")));
        names.addAll(List.of(activeDrug.split("/")));
        names.sort(null);
        return "interaction:" + String.join("+", names);
    }

    /**
     * How a dose of {@link #cappedDrug()} compares with the cap. A dose above the cap on its own exceeds it at any
     * frequency; otherwise the total is taken over the cap's span (most doses in one day, or one week).
     *
     * @param amount    per administration
     * @param unit      g, mg, mcg (µg) and their spellings; other units cannot be compared
     * @param frequency as written on the order (see {@link DoseFrequency#parse})
     */
    public CapCheck capCheck(double amount, String unit, String frequency) {
        if (rule.doseCap().isEmpty()) {
            return CapCheck.NO_CAP;
        }
        SuggestedDose cap = rule.doseCap().get();
        double capMg = MassUnits.milligrams(cap.amount(), cap.unit()).orElseThrow();
        OptionalDouble doseMg = MassUnits.milligrams(amount, unit);
        if (doseMg.isEmpty()) {
            return CapCheck.UNKNOWN;
        }
        if (doseMg.getAsDouble() > capMg + EPSILON_MG) {
            return CapCheck.EXCEEDS;
        }
        Optional<DoseFrequency> f = DoseFrequency.parse(frequency);
        if (f.isEmpty()) {
            return CapCheck.UNKNOWN;
        }
        Period period = Period.ofWord(cap.frequency()).orElseThrow();
        double total = doseMg.getAsDouble() * f.get().maxPer(period);
        return total > capMg + EPSILON_MG ? CapCheck.EXCEEDS : CapCheck.WITHIN;
    }

    /**
     * Whether a dose of {@link #cappedDrug()} must be flagged against the cap: {@code true} when it is above the cap,
     * <em>and</em> when it cannot be compared (a unit that is not a mass, a frequency Outpost cannot read) — a dose
     * that cannot be checked is not passed as safe. {@code false} when it is within the cap or there is no cap. Use
     * {@link #capCheck} to tell the two {@code true} cases apart.
     */
    public boolean exceedsCap(double amount, String unit, String frequency) {
        CapCheck c = capCheck(amount, unit, frequency);
        return c == CapCheck.EXCEEDS || c == CapCheck.UNKNOWN;
    }
}
