package org.outpost.app.dosing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.outpost.app.dosing.RenalDoseRule.Measure;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Severity;
import org.outpost.app.text.Text;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.table.TableFile;
import org.outpost.app.table.TableFile.HeaderKeys;
import org.outpost.app.table.TableFile.Width;

/**
 * The renal dose check: for drugs whose label or a guideline changes the dose, or forbids the drug, below a
 * kidney-function threshold, what to do at a given creatinine clearance or eGFR.
 *
 * <p>The rules are <b>data</b>, not code: a versioned tab-separated table that a pharmacist reads and updates
 * ({@code renal-dose-rules.tsv} beside this class; {@link #load(Path)} reads another copy). Its layout:
 * <ol>
 *   <li>a header block of {@code # key: value} lines, at least {@code version}, {@code date} (ISO yyyy-mm-dd)
 *       and {@code reviewed-by}; other {@code #} lines are comments, anywhere in the file;</li>
 *   <li>the header row {@code drug measure from below severity advice dose_amount dose_unit dose_frequency
 *       source};</li>
 *   <li>one row per band: lower-case generic drug name; {@code crcl} (Cockcroft–Gault creatinine clearance,
 *       mL/min) or {@code egfr} (CKD-EPI eGFR, mL/min/1.73 m²); {@code from} inclusive and {@code below}
 *       exclusive bounds (blank = open end); severity {@code LOW}, {@code MODERATE} or {@code HIGH}; the advice;
 *       optionally one suggested dose; the source (label name and section, or guideline with year).</li>
 * </ol>
 * Each drug's rows use one measure and cover every value exactly once — from an open lower end to an open upper
 * end, with no gap and no overlap — so every check of a covered drug has an answer. A file that breaks any of
 * this is refused whole with a {@link RenalDoseRuleFileException} naming the file and line. The layout (header
 * block, comments, blank lines, tabs) is read by {@link TableFile}, as for every bundled table.
 *
 * <p>Lookups are pre-indexed by drug: a check is one map lookup and a comparison per band (at most a handful).
 * Instances are immutable and safe to share between threads.
 *
 * <p>Sources per drug are cited in the table's rows; this class holds no clinical numbers of its own.
 */
public final class RenalDoseRules {
    /** The bundled table, a resource beside this class. */
    static final String RESOURCE = "renal-dose-rules.tsv";
    /** The header row, in order. */
    static final List<String> COLUMNS = List.of("drug", "measure", "from", "below", "severity", "advice",
            "dose_amount", "dose_unit", "dose_frequency", "source");
    /** What the check says when the kidney value the drug needs is not there. */
    public static final String NO_CREATININE = "no recent creatinine: renal dose cannot be checked";

    private static final Pattern BOUND = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final List<String> REQUIRED_KEYS = List.of("version", "date", "reviewed-by");

    private final String file;
    private final Map<String, String> header;
    private final LocalDate date;
    private final Map<String, Drug> byDrug;

    /** One drug's bands, ascending and contiguous. */
    private record Drug(Measure measure, List<RenalDoseRule> rules) { }

    /**
     * The answer for one drug: the advice of the band the kidney value falls in, or — when the value the drug is
     * dosed by is missing — a low-severity note that the renal dose could not be checked.
     *
     * @param drug         the drug as the table names it
     * @param measure      the kidney-function estimate the drug's rules are written in
     * @param kidneyValue  the value the advice is based on; empty when it was missing or unusable
     * @param recommendation what to do (with a {@link SuggestedDose} when the band gives one dose)
     * @param rule         the band that matched; empty when the check could not be made
     * @param source       the band's source, or the table itself when the check could not be made
     * @param tableVersion the version of the table the answer came from
     */
    public record RenalDoseAdvice(String drug, Measure measure, OptionalDouble kidneyValue, Recommendation recommendation,
                                  Optional<RenalDoseRule> rule, String source, String tableVersion) {
        public RenalDoseAdvice {
            Objects.requireNonNull(drug, "drug");
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(kidneyValue, "kidneyValue");
            Objects.requireNonNull(recommendation, "recommendation");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(tableVersion, "tableVersion");
        }

        /** Whether a kidney value was there and the renal dose was checked against it. */
        public boolean checked() {
            return rule.isPresent();
        }
    }

    private RenalDoseRules(String file, Map<String, String> header, LocalDate date, Map<String, Drug> byDrug) {
        this.file = file;
        this.header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        this.date = date;
        this.byDrug = Map.copyOf(byDrug);
    }

    /** Lazily loaded once: immutable, so sharing it is safe. */
    private static final class Bundled {
        static final RenalDoseRules RULES = readBundled();

        private static RenalDoseRules readBundled() {
            try (InputStream in = RenalDoseRules.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled renal dose table " + RESOURCE + " is missing");
                }
                return parse(RESOURCE + " (bundled)",
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("The bundled renal dose table cannot be read", e);
            }
        }
    }

    /** The table shipped with Outpost. */
    public static RenalDoseRules bundled() {
        return Bundled.RULES;
    }

    /**
     * Reads a table file (UTF-8), e.g. a pharmacist's updated copy.
     *
     * @throws RenalDoseRuleFileException when a line is malformed or the bands overlap or leave gaps
     * @throws IOException                when the file cannot be read
     */
    public static RenalDoseRules load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), in);
        }
    }

    /** The table's version, from its {@code # version:} line. */
    public String version() {
        return header.get("version");
    }

    /** The date the table was last changed, from its {@code # date:} line. */
    public LocalDate date() {
        return date;
    }

    /** Who reviewed the table, from its {@code # reviewed-by:} line. */
    public String reviewedBy() {
        return header.get("reviewed-by");
    }

    /**
     * Whether the table is a draft nobody has reviewed against its sources: its {@code # reviewed-by:} line says
     * "draft", "unreviewed" or "not reviewed" (the bundled table: "Outpost clinical content, unreviewed draft").
     * Every alert from a draft table says so ({@link #DRAFT_NOTE}).
     */
    public boolean draft() {
        return DRAFT.matcher(reviewedBy()).find();
    }

    /** What every alert from a {@link #draft()} table adds, so a prescriber or pharmacist weighs it as such. */
    public static final String DRAFT_NOTE = "Draft table, not yet reviewed: check this advice against the source it cites.";

    private static final java.util.regex.Pattern DRAFT = java.util.regex.Pattern.compile(
            "\\b(?:draft|unreviewed|not\\s+(?:yet\\s+)?reviewed)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The table's title ({@code # table:} line), or a default. */
    public String title() {
        return header.getOrDefault("table", "Renal dose rules");
    }

    /** Every {@code # key: value} line of the header block, in file order. */
    public Map<String, String> header() {
        return header;
    }

    /** The file the table was read from, as named when loading. */
    public String file() {
        return file;
    }

    /** The table as a model reference, to store with each answer so it can be traced to this exact table. */
    public ModelRef ref() {
        return new ModelRef("renal-dose-rules", version(), "Renal dose check",
                title() + " " + version() + ", " + date() + ", reviewed by: " + reviewedBy()
                        + "; each rule cites its label or guideline");
    }

    /** Whether the table has rules for {@code drug} (generic name; case and surrounding spaces ignored). */
    public boolean covers(String drug) {
        return drug != null && byDrug.containsKey(key(drug));
    }

    /** The drugs the table covers, sorted. */
    public List<String> drugs() {
        return byDrug.keySet().stream().sorted().toList();
    }

    /** The measure {@code drug} is dosed by, if the table covers it. */
    public Optional<Measure> measure(String drug) {
        return drug == null ? Optional.empty() : Optional.ofNullable(byDrug.get(key(drug))).map(Drug::measure);
    }

    /** The drug's bands, lowest first; empty if the table does not cover it. */
    public List<RenalDoseRule> rules(String drug) {
        Drug d = drug == null ? null : byDrug.get(key(drug));
        return d == null ? List.of() : d.rules();
    }

    /**
     * The renal dose advice for {@code drug}.
     *
     * @param drug      generic name (case and surrounding spaces ignored)
     * @param crclMlMin Cockcroft–Gault creatinine clearance in mL/min, if known
     * @param egfr      CKD-EPI eGFR in mL/min/1.73 m², if known
     * @return empty when the table does not cover the drug; otherwise the matching band's advice, or — when the
     *         value the drug is dosed by is missing, negative or not a number — a {@link Severity#LOW} note that
     *         the renal dose cannot be checked (never silence for a renally dosed drug)
     */
    public Optional<RenalDoseAdvice> check(String drug, OptionalDouble crclMlMin, OptionalDouble egfr) {
        if (drug == null) {
            return Optional.empty();
        }
        String name = key(drug);
        Drug d = byDrug.get(name);
        if (d == null) {
            return Optional.empty();
        }
        OptionalDouble given = d.measure() == Measure.CRCL ? crclMlMin : egfr;
        if (given == null || given.isEmpty()) {
            return Optional.of(notChecked(name, d.measure(), Text.of("advice.renal.noValue", name,
                    d.measure().title(), d.measure().unit())));
        }
        double value = given.getAsDouble();
        if (!Double.isFinite(value) || value < 0) {
            return Optional.of(notChecked(name, d.measure(), Text.of("advice.renal.unusable",
                    d.measure().abbreviation(), name)));
        }
        List<RenalDoseRule> rules = d.rules();
        RenalDoseRule match = rules.getLast();
        for (RenalDoseRule r : rules) {
            if (value < r.below()) {
                match = r;
                break;
            }
        }
        return Optional.of(new RenalDoseAdvice(name, d.measure(), OptionalDouble.of(value), match.recommendation(),
                Optional.of(match), match.source(), version()));
    }

    private RenalDoseAdvice notChecked(String drug, Measure measure, Text text) {
        return new RenalDoseAdvice(drug, measure, OptionalDouble.empty(), Recommendation.of(Severity.LOW, text, ""),
                Optional.empty(), title() + " " + version(), version());
    }

    private static String key(String drug) {
        return drug.strip().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------------------------------------- parsing

    static RenalDoseRules parse(String file, BufferedReader in) throws IOException {
        TableFile table = TableFile.parse(file, in, HeaderKeys.NAME, RenalDoseRuleFileException::new);
        table.expectColumns(COLUMNS);
        REQUIRED_KEYS.forEach(table::required);
        LocalDate date = table.date("date");
        List<RenalDoseRule> rows = new ArrayList<>();
        for (TableFile.Row row : table.rows()) {
            rows.add(row(file, row.line(), table.cells(row, COLUMNS, Width.EXACT).toArray(String[]::new)));
        }
        if (rows.isEmpty()) {
            throw new RenalDoseRuleFileException(file, table.lastLine(), "the table has no rules");
        }
        return new RenalDoseRules(file, table.header(), date, index(file, rows));
    }

    private static RenalDoseRule row(String file, int n, String[] f) {
        String drug = f[0];
        if (drug.isEmpty()) {
            throw new RenalDoseRuleFileException(file, n, "drug is empty");
        }
        if (!drug.equals(drug.toLowerCase(Locale.ROOT))) {
            throw new RenalDoseRuleFileException(file, n,
                    "drug '" + drug + "' must be written as the lower-case generic name");
        }
        Measure measure = Measure.ofCode(f[1]).orElseThrow(() -> new RenalDoseRuleFileException(file, n,
                "measure '" + f[1] + "' is neither crcl (Cockcroft-Gault, mL/min) nor egfr (CKD-EPI, mL/min/1.73 m2)"));
        double from = f[2].isEmpty() ? Double.NEGATIVE_INFINITY : bound(file, n, "from", f[2]);
        double below = f[3].isEmpty() ? Double.POSITIVE_INFINITY : bound(file, n, "below", f[3]);
        if (!(from < below)) {
            throw new RenalDoseRuleFileException(file, n,
                    "from " + f[2] + " must be lower than below " + f[3] + " (from is inclusive, below exclusive)");
        }
        Severity severity = severity(file, n, f[4]);
        if (f[5].isEmpty()) {
            throw new RenalDoseRuleFileException(file, n, "advice is empty");
        }
        Optional<SuggestedDose> dose = dose(file, n, f[6], f[7], f[8]);
        if (f[9].isEmpty()) {
            throw new RenalDoseRuleFileException(file, n, "source is empty: cite the label section or guideline");
        }
        return new RenalDoseRule(drug, measure, from, below, severity, f[5], dose, f[9], n);
    }

    private static double bound(String file, int n, String column, String text) {
        if (!BOUND.matcher(text).matches()) {
            throw new RenalDoseRuleFileException(file, n, column + " '" + text
                    + "' is not a number: write the bound alone, e.g. 30 (from is inclusive, below exclusive)");
        }
        return Double.parseDouble(text);
    }

    private static Severity severity(String file, int n, String text) {
        for (Severity s : Severity.values()) {
            if (s.name().equals(text)) {
                return s;
            }
        }
        throw new RenalDoseRuleFileException(file, n,
                "unknown severity '" + text + "': use LOW, MODERATE or HIGH");
    }

    private static Optional<SuggestedDose> dose(String file, int n, String amount, String unit, String frequency) {
        if (amount.isEmpty()) {
            if (!unit.isEmpty() || !frequency.isEmpty()) {
                throw new RenalDoseRuleFileException(file, n,
                        "dose_unit or dose_frequency given without dose_amount");
            }
            return Optional.empty();
        }
        if (!BOUND.matcher(amount).matches() || Double.parseDouble(amount) <= 0) {
            throw new RenalDoseRuleFileException(file, n,
                    "dose_amount '" + amount + "' is not a positive number (write a range in the advice instead)");
        }
        if (unit.isEmpty()) {
            throw new RenalDoseRuleFileException(file, n, "dose_amount " + amount + " needs a dose_unit, e.g. mg");
        }
        return Optional.of(new SuggestedDose(Double.parseDouble(amount), unit, frequency));
    }

    /** Groups rows by drug and checks each drug's bands: one measure, open ends, no gaps, no overlaps. */
    private static Map<String, Drug> index(String file, List<RenalDoseRule> rows) {
        Map<String, List<RenalDoseRule>> grouped = new LinkedHashMap<>();
        for (RenalDoseRule r : rows) {
            List<RenalDoseRule> list = grouped.computeIfAbsent(r.drug(), k -> new ArrayList<>());
            if (!list.isEmpty() && list.getFirst().measure() != r.measure()) {
                RenalDoseRule first = list.getFirst();
                throw new RenalDoseRuleFileException(file, r.line(), r.drug() + " is dosed by "
                        + first.measure().code() + " on line " + first.line() + " but by " + r.measure().code()
                        + " here: one drug's rules use one measure");
            }
            list.add(r);
        }
        Map<String, Drug> index = new HashMap<>();
        for (Map.Entry<String, List<RenalDoseRule>> e : grouped.entrySet()) {
            List<RenalDoseRule> bands = new ArrayList<>(e.getValue());
            bands.sort(Comparator.comparingDouble(RenalDoseRule::from).thenComparingInt(RenalDoseRule::line));
            String drug = e.getKey();
            RenalDoseRule lowest = bands.getFirst();
            if (lowest.from() != Double.NEGATIVE_INFINITY) {
                throw new RenalDoseRuleFileException(file, lowest.line(), drug + " has no band below "
                        + RenalDoseRule.number(lowest.from()) + ": leave 'from' blank on its lowest band");
            }
            for (int i = 1; i < bands.size(); i++) {
                RenalDoseRule a = bands.get(i - 1);
                RenalDoseRule b = bands.get(i);
                if (b.from() < a.below()) {
                    RenalDoseRule later = a.line() > b.line() ? a : b;
                    RenalDoseRule earlier = later == a ? b : a;
                    throw new RenalDoseRuleFileException(file, later.line(), drug + " band " + later.rangeText()
                            + " overlaps line " + earlier.line() + " (" + earlier.rangeText() + ")");
                }
                if (b.from() > a.below()) {
                    throw new RenalDoseRuleFileException(file, b.line(), drug + " has no band from "
                            + RenalDoseRule.number(a.below()) + " to below " + RenalDoseRule.number(b.from())
                            + " (gap between line " + a.line() + " and this line)");
                }
            }
            RenalDoseRule highest = bands.getLast();
            if (highest.below() != Double.POSITIVE_INFINITY) {
                throw new RenalDoseRuleFileException(file, highest.line(), drug + " has no band from "
                        + RenalDoseRule.number(highest.below()) + " up: leave 'below' blank on its highest band");
            }
            index.put(drug, new Drug(lowest.measure(), List.copyOf(bands)));
        }
        return index;
    }
}
