package org.outpost.app.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One clinical data table file, read into its header block, column row and data rows. Every table Outpost bundles
 * (CPIC gene tables, renal dose rules, dose limits, interactions, medicines by class, allergy cross-reactivity, the
 * warfarin label table) is written in this one format, so that a pharmacist who can edit one can edit them all,
 * and it is read here once, so that all of them treat a byte-order mark, a Windows line end or a stray comment the
 * same way.
 *
 * <p>The format: UTF-8 text, tab-separated, versioned and cited in its own header.
 * <ol>
 *   <li>An optional byte-order mark at the start of line 1 is ignored; lines may end in LF, CRLF or CR; blank lines
 *       (empty or only white space) are skipped anywhere.</li>
 *   <li>The <b>header block</b>: lines starting with {@code #} before the column row. A {@code # key: value} line
 *       gives a header key (which words count as a key: {@link HeaderKeys}); a key given twice is an error, since
 *       two versions or dates of one table cannot both be right. Any other {@code #} line is a comment.</li>
 *   <li>The <b>column row</b>: the first line that is neither blank nor starts with {@code #}.</li>
 *   <li><b>Data rows</b>: every later line that is neither blank nor starts with {@code #}. After the column row
 *       a {@code #} line is always a comment, even if it looks like {@code # key: value}.</li>
 * </ol>
 * Rows (and the column row) are split on tabs and each cell is stripped of surrounding white space. Lines are
 * numbered from 1 as an editor shows them, counting blank lines and comments.
 *
 * <p>This class checks only the layout. What the columns are, how many cells a row needs ({@link Width}), which
 * header keys are required and what a cell may hold are the owning table's rules, checked by its reader with the
 * helpers here or its own code. Every problem is raised through the table's {@link Errors}, so each table keeps its
 * own exception type; the message names the file and 1-based line (0 when the problem is with the whole file).
 * Immutable.
 */
public final class TableFile {
    private static final Pattern NAME_KEY = Pattern.compile("#\\s*([a-z][a-z0-9-]*)\\s*:\\s*(.*)");

    /** Makes the exception a table reports its problems with. */
    @FunctionalInterface
    public interface Errors {
        /**
         * @param line    the 1-based line the problem is on, or 0 when it concerns the whole file
         * @param problem what is wrong, for whoever edits the file
         */
        RuntimeException at(String file, int line, String problem);
    }

    /** Which {@code #} lines of the header block are {@code key: value} lines; the others are comments. */
    public enum HeaderKeys {
        /**
         * A key is a lower-case name as written: a letter, then letters, digits and hyphens ({@code # reviewed-by:
         * ...}). {@code # Version: 2} or {@code # see also: ...} are comments.
         */
        NAME,
        /**
         * A key is whatever precedes the first colon, if it holds no space, lower-cased ({@code # Version: 2} gives
         * {@code version}); {@code # see also: ...} is a comment (prose that happens to contain a colon). The CPIC
         * tables.
         */
        WORD
    }

    /** How many cells a data row must have. */
    public enum Width {
        /** Exactly one cell per column. */
        EXACT,
        /** At most one cell per column; missing trailing cells are empty (editors drop trailing tabs). */
        PAD_SHORT
    }

    /** A data row: the 1-based line it is on and its cells, each stripped. */
    public record Row(int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell at a 0-based column. */
        public String cell(int column) {
            return cells.get(column);
        }
    }

    private final String file;
    private final Map<String, String> header;
    private final List<String> columns;
    private final int columnLine;
    private final List<Row> rows;
    private final int lastLine;
    private final Errors errors;

    private TableFile(String file, Map<String, String> header, List<String> columns, int columnLine, List<Row> rows,
                      int lastLine, Errors errors) {
        this.file = file;
        this.header = Collections.unmodifiableMap(header);
        this.columns = List.copyOf(columns);
        this.columnLine = columnLine;
        this.rows = List.copyOf(rows);
        this.lastLine = lastLine;
        this.errors = errors;
    }

    /**
     * Reads a table. The only problem raised here is a header key given twice; a file without a column row is read
     * (with {@link #hasColumnRow()} false) so that its reader can say which columns it expected.
     *
     * @param file   the file's name for messages, e.g. its resource name or path
     * @param in     the text; closing it is the caller's job
     * @param keys   which header lines are keys
     * @param errors makes the table's own exception
     * @throws IOException when {@code in} cannot be read
     */
    public static TableFile parse(String file, Reader in, HeaderKeys keys, Errors errors) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(errors, "errors");
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        Map<String, String> header = new LinkedHashMap<>();
        List<String> columns = null;
        int columnLine = 0;
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            n++;
            if (n == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (columns == null) {
                    headerLine(file, n, line, keys, header, errors);
                }
                continue;
            }
            List<String> cells = split(line);
            if (columns == null) {
                columns = cells;
                columnLine = n;
            } else {
                rows.add(new Row(n, cells));
            }
        }
        return new TableFile(file, header, columns == null ? List.of() : columns, columnLine, rows, n, errors);
    }

    /** {@link #parse(String, Reader, HeaderKeys, Errors)} of text already read. */
    public static TableFile parse(String file, String text, HeaderKeys keys, Errors errors) {
        try {
            return parse(file, new StringReader(text), keys, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    private static void headerLine(String file, int n, String line, HeaderKeys keys, Map<String, String> header,
                                   Errors errors) {
        String key;
        String value;
        if (keys == HeaderKeys.NAME) {
            Matcher m = NAME_KEY.matcher(line.strip());
            if (!m.matches()) {
                return;
            }
            key = m.group(1);
            value = m.group(2).strip();
        } else {
            String body = line.substring(1).strip();
            int colon = body.indexOf(':');
            if (colon <= 0) {
                return;
            }
            key = body.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (key.contains(" ")) {
                return;
            }
            value = body.substring(colon + 1).strip();
        }
        if (header.putIfAbsent(key, value) != null) {
            throw errors.at(file, n, "header key '" + key + "' is given twice");
        }
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        for (String c : line.split("\t", -1)) {
            cells.add(c.strip());
        }
        return cells;
    }

    /** The file's name as given when reading. */
    public String file() {
        return file;
    }

    /** The header keys and values, in file order. */
    public Map<String, String> header() {
        return header;
    }

    /** The column row's cells as written (stripped); empty when the file has no column row. */
    public List<String> columns() {
        return columns;
    }

    /** The column row's line, or 0 when the file has none. */
    public int columnLine() {
        return columnLine;
    }

    /** Whether the file has a column row (a line that is neither blank nor a {@code #} line). */
    public boolean hasColumnRow() {
        return columnLine > 0;
    }

    /** The data rows in file order, their cells as written: see {@link #cells(Row, List, Width)}. */
    public List<Row> rows() {
        return rows;
    }

    /** The number of lines in the file, counting blank lines and comments (the last line, 0 when empty). */
    public int lastLine() {
        return lastLine;
    }

    /** A problem on a line, as the table's own exception. */
    public RuntimeException error(int line, String problem) {
        return errors.at(file, line, problem);
    }

    /** A problem on a row, as the table's own exception. */
    public RuntimeException error(Row row, String problem) {
        return error(row.line(), problem);
    }

    /**
     * Checks the column row against the columns the table expects, in order, ignoring case; raised on the column
     * row, or on the last line when there is none.
     */
    public void expectColumns(List<String> expected) {
        if (!hasColumnRow()) {
            throw error(Math.max(lastLine, 1), "no header row: expected the tab-separated columns "
                    + String.join(", ", expected));
        }
        List<String> found = lower(columns);
        if (!found.equals(lower(expected))) {
            throw error(columnLine, "header row must be the tab-separated columns " + String.join(", ", expected)
                    + "; found " + String.join(", ", found));
        }
    }

    /** A header value that must be there and not blank; a missing one is raised on the column row. */
    public String required(String key) {
        String value = header.getOrDefault(key, "");
        if (value.isBlank()) {
            throw error(columnLine, "missing '# " + key + ": ...' line in the header block before the header row");
        }
        return value;
    }

    /** A {@link #required} header value that is a date written yyyy-mm-dd. */
    public LocalDate date(String key) {
        String value = required(key);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw error(columnLine, "header " + key + " '" + value + "' is not a date written yyyy-mm-dd");
        }
    }

    /**
     * A row's cells measured against {@code columns}: a row with more cells than columns is an error; one with
     * fewer is an error too ({@link Width#EXACT}) or has empty cells added ({@link Width#PAD_SHORT}).
     *
     * @param columns the columns the row belongs to, named in the message (a file with sections has more than one
     *                column row)
     */
    public List<String> cells(Row row, List<String> columns, Width width) {
        int found = row.cells().size();
        if (found > columns.size() || found < columns.size() && width == Width.EXACT) {
            throw error(row, "expected " + columns.size() + " tab-separated columns (" + String.join(", ", columns)
                    + "), found " + found);
        }
        if (found == columns.size()) {
            return row.cells();
        }
        List<String> padded = new ArrayList<>(row.cells());
        while (padded.size() < columns.size()) {
            padded.add("");
        }
        return List.copyOf(padded);
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
