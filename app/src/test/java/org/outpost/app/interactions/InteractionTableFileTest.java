package org.outpost.app.interactions;

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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;

/**
 * Loading an updated table from a file, as an admin does through the data directory: a valid file is used, and a
 * file that breaks any rule is refused whole with the file and line named.
 */
class InteractionTableFileTest {
    private static final String HEADER_ROW = String.join("\t", InteractionTable.COLUMNS);

    @TempDir
    Path dir;

    /** A table whose first row is on line 6 (four header lines, then the header row on line 5). */
    private Path table(String... rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "# table: test table",
                "# version: test-3",
                "# date: 2026-01-31",
                "# reviewed-by: nobody",
                HEADER_ROW));
        lines.addAll(List.of(rows));
        Path f = dir.resolve("interactions.tsv");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    /** A row with the given drugs, severity, flag and source, and plain texts; no cap. */
    private static String row(String object, String precipitants, String severity, String contraindicated,
                              String source) {
        return String.join("\t", object, precipitants, "test group", severity, contraindicated, "How.", "What.",
                "Do this.", "", "", "", source);
    }

    private static String row(String object, String precipitants) {
        return row(object, precipitants, "MODERATE", "no", "Test label 7");
    }

    private static String capped(String object, String precipitants, String amount, String unit, String frequency) {
        return String.join("\t", object, precipitants, "test group", "MODERATE", "no", "How.", "What.", "Do this.",
                amount, unit, frequency, "Test label 2.3");
    }

    private InteractionTableException failure(Path f) {
        return catchThrowableOfType(InteractionTableException.class, () -> InteractionTable.load(f));
    }

    @Test
    void aValidFileLoadsAndAnswers() throws IOException {
        Path f = table(
                row("druga (brand-a)", "drugb (brandb), drugc"),
                "# a comment between rows",
                "",
                capped("druga", "drugd", "0.5", "g", "daily"));
        InteractionTable t = InteractionTable.load(f);
        assertThat(t.version()).isEqualTo("test-3");
        assertThat(t.date()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(t.reviewedBy()).isEqualTo("nobody");
        assertThat(t.title()).isEqualTo("test table");
        assertThat(t.file()).isEqualTo(f.toString());
        assertThat(t.drugs()).containsExactly("druga", "drugb", "drugc", "drugd");
        assertThat(t.otherNames("druga")).containsExactly("brand-a");

        InteractionFinding f1 = t.check("Brand-A 10 mg", Set.of("brandb 5 mg")).getFirst();
        assertThat(f1.orderedDrug()).isEqualTo("druga");
        assertThat(f1.activeDrug()).isEqualTo("drugb");
        assertThat(f1.severity()).isEqualTo(Severity.MODERATE);
        assertThat(f1.text()).isEqualTo("What. Do this.");
        assertThat(f1.tableVersion()).isEqualTo("test-3");
        assertThat(f1.rule().line()).isEqualTo(6);

        InteractionFinding f2 = t.check("drugd", Set.of("druga")).getFirst();
        assertThat(f2.rule().line()).isEqualTo(9);
        assertThat(f2.doseCap()).contains(new SuggestedDose(0.5, "g", "daily"));
        assertThat(f2.capCheck(500, "mg", "once daily")).isEqualTo(CapCheck.WITHIN);
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> InteractionTable.load(dir.resolve("absent.tsv"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aMissingHeaderKeyIsRefusedNamingTheHeaderRowLine() throws IOException {
        Path f = dir.resolve("noversion.tsv");
        Files.write(f, List.of("# date: 2026-01-31", "# reviewed-by: nobody", HEADER_ROW, row("druga", "drugb")),
                StandardCharsets.UTF_8);
        InteractionTableException e = failure(f);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.file()).isEqualTo(f.toString());
        assertThat(e.getMessage()).isEqualTo(f + " line 3: missing '# version: ...' line in the header block before "
                + "the header row");

        Path noReviewer = dir.resolve("noreviewer.tsv");
        Files.write(noReviewer, List.of("# version: 1", "# date: 2026-01-31", HEADER_ROW, row("druga", "drugb")),
                StandardCharsets.UTF_8);
        assertThat(failure(noReviewer).getMessage()).contains("line 3: missing '# reviewed-by: ...'");

        Path badDate = dir.resolve("baddate.tsv");
        Files.write(badDate, List.of("# version: 1", "# date: 31/01/2026", "# reviewed-by: nobody", HEADER_ROW,
                row("druga", "drugb")), StandardCharsets.UTF_8);
        assertThat(failure(badDate).getMessage()).contains("line 4: header date '31/01/2026' is not a date");

        Path twice = dir.resolve("twice.tsv");
        Files.write(twice, List.of("# version: 1", "# version: 2"), StandardCharsets.UTF_8);
        assertThat(failure(twice).getMessage()).contains("line 2: header key 'version' is given twice");
    }

    @Test
    void theHeaderRowMustNameTheColumns() throws IOException {
        Path f = dir.resolve("columns.tsv");
        Files.write(f, List.of("# version: 1", "# date: 2026-01-31", "# reviewed-by: nobody", "drug_a\tdrug_b\tseverity"),
                StandardCharsets.UTF_8);
        InteractionTableException e = failure(f);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("header row must be").contains("found drug_a, drug_b, severity");
    }

    @Test
    void aFileWithoutRowsIsRefused() throws IOException {
        assertThat(failure(table()).getMessage()).contains("the table has no interactions");
        Path empty = dir.resolve("empty.tsv");
        Files.write(empty, List.of("# version: 1"), StandardCharsets.UTF_8);
        assertThat(failure(empty).getMessage()).contains("no header row");
    }

    @Test
    void anUnknownSeverityIsRefused() throws IOException {
        InteractionTableException e = failure(table(row("druga", "drugb", "SEVERE", "no", "Test label 7")));
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).endsWith("line 6: unknown severity 'SEVERE': use LOW, MODERATE or HIGH");
        assertThat(failure(table(row("druga", "drugb", "high", "no", "L"))).getMessage())
                .contains("unknown severity 'high'");
    }

    @Test
    void anEmptySourceIsRefused() throws IOException {
        InteractionTableException e = failure(table(row("druga", "drugb"), row("drugc", "drugd", "HIGH", "no", "")));
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).contains("line 7: source is empty: cite the label section or the published list");
    }

    @Test
    void aRowNamingTheSameDrugOnBothSidesIsRefused() throws IOException {
        InteractionTableException e = failure(table(row("druga", "drugb"), row("drugc", "drugd, drugc")));
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).contains("line 7: names the same drug on both sides: 'drugc'");
        assertThat(failure(table(row("druga (brandx)", "drugb (brandx)"))).getMessage())
                .contains("line 6: names the same drug on both sides: 'brandx'");
        assertThat(failure(table(row("druga", "drugb (druga)"))).getMessage())
                .contains("line 6: names the same drug on both sides: 'druga'");
    }

    @Test
    void aDuplicatePairIsRefusedInEitherOrder() throws IOException {
        InteractionTableException same = failure(table(row("druga", "drugb, drugc"), row("druga", "drugd, drugb")));
        assertThat(same.line()).isEqualTo(7);
        assertThat(same.getMessage()).contains("line 7: duplicate pair druga and drugb: already on line 6");
        InteractionTableException reversed = failure(table(row("druga", "drugb"), row("drugc", "drugd"),
                row("drugb", "druga")));
        assertThat(reversed.line()).isEqualTo(8);
        assertThat(reversed.getMessage()).contains("duplicate pair drugb and druga: already on line 6");
        assertThat(failure(table(row("druga", "drugb, drugb"))).getMessage())
                .contains("line 6: precipitants list drugb twice");
    }

    @Test
    void theContraindicatedFlagIsStrict() throws IOException {
        assertThat(failure(table(row("druga", "drugb", "HIGH", "true", "L"))).getMessage())
                .contains("line 6: contraindicated 'true' must be yes or no");
        assertThat(failure(table(row("druga", "drugb", "MODERATE", "yes", "L"))).getMessage())
                .contains("line 6: a contraindicated combination must have severity HIGH, not MODERATE");
        String contraindicatedWithCap = String.join("\t", "druga", "drugb", "g", "HIGH", "yes", "How.", "What.", "Do.",
                "10", "mg", "daily", "L");
        assertThat(failure(table(contraindicatedWithCap)).getMessage())
                .contains("line 6: a contraindicated combination has no dose cap");
    }

    @Test
    void aDoseCapIsAMassOverADayOrAWeek() throws IOException {
        assertThat(failure(table(capped("druga", "drugb", "10", "mL", "daily"))).getMessage())
                .contains("line 6: cap_unit 'mL' is not g, mg or mcg");
        assertThat(failure(table(capped("druga", "drugb", "10", "mg", "twice daily"))).getMessage())
                .contains("line 6: cap_frequency 'twice daily' must be daily or weekly");
        assertThat(failure(table(capped("druga", "drugb", "ten", "mg", "daily"))).getMessage())
                .contains("line 6: cap_amount 'ten' is not a positive number");
        assertThat(failure(table(capped("druga", "drugb", "0", "mg", "daily"))).getMessage())
                .contains("line 6: cap_amount '0' is not a positive number");
        assertThat(failure(table(capped("druga", "drugb", "", "mg", "daily"))).getMessage())
                .contains("line 6: cap_unit or cap_frequency given without cap_amount");
    }

    @Test
    void malformedCellsAreNamed() throws IOException {
        assertThat(failure(table(String.join("\t", "druga", "drugb", "g", "HIGH", "no"))).getMessage())
                .contains("line 6: expected 12 tab-separated columns").contains("found 5");
        assertThat(failure(table(row("Druga", "drugb"))).getMessage())
                .contains("line 6: object: drug name 'Druga' must be written in lower case");
        assertThat(failure(table(row("druga", "drugb (Brandb)"))).getMessage())
                .contains("line 6: precipitants: drug name 'Brandb' must be written in lower case");
        assertThat(failure(table(row("druga", "drugb (brandb"))).getMessage())
                .contains("line 6: precipitants: '(' is not closed");
        assertThat(failure(table(row("druga", "drugb,, drugc"))).getMessage())
                .contains("line 6: precipitants: an empty drug name");
        assertThat(failure(table(row("druga, drugc", "drugb"))).getMessage())
                .contains("line 6: object names 2 drugs");
        assertThat(failure(table(row("druga", "drugb/drugc"))).getMessage())
                .contains("line 6: precipitants: drug name 'drugb/drugc' may hold only");
        assertThat(failure(table(row("druga", "ab"))).getMessage())
                .contains("line 6: precipitants: drug name 'ab' is shorter than 3 characters");
        assertThat(failure(table(row("druga", "drugb (brandb; brandb)"))).getMessage())
                .contains("line 6: drugb: other name 'brandb' is given twice");
        assertThat(failure(table(row("", "drugb"))).getMessage()).contains("line 6: object is empty");
        String noAdvice = String.join("\t", "druga", "drugb", "g", "HIGH", "no", "How.", "What.", "", "", "", "", "L");
        assertThat(failure(table(noAdvice)).getMessage()).contains("line 6: advice is empty");
    }

    @Test
    void namesAreConsistentAcrossTheTable() throws IOException {
        InteractionTableException alias = failure(table(row("druga", "drugb"), row("drugc", "drugd (drugb)")));
        assertThat(alias.line()).isEqualTo(7);
        assertThat(alias.getMessage()).contains("'drugb' is given as another name of drugd but is a generic name");
        InteractionTableException spelling = failure(table(row("st john's wort", "drugb"),
                row("drugc", "st johns wort")));
        assertThat(spelling.line()).isEqualTo(7);
        assertThat(spelling.getMessage()).contains("generic 'st johns wort' is written 'st john's wort' on line 6");
    }

    @Test
    void otherNamesOfAGenericCountInEveryRowThatNamesIt() throws IOException {
        InteractionTable t = InteractionTable.load(table(row("druga", "drugb (brandb)"), row("drugc", "drugb")));
        assertThat(t.check("drugc", Set.of("brandb"))).extracting(InteractionFinding::activeDrug)
                .containsExactly("drugb");
    }
}
