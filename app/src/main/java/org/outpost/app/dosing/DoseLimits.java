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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outpost.app.dosing.DoseLimitAdvice.Verdict;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Severity;
import org.outpost.app.text.Text;

/**
 * The dose-limit check: for every drug Outpost knows, the usual and the maximum single and daily doses by route, so
 * that an ordered dose above the maximum raises a high-severity alert that needs an override reason, and a dose that
 * cannot be meant (ten times a maximum, a mg/mcg slip) is refused with a message saying why.
 *
 * <p>The limits are <b>data</b>, not code: a versioned tab-separated table that a pharmacist reads and updates
 * ({@code dose-limits.tsv} beside this class; {@link #load(Path)} reads another copy). Its layout:
 * <ol>
 *   <li>a header block of {@code # key: value} lines, at least {@code version}, {@code date} (ISO yyyy-mm-dd) and
 *       {@code reviewed-by}; optionally {@code body-size-allowance} (e.g. {@code 10%}, at most 25%), by which the
 *       upper limits of weight- and BSA-based rows are widened for tablet and vial rounding; other {@code #} lines
 *       are comments, anywhere in the file;</li>
 *   <li>the header row {@code drug route basis unit usual_single_low usual_single_high usual_daily_low
 *       usual_daily_high max_single max_daily max_weekly comment source};</li>
 *   <li>one row per drug and route: lower-case generic name; route as orders write it ({@code oral},
 *       {@code intravenous}, {@code subcutaneous}); basis {@code absolute}, {@code per-kg} or {@code per-m2}; unit
 *       {@code mg}, {@code mcg}, {@code g} or {@code units}; the usual single and daily ranges; the maximum single
 *       and daily doses (never below the usual range, the daily never below the single); an optional weekly
 *       maximum; a comment saying how the numbers were read (where the label gives no maximum, which labelled dose
 *       stands in for one); and the source — the US prescribing information and section, or a guideline and
 *       year.</li>
 * </ol>
 * A file that breaks any of this, or gives one drug and route twice, is refused whole with a
 * {@link DoseLimitFileException} naming the file and line.
 *
 * <p>The <b>sources are per row</b>: this class and its helpers hold no clinical numbers of their own beyond the two
 * refusal factors of the check (see {@link #check}). Instances are immutable and safe to share between threads.
 */
public final class DoseLimits {
    /** The bundled table, a resource beside this class. */
    static final String RESOURCE = "dose-limits.tsv";
    /** The header row, in order. */
    public static final List<String> COLUMNS = DoseLimitTableReader.COLUMNS;
    /** The route of an order that names none, as {@code OrderDraft} assumes. */
    public static final String DEFAULT_ROUTE = "oral";

    private final String file;
    private final Map<String, String> header;
    private final LocalDate date;
    private final double bodySizeAllowance;
    private final Map<String, DoseLimit> byDrugAndRoute;
    private final Map<String, List<DoseLimit>> byDrug;

    DoseLimits(String file, Map<String, String> header, LocalDate date, double bodySizeAllowance,
               List<DoseLimit> rows) {
        this.file = file;
        this.header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        this.date = date;
        this.bodySizeAllowance = bodySizeAllowance;
        Map<String, DoseLimit> index = new HashMap<>();
        Map<String, List<DoseLimit>> drugs = new HashMap<>();
        for (DoseLimit row : rows) {
            index.put(key(row.drug(), row.route()), row);
            drugs.computeIfAbsent(row.drug(), d -> new ArrayList<>()).add(row);
        }
        this.byDrugAndRoute = Map.copyOf(index);
        Map<String, List<DoseLimit>> frozen = new HashMap<>();
        drugs.forEach((drug, list) -> frozen.put(drug, List.copyOf(list)));
        this.byDrug = Map.copyOf(frozen);
    }

    /** Lazily loaded once: immutable, so sharing it is safe. */
    private static final class Bundled {
        static final DoseLimits LIMITS = readBundled();

        private static DoseLimits readBundled() {
            try (InputStream in = DoseLimits.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled dose-limit table " + RESOURCE + " is missing");
                }
                return DoseLimitTableReader.read(RESOURCE + " (bundled)",
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("The bundled dose-limit table cannot be read", e);
            }
        }
    }

    /** The table shipped with Outpost. */
    public static DoseLimits bundled() {
        return Bundled.LIMITS;
    }

    /**
     * Reads a table file (UTF-8), e.g. a pharmacist's updated copy.
     *
     * @throws DoseLimitFileException when the header or a row is malformed, or a drug and route is given twice
     * @throws IOException            when the file cannot be read
     */
    public static DoseLimits load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return DoseLimitTableReader.read(file.toString(), in);
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

    /** The table's title ({@code # table:} line), or a default. */
    public String title() {
        return header.getOrDefault("table", "Dose limits");
    }

    /** The widening of the upper limits of weight- and BSA-based rows, as a fraction (0.1 for 10%). */
    public double bodySizeAllowance() {
        return bodySizeAllowance;
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
        return new ModelRef("dose-limits", version(), "Dose limit check",
                title() + " " + version() + ", " + date() + ", reviewed by: " + reviewedBy()
                        + "; each row cites its label section or guideline");
    }

    /** Whether the table has limits for {@code drug} by any route (generic name; case and spaces ignored). */
    public boolean covers(String drug) {
        return drug != null && byDrug.containsKey(name(drug));
    }

    /** The drugs the table covers, sorted. */
    public List<String> drugs() {
        return byDrug.keySet().stream().sorted().toList();
    }

    /** The drug's rows, one per route, in file order; empty if the table does not cover it. */
    public List<DoseLimit> limits(String drug) {
        return drug == null ? List.of() : byDrug.getOrDefault(name(drug), List.of());
    }

    /** The drug's row for {@code route} (blank: oral), if the table has one. */
    public Optional<DoseLimit> limit(String drug, String route) {
        return drug == null ? Optional.empty()
                : Optional.ofNullable(byDrugAndRoute.get(key(name(drug), route(route))));
    }

    /**
     * Checks one ordered dose against the table.
     *
     * <p>The dose is converted to the row's unit (mg, mcg and g convert into each other; "units" only for drugs
     * dosed in units), divided by the weight or body surface area for per-kg and per-m² rows, and multiplied by the
     * administrations a day (once daily 1, twice daily and every 12 hours 2, three times daily and every 8 hours 3,
     * four times daily 4, once weekly 1/7; as needed: the single dose only, the daily total unknown). Then:
     * <ul>
     *   <li>{@link Verdict#REFUSED} ({@link Severity#HIGH}) at ten times the maximum single, daily or weekly dose or
     *       more, below a hundredth of the lowest usual single dose, or in a unit the drug is never dosed in — the
     *       message names the dose typed, the limit, its source and, where a unit or a zero explains it, the likely
     *       slip;</li>
     *   <li>{@link Verdict#ABOVE_MAXIMUM} ({@link Severity#HIGH}) above a maximum: needs an override reason;</li>
     *   <li>{@link Verdict#OUTSIDE_USUAL} outside a usual range: {@link Severity#MODERATE} above it,
     *       {@link Severity#LOW} below it;</li>
     *   <li>{@link Verdict#WITHIN_USUAL} ({@link Severity#LOW}, no alert) otherwise;</li>
     *   <li>{@link Verdict#NOT_CHECKED} when it cannot be checked: a dose in mL ({@link Severity#LOW}), a per-kg
     *       or per-m² row without the weight or body surface area ({@link Severity#MODERATE}), an unknown unit
     *       ({@link Severity#MODERATE}), a route the table has no row for ({@link Severity#LOW}).</li>
     * </ul>
     *
     * @param drug          generic name (case and surrounding spaces ignored)
     * @param amount        the amount of one administration
     * @param unit          mg, mcg, g, units or mL (µg is mcg)
     * @param frequency     as an order writes it, e.g. "twice daily", "every 8 hours", "once weekly", "as needed"
     * @param route         e.g. "oral", "intravenous", "subcutaneous"; blank or null is oral
     * @param weightKg      body weight in kg, needed for per-kg rows
     * @param bodySurfaceM2 body surface area in m², needed for per-m² rows
     * @return empty when the table does not know the drug; otherwise the advice (never silence for a known drug)
     */
    public Optional<DoseLimitAdvice> check(String drug, double amount, String unit, String frequency, String route,
                                           OptionalDouble weightKg, OptionalDouble bodySurfaceM2) {
        if (drug == null) {
            return Optional.empty();
        }
        String name = name(drug);
        List<DoseLimit> rows = byDrug.get(name);
        if (rows == null) {
            return Optional.empty();
        }
        String r = route(route);
        DoseLimit row = byDrugAndRoute.get(key(name, r));
        if (row == null) {
            String routes = String.join(", ", rows.stream().map(DoseLimit::route).toList());
            Text text = Text.of("advice.doseLimit.noRow", r, name, routes);
            String source = title() + " " + version();
            return Optional.of(new DoseLimitAdvice(name, r, Verdict.NOT_CHECKED,
                    new Recommendation(Severity.LOW, text.english(), "", Optional.empty(), source, text), Optional.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), "", source, version()));
        }
        return Optional.of(new DoseLimitCheck(row, version(), bodySizeAllowance)
                .check(amount, unit, frequency, weightKg, bodySurfaceM2));
    }

    static String key(String drug, String route) {
        return drug + "\t" + route;
    }

    private static String name(String drug) {
        return drug.strip().toLowerCase(Locale.ROOT);
    }

    private static String route(String route) {
        return route == null || route.isBlank() ? DEFAULT_ROUTE : route.strip().toLowerCase(Locale.ROOT);
    }
}
