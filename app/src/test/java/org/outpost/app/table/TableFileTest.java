package org.outpost.app.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.app.table.TableFile.HeaderKeys;
import org.outpost.app.table.TableFile.Row;
import org.outpost.app.table.TableFile.Width;

/** The one reader of the bundled clinical table files: the layout every table shares. */
class TableFileTest {
    private static final List<String> COLUMNS = List.of("drug", "dose", "source");

    /** A problem as a test exception that keeps the file and line apart from the text. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String file;
        final int line;
        final String problem;

        Problem(String file, int line, String problem) {
            super(file + " line " + line + ": " + problem);
            this.file = file;
            this.line = line;
            this.problem = problem;
        }
    }

    private static TableFile parse(String text) {
        return TableFile.parse("t.tsv", text, HeaderKeys.NAME, Problem::new);
    }

    private static Problem failure(Runnable r) {
        return catchThrowableOfType(Problem.class, r::run);
    }

    @Test
    void readsTheHeaderBlockTheColumnRowAndTheRowsWithTheirLines() {
        TableFile t = parse("""
                # table: a test table
                # version: 1.2
                # date: 2025-01-31

                drug\tdose\tsource
                alpha\t10\tlabel 1
                # a comment between rows
                beta\t20\tlabel 2

                """);
        assertThat(t.file()).isEqualTo("t.tsv");
        assertThat(t.header()).containsExactly(Map.entry("table", "a test table"),
                Map.entry("version", "1.2"), Map.entry("date", "2025-01-31"));
        assertThat(t.columns()).containsExactly("drug", "dose", "source");
        assertThat(t.columnLine()).isEqualTo(5);
        assertThat(t.hasColumnRow()).isTrue();
        assertThat(t.rows()).containsExactly(new Row(6, List.of("alpha", "10", "label 1")),
                new Row(8, List.of("beta", "20", "label 2")));
        assertThat(t.rows().get(1).cell(1)).isEqualTo("20");
        assertThat(t.lastLine()).isEqualTo(9);
        assertThat(t.required("version")).isEqualTo("1.2");
        assertThat(t.date("date")).isEqualTo(LocalDate.of(2025, 1, 31));
        t.expectColumns(COLUMNS);
    }

    @Test
    void aByteOrderMarkOnTheFirstLineIsIgnored() {
        TableFile t = parse("\uFEFF# version: 1\ndrug\tdose\tsource\nalpha\t1\tx\n");
        assertThat(t.header()).containsOnlyKeys("version");
        TableFile noHeader = parse("\uFEFFdrug\tdose\tsource\nalpha\t1\tx\n");
        assertThat(noHeader.columns()).containsExactly("drug", "dose", "source");
    }

    @Test
    void windowsAndOldMacLineEndsNumberLinesAsAnEditorDoes() {
        TableFile crlf = parse("# version: 1\r\n\r\ndrug\tdose\tsource\r\nalpha\t1\tx\r\n");
        assertThat(crlf.header()).containsEntry("version", "1");
        assertThat(crlf.columnLine()).isEqualTo(3);
        assertThat(crlf.rows()).containsExactly(new Row(4, List.of("alpha", "1", "x")));
        TableFile cr = parse("# version: 1\rdrug\tdose\tsource\ralpha\t1\tx\r");
        assertThat(cr.rows()).containsExactly(new Row(3, List.of("alpha", "1", "x")));
    }

    @Test
    void blankLinesAndWhiteSpaceAroundCellsAreIgnored() {
        TableFile t = parse("  \n\t\n drug \tdose\t source\n\nalpha \t 1\tx  \n   \n");
        assertThat(t.columns()).containsExactly("drug", "dose", "source");
        assertThat(t.rows()).containsExactly(new Row(5, List.of("alpha", "1", "x")));
    }

    @Test
    void aHeaderKeyGivenTwiceIsRefusedOnItsSecondLine() {
        Problem p = failure(() -> parse("# version: 1\n# date: 2025-01-01\n# version: 2\ndrug\tdose\tsource\n"));
        assertThat(p.file).isEqualTo("t.tsv");
        assertThat(p.line).isEqualTo(3);
        assertThat(p.problem).isEqualTo("header key 'version' is given twice");
        assertThat(failure(() -> TableFile.parse("t.tsv", "# Version: 1\n# version: 2\nx\n", HeaderKeys.WORD,
                Problem::new)).line).isEqualTo(2);
    }

    @Test
    void aProseCommentWithAColonIsNotAKey() {
        String text = """
                # version: 1
                # Note that the bands meet: 30 falls in the higher one.
                # see also: the label
                #: nothing before the colon
                # a plain comment
                drug\tdose\tsource
                """;
        assertThat(parse(text).header()).containsOnlyKeys("version");
        assertThat(TableFile.parse("t.tsv", text, HeaderKeys.WORD, Problem::new).header()).containsOnlyKeys("version");
    }

    @Test
    void theTwoKeySyntaxesDifferOnlyInWhatAKeyMayBeWrittenAs() {
        String text = "# Version: 2\n# drug_name: x\n# 2024: y\n# reviewed-by:  a pharmacist \ndrug\n";
        assertThat(parse(text).header()).containsExactly(Map.entry("reviewed-by", "a pharmacist"));
        assertThat(TableFile.parse("t.tsv", text, HeaderKeys.WORD, Problem::new).header()).containsExactly(
                Map.entry("version", "2"), Map.entry("drug_name", "x"),
                Map.entry("2024", "y"), Map.entry("reviewed-by", "a pharmacist"));
    }

    @Test
    void afterTheColumnRowAKeyLineIsOnlyAComment() {
        TableFile t = parse("# version: 1\ndrug\tdose\tsource\n# version: 2\n# date: 2025-01-01\nalpha\t1\tx\n");
        assertThat(t.header()).containsOnlyKeys("version").containsEntry("version", "1");
    }

    @Test
    void shortAndLongRowsAreMeasuredByTheTablesOwnRule() {
        TableFile t = parse("drug\tdose\tsource\nalpha\t1\nbeta\t2\tx\ty\ngamma\t3\tz\t\n");
        Row shortRow = t.rows().get(0);
        Row longRow = t.rows().get(1);
        Row trailingTab = t.rows().get(2);
        assertThat(t.cells(shortRow, COLUMNS, Width.PAD_SHORT)).containsExactly("alpha", "1", "");
        Problem tooFew = failure(() -> t.cells(shortRow, COLUMNS, Width.EXACT));
        assertThat(tooFew.line).isEqualTo(2);
        assertThat(tooFew.problem).isEqualTo("expected 3 tab-separated columns (drug, dose, source), found 2");
        for (Width w : Width.values()) {
            Problem tooMany = failure(() -> t.cells(longRow, COLUMNS, w));
            assertThat(tooMany.line).isEqualTo(3);
            assertThat(tooMany.problem).endsWith("found 4");
            // a trailing tab is an empty last cell, so one column too many
            assertThat(failure(() -> t.cells(trailingTab, COLUMNS, w)).problem).endsWith("found 4");
        }
        assertThat(t.rows().get(0).cells()).containsExactly("alpha", "1");
    }

    @Test
    void theColumnRowIsCheckedIgnoringCaseOnItsLine() {
        parse("Drug\tDOSE\tsource\n").expectColumns(COLUMNS);
        Problem p = failure(() -> parse("# version: 1\ndrug\tamount\tsource\n").expectColumns(COLUMNS));
        assertThat(p.line).isEqualTo(2);
        assertThat(p.problem).isEqualTo("header row must be the tab-separated columns drug, dose, source; found "
                + "drug, amount, source");
        assertThat(failure(() -> parse("drug\tdose\n").expectColumns(COLUMNS)).problem).endsWith("found drug, dose");
    }

    @Test
    void aFileWithoutAColumnRowIsReadSoItsTableCanSayWhatItExpected() {
        TableFile t = parse("# version: 1\n# only comments\n\n");
        assertThat(t.hasColumnRow()).isFalse();
        assertThat(t.columnLine()).isZero();
        assertThat(t.columns()).isEmpty();
        assertThat(t.rows()).isEmpty();
        Problem p = failure(() -> t.expectColumns(COLUMNS));
        assertThat(p.line).isEqualTo(3);
        assertThat(p.problem).isEqualTo("no header row: expected the tab-separated columns drug, dose, source");
        assertThat(failure(() -> parse("").expectColumns(COLUMNS)).line).isEqualTo(1);
    }

    @Test
    void requiredHeaderKeysAndDatesAreRaisedOnTheColumnRow() {
        TableFile t = parse("# version: 1\n# date: 31/01/2025\n# reviewed-by:\ndrug\tdose\tsource\n");
        Problem missing = failure(() -> t.required("source"));
        assertThat(missing.line).isEqualTo(4);
        assertThat(missing.problem).isEqualTo("missing '# source: ...' line in the header block before the header row");
        assertThat(failure(() -> t.required("reviewed-by")).problem).startsWith("missing '# reviewed-by: ...'");
        assertThat(failure(() -> t.date("date")).problem)
                .isEqualTo("header date '31/01/2025' is not a date written yyyy-mm-dd");
    }

    @Test
    void problemsAreTheTablesOwnException() {
        TableFile t = parse("drug\tdose\tsource\nalpha\t1\tx\n");
        assertThat(t.error(t.rows().getFirst(), "dose too high")).isInstanceOf(Problem.class)
                .hasMessage("t.tsv line 2: dose too high");
        assertThatThrownBy(() -> TableFile.parse("u.tsv", "# a: 1\n# a: 2\n", HeaderKeys.NAME,
                (file, line, problem) -> new IllegalStateException(file + "@" + line + " " + problem)))
                .isInstanceOf(IllegalStateException.class).hasMessage("u.tsv@2 header key 'a' is given twice");
    }

    @Test
    void readsFromAReaderAsFromText() throws IOException {
        String text = "\uFEFF# version: 1\r\ndrug\tdose\tsource\r\nalpha\t1\tx\r\n";
        TableFile fromReader = TableFile.parse("t.tsv", new StringReader(text), HeaderKeys.NAME, Problem::new);
        TableFile fromText = parse(text);
        assertThat(fromReader.header()).isEqualTo(fromText.header());
        assertThat(fromReader.rows()).isEqualTo(fromText.rows());
        assertThat(fromReader.lastLine()).isEqualTo(fromText.lastLine()).isEqualTo(3);
    }
}
