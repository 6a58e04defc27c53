package org.outpost.app.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.dosing.DoseLimitAdvice.Verdict;
import org.outpost.app.model.Severity;

/**
 * Loading a dose-limit table file: a valid file loads and answers; every kind of malformed file is refused whole,
 * naming the file and the line. Also the parts of the check only a hand-made table exercises (a weekly maximum, a
 * drug dosed in units).
 */
class DoseLimitsFileTest {
    private static final OptionalDouble NONE = OptionalDouble.empty();
    private static final String HEADER_ROW = String.join("\t", DoseLimits.COLUMNS);

    @TempDir
    Path dir;

    /** A table whose first row is on line 6 (four header lines, then the header row on line 5). */
    private Path table(String... rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "# table: test limits",
                "# version: test-3",
                "# date: 2025-02-28",
                "# reviewed-by: nobody",
                HEADER_ROW));
        lines.addAll(List.of(rows));
        Path f = dir.resolve("limits.tsv");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    private static String row(String... cells) {
        return String.join("\t", cells);
    }

    /** A valid row for drug x by mouth: usual 10 to 20 mg a dose, 10 to 40 mg a day; maximum 40 mg, 80 mg a day. */
    private static String drugx(String route) {
        return row("drugx", route, "absolute", "mg", "10", "20", "10", "40", "40", "80", "", "A comment.", "Test label 2");
    }

    private DoseLimitFileException failure(Path f) {
        return catchThrowableOfType(DoseLimitFileException.class, () -> DoseLimits.load(f));
    }

    @Test
    void aValidFileLoadsAndAnswers() throws IOException {
        Path f = table(
                drugx("oral"),
                "# a comment between rows",
                "",
                row("drugw", "oral", "absolute", "mg", "7.5", "25", "1", "3.6", "25", "25", "25", "Weekly.", "Test label 3"));
        DoseLimits t = DoseLimits.load(f);
        assertThat(t.version()).isEqualTo("test-3");
        assertThat(t.date()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(t.reviewedBy()).isEqualTo("nobody");
        assertThat(t.title()).isEqualTo("test limits");
        assertThat(t.file()).isEqualTo(f.toString());
        assertThat(t.bodySizeAllowance()).isZero();
        assertThat(t.drugs()).containsExactly("drugw", "drugx");
        DoseLimit w = t.limit("drugw", "oral").orElseThrow();
        assertThat(w.line()).isEqualTo(9);
        assertThat(w.maxWeekly()).hasValue(25);
        assertThat(t.check("drugx", 20, "mg", "twice daily", "oral", NONE, NONE).orElseThrow().verdict())
                .isEqualTo(Verdict.WITHIN_USUAL);
        assertThat(t.check("drugx", 41, "mg", "once daily", "oral", NONE, NONE).orElseThrow().source())
                .isEqualTo("Test label 2");
    }

    @Test
    void aWeeklyMaximumIsCheckedAgainstTheWeeksTotal() throws IOException {
        // a weekly drug: 7.5 to 25 mg once a week, never more than 25 mg a week
        DoseLimits t = DoseLimits.load(table(
                row("drugw", "oral", "absolute", "mg", "7.5", "25", "1", "3.6", "25", "25", "25", "Weekly.", "L")));
        DoseLimitAdvice weekly = t.check("drugw", 15, "mg", "once weekly", "oral", NONE, NONE).orElseThrow();
        assertThat(weekly.verdict()).isEqualTo(Verdict.WITHIN_USUAL);
        // the same dose every day is 105 mg a week: above the weekly maximum (and the usual daily dose)
        DoseLimitAdvice daily = t.check("drugw", 15, "mg", "once daily", "oral", NONE, NONE).orElseThrow();
        assertThat(daily.verdict()).isEqualTo(Verdict.ABOVE_MAXIMUM);
        assertThat(daily.text()).startsWith("drugw 15 mg once daily (105 mg a week) is above the maximum weekly dose of 25 mg (L)");
        // 10 mg every day is 70 mg a week; 40 mg every day is 280 mg a week, more than ten times the maximum
        assertThat(t.check("drugw", 10, "mg", "once daily", "oral", NONE, NONE).orElseThrow().verdict())
                .isEqualTo(Verdict.ABOVE_MAXIMUM);
        DoseLimitAdvice refused = t.check("drugw", 25, "mg", "twice daily", "oral", NONE, NONE).orElseThrow();
        assertThat(refused.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(refused.text()).startsWith("drugw 25 mg twice daily is 350 mg a week, 14 times the maximum weekly "
                + "dose of 25 mg (L): refused");
    }

    @Test
    void aDrugDosedInUnitsTakesUnitsAndRefusesMass() throws IOException {
        DoseLimits t = DoseLimits.load(table(
                row("drugu", "subcutaneous", "absolute", "units", "2500", "5000", "5000", "15000", "5000", "15000", "",
                        "Units.", "L")));
        assertThat(t.check("drugu", 5000, "units", "every 12 hours", "subcutaneous", NONE, NONE).orElseThrow()
                .verdict()).isEqualTo(Verdict.WITHIN_USUAL);
        DoseLimitAdvice mass = t.check("drugu", 5000, "mg", "every 12 hours", "subcutaneous", NONE, NONE).orElseThrow();
        assertThat(mass.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(mass.severity()).isEqualTo(Severity.HIGH);
        assertThat(mass.text()).isEqualTo("drugu 5000 mg: refused — drugu is dosed in units, never in mg, mcg or g (L); "
                + "write the dose in units");
        // no mg/mcg slip for a drug dosed in units, but a zero too many is still named
        assertThat(t.check("drugu", 50000, "units", "once daily", "subcutaneous", NONE, NONE).orElseThrow().text())
                .contains("Likely slip: 5000 units would be a usual dose — an extra zero");
    }

    @Test
    void theBodySizeAllowanceIsReadFromTheHeader() throws IOException {
        Path f = dir.resolve("allowance.tsv");
        Files.write(f, List.of("# version: 1", "# date: 2025-01-31", "# reviewed-by: nobody",
                "# body-size-allowance: 5%", HEADER_ROW,
                row("drugk", "oral", "per-kg", "mg", "1", "2", "1", "2", "2", "2", "", "", "L")), StandardCharsets.UTF_8);
        DoseLimits t = DoseLimits.load(f);
        assertThat(t.bodySizeAllowance()).isEqualTo(0.05);
        OptionalDouble kg = OptionalDouble.of(100);
        assertThat(t.check("drugk", 210, "mg", "once daily", "oral", kg, NONE).orElseThrow().verdict())
                .isEqualTo(Verdict.WITHIN_USUAL);
        assertThat(t.check("drugk", 211, "mg", "once daily", "oral", kg, NONE).orElseThrow().verdict())
                .isEqualTo(Verdict.ABOVE_MAXIMUM);

        Path tooMuch = dir.resolve("toomuch.tsv");
        Files.write(tooMuch, List.of("# version: 1", "# date: 2025-01-31", "# reviewed-by: nobody",
                "# body-size-allowance: 30%", HEADER_ROW, drugx("oral")), StandardCharsets.UTF_8);
        assertThat(failure(tooMuch).getMessage()).isEqualTo(tooMuch + " line 5: header body-size-allowance '30%' is "
                + "not a percentage from 0% to 25%");
    }

    @Test
    void aMissingHeaderKeyIsRefusedNamingTheLine() throws IOException {
        Path f = dir.resolve("noversion.tsv");
        Files.write(f, List.of("# date: 2025-01-31", "# reviewed-by: nobody", HEADER_ROW, drugx("oral")),
                StandardCharsets.UTF_8);
        DoseLimitFileException e = failure(f);
        assertThat(e.file()).isEqualTo(f.toString());
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo(f + " line 3: missing '# version: ...' line in the header block before "
                + "the header row");

        Path noReviewer = dir.resolve("noreviewer.tsv");
        Files.write(noReviewer, List.of("# version: 1", "# date: 2025-01-31", HEADER_ROW, drugx("oral")),
                StandardCharsets.UTF_8);
        assertThat(failure(noReviewer).getMessage()).contains("line 3: missing '# reviewed-by: ...' line");

        Path badDate = dir.resolve("baddate.tsv");
        Files.write(badDate, List.of("# version: 1", "# date: 31/01/2025", "# reviewed-by: nobody", HEADER_ROW,
                drugx("oral")), StandardCharsets.UTF_8);
        assertThat(failure(badDate).getMessage()).contains("line 4: header date '31/01/2025' is not a date");

        Path twice = dir.resolve("twice.tsv");
        Files.write(twice, List.of("# version: 1", "# version: 2"), StandardCharsets.UTF_8);
        assertThat(failure(twice).getMessage()).contains("line 2: header key 'version' is given twice");
    }

    @Test
    void aBadNumberIsRefusedNamingTheLineAndColumn() throws IOException {
        Path f = table(drugx("oral"),
                row("drugy", "oral", "absolute", "mg", "10", "20", "10", "40", "forty", "80", "", "", "L"));
        DoseLimitFileException e = failure(f);
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).isEqualTo(f + " line 7: max_single 'forty' is not a positive number: write the "
                + "amount alone, e.g. 40 or 2.5, in the row's unit");
        assertThat(failure(table(row("drugy", "oral", "absolute", "mg", "0", "20", "10", "40", "40", "80", "", "", "L")))
                .getMessage()).contains("line 6: usual_single_low '0' is not a positive number");
        assertThat(failure(table(row("drugy", "oral", "absolute", "mg", "10", "20", "10", "40", "40 mg", "80", "", "",
                "L"))).getMessage()).contains("line 6: max_single '40 mg' is not a positive number");
        assertThat(failure(table(row("drugy", "oral", "absolute", "mg", "10", "20", "10", "40", "40", "80", "-1", "",
                "L"))).getMessage()).contains("line 6: max_weekly '-1' is not a positive number");
        assertThat(failure(table(row("drugy", "oral", "absolute", "mg", "10", "20", "10", "40", "40", "", "", "",
                "L"))).getMessage()).contains("line 6: max_daily '' is not a positive number");
    }

    @Test
    void aDrugAndRouteGivenTwiceIsRefusedNamingBothLines() throws IOException {
        Path f = table(drugx("oral"), drugx("intravenous"), drugx("oral"));
        DoseLimitFileException e = failure(f);
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.getMessage()).isEqualTo(f + " line 8: drugx by the oral route is already given on line 6: one row "
                + "per drug and route");
    }

    @Test
    void aMaximumBelowTheUsualDoseIsRefused() throws IOException {
        Path single = table(drugx("oral"),
                row("drugy", "oral", "absolute", "mg", "10", "20", "10", "40", "15", "80", "", "", "L"));
        DoseLimitFileException e = failure(single);
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).isEqualTo(single + " line 7: max_single 15 is below the usual single dose (up to 20):"
                + " a maximum cannot be below the usual range");
        assertThat(failure(table(row("drugy", "oral", "absolute", "mg", "10", "20", "10", "40", "40", "30", "", "",
                "L"))).getMessage()).contains("line 6: max_daily 30 is below the usual daily dose (up to 40)");
        assertThat(failure(table(row("drugy", "oral", "absolute", "mg", "10", "20", "10", "40", "60", "50", "", "",
                "L"))).getMessage()).contains("line 6: max_daily 50 is below max_single 60");
        assertThat(failure(table(row("drugy", "oral", "absolute", "mg", "10", "20", "10", "40", "40", "80", "30", "",
                "L"))).getMessage()).contains("line 6: max_weekly 30 is below max_single 40");
        assertThat(failure(table(row("drugy", "oral", "absolute", "mg", "30", "20", "10", "40", "40", "80", "", "",
                "L"))).getMessage()).contains("line 6: usual_single_low 30 is above usual_single_high 20");
        assertThat(failure(table(row("drugy", "oral", "absolute", "mg", "10", "20", "50", "40", "40", "80", "", "",
                "L"))).getMessage()).contains("line 6: usual_daily_low 50 is above usual_daily_high 40");
    }

    @Test
    void malformedCellsAreNamed() throws IOException {
        assertThat(failure(table(row("Drugy", "oral", "absolute", "mg", "10", "20", "10", "40", "40", "80", "", "",
                "L"))).getMessage()).contains("line 6: drug 'Drugy' must be written as the lower-case generic name");
        assertThat(failure(table(row("", "oral", "absolute", "mg", "10", "20", "10", "40", "40", "80", "", "", "L")))
                .getMessage()).contains("line 6: drug is empty");
        assertThat(failure(table(row("drugy", "Oral", "absolute", "mg", "10", "20", "10", "40", "40", "80", "", "",
                "L"))).getMessage()).contains("line 6: route 'Oral' must be a lower-case route");
        assertThat(failure(table(row("drugy", "oral", "per kg", "mg", "10", "20", "10", "40", "40", "80", "", "",
                "L"))).getMessage()).contains("line 6: basis 'per kg' is none of absolute, per-kg");
        assertThat(failure(table(row("drugy", "oral", "absolute", "mL", "10", "20", "10", "40", "40", "80", "", "",
                "L"))).getMessage()).contains("line 6: unit 'mL' is none of mg, mcg, g, units");
        assertThat(failure(table(row("drugy", "oral", "absolute", "mg", "10", "20", "10", "40", "40", "80", "", "",
                ""))).getMessage()).contains("line 6: source is empty: cite the label and section");
    }

    @Test
    void aRowWithTheWrongNumberOfColumnsIsRefused() throws IOException {
        Path f = table(drugx("oral"), row("drugy", "oral", "absolute", "mg", "10", "20", "10", "40", "40", "80", "L"));
        DoseLimitFileException e = failure(f);
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).startsWith(f + " line 7: expected 13 tab-separated columns").endsWith("found 11");
    }

    @Test
    void theHeaderRowMustNameTheColumns() throws IOException {
        Path f = dir.resolve("columns.tsv");
        Files.write(f, List.of("# version: 1", "# date: 2025-01-31", "# reviewed-by: nobody",
                "drug\troute\tmax"), StandardCharsets.UTF_8);
        DoseLimitFileException e = failure(f);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("header row must be").contains("found drug, route, max");
    }

    @Test
    void aFileWithoutRowsOrWithoutAHeaderRowIsRefused() throws IOException {
        assertThat(failure(table()).getMessage()).contains("the table has no rows");
        Path onlyComments = dir.resolve("comments.tsv");
        Files.write(onlyComments, List.of("# version: 1"), StandardCharsets.UTF_8);
        assertThat(failure(onlyComments).getMessage()).contains("line 1: no header row");
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> DoseLimits.load(dir.resolve("absent.tsv"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreAccepted() throws IOException {
        Path f = dir.resolve("excel.tsv");
        Files.writeString(f, "\uFEFF# version: 2\r\n# date: 2025-01-31\r\n# reviewed-by: nobody\r\n" + HEADER_ROW
                + "\r\n" + drugx("oral") + "\r\n", StandardCharsets.UTF_8);
        DoseLimits t = DoseLimits.load(f);
        assertThat(t.version()).isEqualTo("2");
        assertThat(t.limit("drugx", "oral").orElseThrow().source()).isEqualTo("Test label 2");
    }
}
