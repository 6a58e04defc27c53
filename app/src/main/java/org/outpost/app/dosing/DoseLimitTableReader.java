package org.outpost.app.dosing;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outpost.app.dosing.DoseLimit.Basis;
import org.outpost.app.dosing.DoseLimit.Range;
import org.outpost.app.table.TableFile;
import org.outpost.app.table.TableFile.HeaderKeys;
import org.outpost.app.table.TableFile.Width;

/**
 * Reads a dose-limit table file strictly: any problem refuses the whole file with a {@link DoseLimitFileException}
 * naming the file and line. The layout is described on {@link DoseLimits}; the part every bundled table shares
 * (header block, comments, blank lines, tabs) is read by {@link TableFile}.
 */
final class DoseLimitTableReader {
    /** The header row, in order. */
    static final List<String> COLUMNS = List.of("drug", "route", "basis", "unit", "usual_single_low",
            "usual_single_high", "usual_daily_low", "usual_daily_high", "max_single", "max_daily", "max_weekly",
            "comment", "source");
    static final List<String> REQUIRED_KEYS = List.of("version", "date", "reviewed-by");
    /** The optional header key for the rounding allowance of weight- and BSA-based maxima, e.g. "10%". */
    static final String ALLOWANCE_KEY = "body-size-allowance";
    /** The largest allowance a table may set: more would hide real overdoses. */
    static final double MAX_ALLOWANCE_PERCENT = 25;

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern PERCENT = Pattern.compile("([0-9]+(\\.[0-9]+)?)\\s*%");
    private static final Pattern ROUTE = Pattern.compile("[a-z][a-z -]*");

    private final String file;
    private final List<DoseLimit> rows = new ArrayList<>();
    private final Map<String, DoseLimit> seen = new HashMap<>();

    private DoseLimitTableReader(String file) {
        this.file = file;
    }

    static DoseLimits read(String file, BufferedReader in) throws IOException {
        return new DoseLimitTableReader(file).parse(in);
    }

    private DoseLimits parse(BufferedReader in) throws IOException {
        TableFile table = TableFile.parse(file, in, HeaderKeys.NAME, DoseLimitFileException::new);
        table.expectColumns(COLUMNS);
        REQUIRED_KEYS.forEach(table::required);
        LocalDate date = table.date("date");
        double allowance = allowance(table);
        for (TableFile.Row row : table.rows()) {
            add(row(row.line(), table.cells(row, COLUMNS, Width.EXACT).toArray(String[]::new)));
        }
        if (rows.isEmpty()) {
            throw fail(table.lastLine(), "the table has no rows");
        }
        return new DoseLimits(file, table.header(), date, allowance, rows);
    }

    private DoseLimitFileException fail(int line, String problem) {
        return new DoseLimitFileException(file, line, problem);
    }

    private double allowance(TableFile table) {
        String text = table.header().get(ALLOWANCE_KEY);
        if (text == null) {
            return 0;
        }
        Matcher m = PERCENT.matcher(text);
        if (!m.matches() || Double.parseDouble(m.group(1)) > MAX_ALLOWANCE_PERCENT) {
            throw fail(table.columnLine(), "header " + ALLOWANCE_KEY + " '" + text + "' is not a percentage from 0% to "
                    + Amounts.text(MAX_ALLOWANCE_PERCENT) + "%");
        }
        return Double.parseDouble(m.group(1)) / 100;
    }

    private DoseLimit row(int n, String[] f) {
        String drug = f[0];
        if (drug.isEmpty()) {
            throw fail(n, "drug is empty");
        }
        if (!drug.equals(drug.toLowerCase(Locale.ROOT))) {
            throw fail(n, "drug '" + drug + "' must be written as the lower-case generic name");
        }
        String route = f[1];
        if (!ROUTE.matcher(route).matches()) {
            throw fail(n, "route '" + route + "' must be a lower-case route such as oral, intravenous, subcutaneous");
        }
        Basis basis = Basis.ofCode(f[2]).orElseThrow(() -> fail(n,
                "basis '" + f[2] + "' is none of absolute, per-kg (per kg body weight), per-m2 (per m2 body surface area)"));
        String unit = f[3];
        if (!DoseLimit.UNITS.contains(unit)) {
            throw fail(n, "unit '" + unit + "' is none of mg, mcg, g, units");
        }
        Range usualSingle = range(n, "usual_single", f[4], f[5]);
        Range usualDaily = range(n, "usual_daily", f[6], f[7]);
        double maxSingle = number(n, "max_single", f[8]);
        double maxDaily = number(n, "max_daily", f[9]);
        OptionalDouble maxWeekly = f[10].isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(number(n, "max_weekly", f[10]));
        if (maxSingle < usualSingle.high()) {
            throw fail(n, "max_single " + f[8] + " is below the usual single dose (up to " + f[5]
                    + "): a maximum cannot be below the usual range");
        }
        if (maxDaily < usualDaily.high()) {
            throw fail(n, "max_daily " + f[9] + " is below the usual daily dose (up to " + f[7]
                    + "): a maximum cannot be below the usual range");
        }
        if (maxDaily < maxSingle) {
            throw fail(n, "max_daily " + f[9] + " is below max_single " + f[8]
                    + ": one dose cannot be more than the day's maximum");
        }
        if (maxWeekly.isPresent() && maxWeekly.getAsDouble() < maxSingle) {
            throw fail(n, "max_weekly " + f[10] + " is below max_single " + f[8]
                    + ": one dose cannot be more than the week's maximum");
        }
        if (f[12].isEmpty()) {
            throw fail(n, "source is empty: cite the label and section, or the guideline and year");
        }
        return new DoseLimit(drug, route, basis, unit, usualSingle, usualDaily, maxSingle, maxDaily, maxWeekly,
                f[11], f[12], n);
    }

    private Range range(int n, String column, String low, String high) {
        double lo = number(n, column + "_low", low);
        double hi = number(n, column + "_high", high);
        if (lo > hi) {
            throw fail(n, column + "_low " + low + " is above " + column + "_high " + high);
        }
        return new Range(lo, hi);
    }

    private double number(int n, String column, String text) {
        if (!NUMBER.matcher(text).matches() || Double.parseDouble(text) <= 0) {
            throw fail(n, column + " '" + text + "' is not a positive number: write the amount alone, e.g. 40 or 2.5"
                    + ", in the row's unit");
        }
        return Double.parseDouble(text);
    }

    private void add(DoseLimit row) {
        DoseLimit earlier = seen.putIfAbsent(DoseLimits.key(row.drug(), row.route()), row);
        if (earlier != null) {
            throw fail(row.line(), row.drug() + " by the " + row.route() + " route is already given on line "
                    + earlier.line() + ": one row per drug and route");
        }
        rows.add(row);
    }
}
