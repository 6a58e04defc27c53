package org.outpost.app.pgx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One CPIC table file: a header block of {@code # key: value} lines, a row of column names, then data rows,
 * all tab-separated UTF-8 text. Lines starting with {@code #} after the column row are comments; blank lines
 * are skipped. A row with fewer cells than columns has empty trailing cells (editors drop trailing tabs); a
 * row with more is an error.
 */
record Tsv(String file, Map<String, String> header, List<String> columns, int columnLine, List<Row> rows) {

    /** A data row and the 1-based line it is on. */
    record Row(int line, List<String> cells) {
        String cell(int column) {
            return cells.get(column);
        }
    }

    static Tsv parse(String file, String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n|\r", -1);
        Map<String, String> header = new LinkedHashMap<>();
        List<String> columns = null;
        int columnLine = 0;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (columns == null) {
                    readHeaderLine(file, lineNo, line, header);
                }
                continue;
            }
            List<String> cells = split(line);
            if (columns == null) {
                for (String c : cells) {
                    if (c.isEmpty()) {
                        throw new CpicTableException(file, lineNo, "a column name is empty");
                    }
                }
                columns = List.copyOf(cells);
                columnLine = lineNo;
                continue;
            }
            if (cells.size() > columns.size()) {
                throw new CpicTableException(file, lineNo, "expected " + columns.size()
                        + " tab-separated columns (" + String.join(", ", columns) + "), found " + cells.size());
            }
            while (cells.size() < columns.size()) {
                cells.add("");
            }
            rows.add(new Row(lineNo, List.copyOf(cells)));
        }
        if (columns == null) {
            throw new CpicTableException(file, 0, "no column row (the first line that does not start with #)");
        }
        if (rows.isEmpty()) {
            throw new CpicTableException(file, 0, "no data rows");
        }
        return new Tsv(file, Collections.unmodifiableMap(header), columns, columnLine, List.copyOf(rows));
    }

    private static void readHeaderLine(String file, int lineNo, String line, Map<String, String> header) {
        String body = line.substring(1).strip();
        int colon = body.indexOf(':');
        if (colon <= 0) {
            return; // a plain comment
        }
        String key = body.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        if (key.contains(" ")) {
            return; // prose that happens to contain a colon
        }
        String value = body.substring(colon + 1).strip();
        if (header.putIfAbsent(key, value) != null) {
            throw new CpicTableException(file, lineNo, "header key '" + key + "' is given twice");
        }
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        for (String c : line.split("\t", -1)) {
            cells.add(c.strip());
        }
        return cells;
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
