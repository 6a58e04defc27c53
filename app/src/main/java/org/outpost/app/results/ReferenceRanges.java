package org.outpost.app.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.app.table.TableFile;
import org.outpost.app.table.TableFile.HeaderKeys;
import org.outpost.app.table.TableFile.Width;

/**
 * The adult reference ranges and critical limits of the measures Outpost records, read from
 * {@code reference-ranges.tsv} beside this class (or any file of the same layout). The layout is the one every
 * bundled table shares ({@link TableFile}): a header block with at least {@code # version:} and {@code # date:}
 * (yyyy-mm-dd), then the columns {@code measure loinc sex unit low high critical_low critical_high source}:
 *
 * <ul>
 *   <li>{@code measure}: the {@link Measure} name, e.g. {@code CREATININE}; {@code loinc} its LOINC code, checked
 *       against it so a row cannot silently name another measure;</li>
 *   <li>{@code sex}: {@code any}, or {@code female} and {@code male} in two rows for a sex-specific range (a measure
 *       has one {@code any} row or one row of each sex, never both);</li>
 *   <li>{@code unit}: the measure's canonical UCUM unit (mg/dL for creatinine), so no limit depends on a
 *       conversion;</li>
 *   <li>the four limits: plain decimal numbers, any of them blank when the measure has no such limit, ordered
 *       critical_low ≤ low ≤ high ≤ critical_high (semantics in {@link ReferenceRange});</li>
 *   <li>{@code source}: the published reference the row is taken from; required.</li>
 * </ul>
 * A measure without a row has no range and its values are not flagged. A file that breaks the layout is refused
 * whole with a {@link ReferenceRangeFileException} naming the file and line. Immutable.
 */
public final class ReferenceRanges {
    /** The bundled table's resource name, beside this class. */
    public static final String RESOURCE = "reference-ranges.tsv";
    static final List<String> COLUMNS = List.of("measure", "loinc", "sex", "unit", "low", "high", "critical_low",
            "critical_high", "source");
    private static final List<String> REQUIRED_KEYS = List.of("version", "date");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final Map<String, String> header;
    private final LocalDate date;
    private final Map<Measure, ReferenceRange> any;
    private final Map<Measure, Map<Sex, ReferenceRange>> bySex;

    private ReferenceRanges(Map<String, String> header, LocalDate date, Map<Measure, ReferenceRange> any,
                            Map<Measure, Map<Sex, ReferenceRange>> bySex) {
        this.header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        this.date = date;
        this.any = Collections.unmodifiableMap(any);
        this.bySex = Collections.unmodifiableMap(bySex);
    }

    private static final class Bundled {
        static final ReferenceRanges TABLE = read();

        private static ReferenceRanges read() {
            try (InputStream in = ReferenceRanges.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled reference range table " + RESOURCE + " is missing");
                }
                return parse(RESOURCE + " (bundled)", new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("The bundled reference range table cannot be read", e);
            }
        }
    }

    /** The table bundled with this build (read once). */
    public static ReferenceRanges bundled() {
        return Bundled.TABLE;
    }

    /**
     * Reads a table.
     *
     * @param file the file's name for messages
     * @throws ReferenceRangeFileException naming the line, when the file breaks the layout
     * @throws IOException                 when {@code in} cannot be read
     */
    public static ReferenceRanges parse(String file, Reader in) throws IOException {
        TableFile table = TableFile.parse(file, in instanceof BufferedReader b ? b : new BufferedReader(in),
                HeaderKeys.NAME, ReferenceRangeFileException::new);
        table.expectColumns(COLUMNS);
        REQUIRED_KEYS.forEach(table::required);
        LocalDate date = table.date("date");
        Map<Measure, ReferenceRange> any = new EnumMap<>(Measure.class);
        Map<Measure, Map<Sex, ReferenceRange>> bySex = new EnumMap<>(Measure.class);
        Map<Measure, Integer> lines = new EnumMap<>(Measure.class);
        for (TableFile.Row row : table.rows()) {
            List<String> f = table.cells(row, COLUMNS, Width.PAD_SHORT);
            ReferenceRange range = row(table, row, f);
            Measure m = range.measure();
            Integer earlier = lines.putIfAbsent(m, row.line());
            if (range.sex().isEmpty()) {
                if (earlier != null) {
                    throw table.error(row, m + " already has a range on line " + earlier
                            + ": a measure has one 'any' row or one female and one male row");
                }
                any.put(m, range);
            } else {
                if (any.containsKey(m)) {
                    throw table.error(row, m + " already has an 'any' range on line " + earlier
                            + ": a measure has one 'any' row or one female and one male row");
                }
                if (bySex.computeIfAbsent(m, k -> new EnumMap<>(Sex.class)).putIfAbsent(range.sex().get(), range)
                        != null) {
                    throw table.error(row, m + " already has a " + f.get(2) + " range above this line");
                }
            }
        }
        for (Map.Entry<Measure, Map<Sex, ReferenceRange>> e : bySex.entrySet()) {
            Map<Sex, ReferenceRange> two = e.getValue();
            if (two.size() != 2) {
                throw table.error(lines.get(e.getKey()), e.getKey() + " has a range for one sex only: give both "
                        + "a female and a male row, or one 'any' row");
            }
            try {
                two.put(Sex.OTHER, ReferenceRange.spanning(two.get(Sex.FEMALE), two.get(Sex.MALE)));
            } catch (IllegalArgumentException ex) {
                throw table.error(lines.get(e.getKey()), "the female and male ranges of " + e.getKey()
                        + " leave no range for a patient of other or unknown sex: " + ex.getMessage());
            }
        }
        return new ReferenceRanges(table.header(), date, any, bySex);
    }

    private static ReferenceRange row(TableFile table, TableFile.Row row, List<String> f) {
        Measure measure;
        try {
            measure = Measure.valueOf(f.get(0));
        } catch (IllegalArgumentException e) {
            throw table.error(row, "unknown measure '" + f.get(0) + "': use a Measure name such as GLUCOSE");
        }
        if (!measure.loinc().equals(f.get(1))) {
            throw table.error(row, "loinc '" + f.get(1) + "' is not " + measure + "'s code " + measure.loinc());
        }
        Optional<Sex> sex = switch (f.get(2)) {
            case "any" -> Optional.empty();
            case "female" -> Optional.of(Sex.FEMALE);
            case "male" -> Optional.of(Sex.MALE);
            default -> throw table.error(row, "sex '" + f.get(2) + "' must be any, female or male");
        };
        Unit unit = Unit.parse(f.get(3)).filter(u -> u.ucum().equals(f.get(3))).orElseThrow(() -> table.error(row,
                "unit '" + f.get(3) + "' is not a UCUM code Outpost knows; " + measure + " is written in "
                        + measure.canonicalUnit().ucum()));
        if (unit != measure.canonicalUnit()) {
            throw table.error(row, "unit '" + f.get(3) + "' must be " + measure + "'s canonical unit "
                    + measure.canonicalUnit().ucum());
        }
        OptionalDouble low = limit(table, row, "low", f.get(4));
        OptionalDouble high = limit(table, row, "high", f.get(5));
        OptionalDouble criticalLow = limit(table, row, "critical_low", f.get(6));
        OptionalDouble criticalHigh = limit(table, row, "critical_high", f.get(7));
        if (f.get(8).isEmpty()) {
            throw table.error(row, "source is empty: cite the published reference the range is taken from");
        }
        try {
            return new ReferenceRange(measure, sex, unit, low, high, criticalLow, criticalHigh, f.get(8));
        } catch (IllegalArgumentException e) {
            throw table.error(row, e.getMessage());
        }
    }

    private static OptionalDouble limit(TableFile table, TableFile.Row row, String column, String cell) {
        if (cell.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw table.error(row, column + " '" + cell + "' is not a number (digits with an optional decimal point, "
                    + "or blank for no limit)");
        }
        return OptionalDouble.of(Double.parseDouble(cell));
    }

    /**
     * The range that applies to a patient of {@code sex}, in the measure's canonical unit; empty when the table has
     * none for the measure. For a sex-specific measure and a patient of other or unknown sex, the range spanning
     * both sexes' ({@link ReferenceRange}).
     */
    public Optional<ReferenceRange> range(Measure measure, Sex sex) {
        ReferenceRange one = any.get(measure);
        if (one != null) {
            return Optional.of(one);
        }
        Map<Sex, ReferenceRange> two = bySex.get(measure);
        if (two == null) {
            return Optional.empty();
        }
        return Optional.of(two.getOrDefault(sex, two.get(Sex.OTHER)));
    }

    /** The flag of an observation for a patient of {@code sex}; empty when its measure has no range. */
    public Optional<ResultFlag> flag(Observation observation, Sex sex) {
        return range(observation.measure(), sex).map(r -> r.flag(observation.value()));
    }

    /** The measures the table gives a range for. */
    public List<Measure> measures() {
        List<Measure> all = new ArrayList<>(any.keySet());
        all.addAll(bySex.keySet());
        all.sort(null);
        return List.copyOf(all);
    }

    /** The header's version. */
    public String version() {
        return header.get("version");
    }

    /** The header's date. */
    public LocalDate date() {
        return date;
    }

    /** Every header key and value, in file order. */
    public Map<String, String> header() {
        return header;
    }
}
