package org.outpost.app.pgx;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.outpost.app.table.TableFile;
import org.outpost.app.table.TableFile.HeaderKeys;
import org.outpost.app.table.TableFile.Row;
import org.outpost.app.table.TableFile.Width;

/**
 * One CPIC table file, read by {@link TableFile}: a header block of {@code # key: value} lines (any one word before
 * the colon, lower-cased), a row of column names, then data rows. A row with fewer cells than columns has empty
 * trailing cells (editors drop trailing tabs); a row with more is an error, as is a file without data rows. Problems
 * are {@link CpicTableException}s.
 */
record Tsv(String file, Map<String, String> header, List<String> columns, int columnLine, List<Row> rows) {

    static Tsv parse(String file, String text) {
        TableFile table = TableFile.parse(file, text, HeaderKeys.WORD, CpicTableException::new);
        if (!table.hasColumnRow()) {
            throw new CpicTableException(file, 0, "no column row (the first line that does not start with #)");
        }
        for (String c : table.columns()) {
            if (c.isEmpty()) {
                throw new CpicTableException(file, table.columnLine(), "a column name is empty");
            }
        }
        List<Row> rows = table.rows().stream()
                .map(r -> new Row(r.line(), table.cells(r, table.columns(), Width.PAD_SHORT)))
                .toList();
        if (rows.isEmpty()) {
            throw new CpicTableException(file, 0, "no data rows");
        }
        return new Tsv(file, table.header(), table.columns(), table.columnLine(), rows);
    }

    /** A header value that must be present and not blank. */
    String required(String key) {
        String v = header.get(key);
        if (v == null || v.isBlank()) {
            throw new CpicTableException(file, 0, "missing header line '# " + key + ": ...'");
        }
        return v;
    }

    String optional(String key) {
        return header.getOrDefault(key, "");
    }

    /** Checks the column names, in order (case-insensitive). */
    void expectColumns(List<String> expected) {
        if (columns.size() != expected.size() || !lower(columns).equals(lower(expected))) {
            throw new CpicTableException(file, columnLine, "expected the columns " + String.join(" | ", expected)
                    + ", found " + String.join(" | ", columns));
        }
    }

    CpicTableException error(Row row, String problem) {
        return new CpicTableException(file, row.line(), problem);
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
