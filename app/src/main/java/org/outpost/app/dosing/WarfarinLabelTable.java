package org.outpost.app.dosing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.outpost.app.dosing.WarfarinIwpcDose.Cyp2c9;
import org.outpost.app.dosing.WarfarinIwpcDose.Vkorc1;
import org.outpost.app.table.TableFile;
import org.outpost.app.table.TableFile.HeaderKeys;
import org.outpost.app.table.TableFile.Width;

/**
 * The COUMADIN label's Table 1, "Range of Expected Therapeutic Warfarin Doses Based on CYP2C9 and VKORC1
 * Genotypes", read from {@code warfarin-label-genotype-doses.tsv} beside this class: a header block of
 * {@code # key: value} lines (at least {@code table}, {@code source}, {@code label-revision}, {@code version},
 * {@code date}), the header row {@code vkorc1 cyp2c9 min_mg_per_day max_mg_per_day prolonged_time_to_max_inr}, and
 * one row for each of the 18 combinations of VKORC1 −1639 GG/AG/AA and CYP2C9 *1/*1 … *3/*3. A file that breaks
 * this is refused whole with a {@link WarfarinLabelTableException} naming the line (the layout is read by
 * {@link TableFile}). Immutable.
 */
final class WarfarinLabelTable {
    static final String RESOURCE = "warfarin-label-genotype-doses.tsv";
    static final List<String> COLUMNS = List.of("vkorc1", "cyp2c9", "min_mg_per_day", "max_mg_per_day",
            "prolonged_time_to_max_inr");
    private static final List<String> REQUIRED_KEYS = List.of("table", "source", "label-revision", "version", "date");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    /** One cell of the label table: the expected maintenance dose range in mg a day. */
    record Range(double minMgPerDay, double maxMgPerDay, boolean prolongedTimeToMaxInr) { }

    private final Map<String, String> header;
    private final Map<Vkorc1, Map<Cyp2c9, Range>> cells;

    private WarfarinLabelTable(Map<String, String> header, Map<Vkorc1, Map<Cyp2c9, Range>> cells) {
        this.header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        this.cells = cells;
    }

    private static final class Bundled {
        static final WarfarinLabelTable TABLE = read();

        private static WarfarinLabelTable read() {
            try (InputStream in = WarfarinLabelTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled warfarin label table " + RESOURCE + " is missing");
                }
                return parse(RESOURCE + " (bundled)", new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("The bundled warfarin label table cannot be read", e);
            }
        }
    }

    static WarfarinLabelTable bundled() {
        return Bundled.TABLE;
    }

    /** The range for a genotype; every combination of *1–*3 and GG/AG/AA has one. */
    Range range(Vkorc1 vkorc1, Cyp2c9 cyp2c9) {
        return cells.get(vkorc1).get(cyp2c9);
    }

    String source() {
        return header.get("source");
    }

    String version() {
        return header.get("version");
    }

    String labelRevision() {
        return header.get("label-revision");
    }

    Map<String, String> header() {
        return header;
    }

    static WarfarinLabelTable parse(String file, BufferedReader in) throws IOException {
        TableFile table = TableFile.parse(file, in, HeaderKeys.NAME, WarfarinLabelTableException::new);
        table.expectColumns(COLUMNS);
        REQUIRED_KEYS.forEach(table::required);
        Map<Vkorc1, Map<Cyp2c9, Range>> cells = new EnumMap<>(Vkorc1.class);
        for (TableFile.Row row : table.rows()) {
            row(file, row.line(), table.cells(row, COLUMNS, Width.EXACT).toArray(String[]::new), cells);
        }
        int n = table.lastLine();
        for (Vkorc1 v : Vkorc1.values()) {
            for (Cyp2c9 c : Cyp2c9.values()) {
                if (!cells.getOrDefault(v, Map.of()).containsKey(c)) {
                    throw new WarfarinLabelTableException(file, n, "no row for VKORC1 " + v.name() + " with CYP2C9 "
                            + c.label + ": the table has one row for each of the 18 combinations");
                }
            }
        }
        Map<Vkorc1, Map<Cyp2c9, Range>> frozen = new EnumMap<>(Vkorc1.class);
        cells.forEach((v, row) -> frozen.put(v, Collections.unmodifiableMap(new EnumMap<>(row))));
        return new WarfarinLabelTable(table.header(), Collections.unmodifiableMap(frozen));
    }

    private static void row(String file, int n, String[] f, Map<Vkorc1, Map<Cyp2c9, Range>> cells) {
        Vkorc1 vkorc1 = vkorc1(f[0]).orElseThrow(() -> new WarfarinLabelTableException(file, n,
                "vkorc1 '" + f[0] + "' is not GG, AG or AA (the -1639G>A genotype as the label writes it)"));
        Cyp2c9 cyp2c9 = cyp2c9(f[1]).orElseThrow(() -> new WarfarinLabelTableException(file, n,
                "cyp2c9 '" + f[1] + "' is not a diplotype of *1, *2 and *3 written lower allele first, e.g. *1/*3"));
        double min = amount(file, n, "min_mg_per_day", f[2]);
        double max = amount(file, n, "max_mg_per_day", f[3]);
        if (!(min > 0 && min <= max)) {
            throw new WarfarinLabelTableException(file, n,
                    "the range " + f[2] + " to " + f[3] + " mg/day must be positive with min no higher than max");
        }
        boolean prolonged = switch (f[4]) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new WarfarinLabelTableException(file, n,
                    "prolonged_time_to_max_inr '" + f[4] + "' must be yes or no");
        };
        Range previous = cells.computeIfAbsent(vkorc1, k -> new EnumMap<>(Cyp2c9.class))
                .putIfAbsent(cyp2c9, new Range(min, max, prolonged));
        if (previous != null) {
            throw new WarfarinLabelTableException(file, n,
                    "VKORC1 " + vkorc1.name() + " with CYP2C9 " + cyp2c9.label + " is given twice");
        }
    }

    private static Optional<Vkorc1> vkorc1(String text) {
        for (Vkorc1 v : Vkorc1.values()) {
            if (v.name().equals(text)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static Optional<Cyp2c9> cyp2c9(String text) {
        for (Cyp2c9 c : Cyp2c9.values()) {
            if (c.label.equals(text)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static double amount(String file, int n, String column, String text) {
        if (!AMOUNT.matcher(text).matches()) {
            throw new WarfarinLabelTableException(file, n, column + " '" + text + "' is not a number of mg a day");
        }
        return Double.parseDouble(text);
    }
}
