package org.outpost.ui.cli.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.calc.Calc.calc;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin calc MODEL_ID --csv IN --out OUT}: streaming batch scoring with real models. */
class CalcCsvTest {
    private static final String HEADER = "id,age,sex,atrialFibrillation,heartFailure,hypertension,diabetes,"
            + "strokeTiaThromboembolism,vascularDisease";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static List<CSVRecord> read(Path p) throws Exception {
        try (CSVParser parser = CSVParser.parse(p, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    private Calc.Result score(Path in, Path out, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "cha2ds2-vasc";
        args[1] = "--csv";
        args[2] = in.toString();
        args[3] = "--out";
        args[4] = out.toString();
        System.arraycopy(more, 0, args, 5, more.length);
        return calc("", args);
    }

    @Test
    void scoresGoodRowsKeepsBadRowsWithTheirErrorAndTreatsBlankCellsAsMissing() throws Exception {
        Path in = write("in.csv", HEADER + "\n"
                + "P1,78,female,yes,no,yes,no,no,no\n"
                + "P2,300,male,yes,no,no,no,no,no\n"
                + "P3,70,male,true,,,,,\n"
                + "P4,50,male,false,0,0,0,0,0\n"
                + "P5,\"66 years\",Male,1,1,0,0,1,0\n");
        Path out = dir.resolve("out.csv");
        var r = score(in, out, "--keep-column", "id");
        assertThat(r.exitCode()).as("a row failed").isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLine()).isEqualTo("cha2ds2-vasc: 5 rows: 2 applicable, 2 not applicable, 1 error; wrote " + out
                + " (exit 1: see the 'error' column)");

        assertThat(Files.readAllLines(out).get(0)).isEqualTo(HEADER
                + ",applicable,value,unit,category,missing,reasons,recommendation,error");
        List<CSVRecord> rows = read(out);
        assertThat(rows).hasSize(5);
        CSVRecord p1 = rows.get(0);
        assertThat(p1.get("id")).isEqualTo("P1");
        assertThat(p1.get("age")).isEqualTo("78");
        assertThat(p1.get("applicable")).isEqualTo("true");
        assertThat(p1.get("value")).isEqualTo("4");
        assertThat(p1.get("unit")).isEqualTo("points");
        assertThat(p1.get("category")).isEqualTo("high");
        assertThat(p1.get("error")).isEmpty();

        CSVRecord p2 = rows.get(1);
        assertThat(p2.get("id")).isEqualTo("P2");
        assertThat(p2.get("applicable")).isEmpty();
        assertThat(p2.get("value")).isEmpty();
        assertThat(p2.get("error")).isEqualTo("age: 300 years is outside the accepted range 0\u2013120 years");

        CSVRecord p3 = rows.get(2);
        assertThat(p3.get("applicable")).isEqualTo("false");
        assertThat(p3.get("value")).isEmpty();
        assertThat(p3.get("missing")).isEqualTo("heartFailure; hypertension; diabetes; strokeTiaThromboembolism; "
                + "vascularDisease");
        assertThat(p3.get("error")).isEmpty();

        CSVRecord p4 = rows.get(3);
        assertThat(p4.get("applicable")).isEqualTo("false");
        assertThat(p4.get("reasons")).contains("atrial fibrillation");

        CSVRecord p5 = rows.get(4);
        assertThat(p5.get("age")).isEqualTo("66 years");
        assertThat(p5.get("value")).isEqualTo("4"); // heart failure 1, age 65-74 1, stroke 2
        assertThat(p5.get("category")).isEqualTo("high");
    }

    /** The same value parses the same in every row (cells are parsed once per distinct text). */
    @Test
    void rowErrorsReadAsTheJsonErrorsAndRepeatExactly() throws Exception {
        String bad = "P,300,5,yes,no,yes,no,no,no\n";
        Path in = write("in.csv", HEADER + "\n" + bad + bad + "P,78,female,yes,no,yes,no,no,no\n" + bad);
        Path out = dir.resolve("out.csv");
        var r = score(in, out, "--keep-column", "id");
        assertThat(r.exitCode()).isEqualTo(1);
        String json = calc("{\"age\": \"300\", \"sex\": \"5\"}", "cha2ds2-vasc").errLine();
        assertThat(json).isEqualTo("age: 300 years is outside the accepted range 0\u2013120 years; "
                + "sex: '5' is not one of female, male");
        List<CSVRecord> rows = read(out);
        assertThat(rows).extracting(row -> row.get("error")).containsExactly(json, json, "", json);
    }

    @Test
    void unknownColumnsAreRefusedUnlessKept() throws Exception {
        Path in = write("in.csv", HEADER.replace("hypertension", "hypertention") + "\nP1,78,female,yes,no,yes,no,no,no\n");
        Path out = dir.resolve("out.csv");
        var r = score(in, out);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).hasLineCount(1);
        assertThat(r.errLine()).startsWith("CSV header: unknown inputs 'id', 'hypertention' (did you mean "
                + "'hypertension'?)").endsWith("pass other columns through with --keep-column NAME");
        assertThat(out).doesNotExist();
        assertThat(dir).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void rowsThatAreOnlyNotApplicableAreNoFailure() throws Exception {
        Path in = write("in.csv", HEADER + "\nP1,78,female,yes,no,yes,no,no,no\nP2,70,male,true,,,,,\n");
        Path out = dir.resolve("out.csv");
        var r = score(in, out, "--keep-column", "id");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.errLine()).isEqualTo("cha2ds2-vasc: 2 rows: 1 applicable, 1 not applicable, 0 errors; wrote " + out);
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsAnErrorRowAndTheRunGoesOn() throws Exception {
        Path in = write("in.csv", HEADER + "\nP1,78,female\nP2,78,female,yes,no,yes,no,no,no\n");
        Path out = dir.resolve("out.csv");
        var r = score(in, out, "--keep-column", "id");
        assertThat(r.exitCode()).isEqualTo(1);
        List<CSVRecord> rows = read(out);
        assertThat(rows.get(0).get("error")).isEqualTo("row has 3 fields, the header has 9");
        assertThat(rows.get(0).size()).isEqualTo(17);
        assertThat(rows.get(1).get("value")).isEqualTo("4");
    }

    @Test
    void utf8InAndOutAndAByteOrderMarkFromASpreadsheetIsIgnored() throws Exception {
        Path in = write("in.csv", "\uFEFF" + HEADER + "\n\"Zo\u00eb \u0141\u00f3d\u017a, \u4e2d\",78,female,yes,no,yes,no,no,no\n");
        Path out = dir.resolve("out.csv");
        var r = score(in, out, "--keep-column", "id");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).startsWith("id,age").contains("\"Zo\u00eb \u0141\u00f3d\u017a, \u4e2d\",78,female");
        assertThat(read(out).get(0).get("value")).isEqualTo("4");
    }

    @Test
    void semicolonSeparatedFilesWithDecimalCommas() throws Exception {
        Path in = write("in.csv", HEADER.replace(',', ';') + "\nP1;78,0;female;yes;no;yes;no;no;no\n");
        Path out = dir.resolve("out.csv");
        var r = score(in, out, "--keep-column", "id", "--delimiter", ";");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out).get(1)).isEqualTo("P1;78,0;female;yes;no;yes;no;no;no;true;4;points;high;;;;");
    }

    @Test
    void fileProblemsAreOneLine() throws Exception {
        var missing = score(dir.resolve("nope.csv"), dir.resolve("out.csv"));
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errLine()).endsWith("nope.csv: no such file");

        Path empty = write("empty.csv", "");
        assertThat(score(empty, dir.resolve("out.csv")).errLine()).startsWith("the CSV file is empty");

        Path in = write("in.csv", HEADER + "\n");
        var same = score(in, in);
        assertThat(same.exitCode()).isEqualTo(1);
        assertThat(Files.readString(in)).isEqualTo(HEADER + "\n");

        Path clash = write("clash.csv", "age,value\n70,1\n");
        assertThat(score(clash, dir.resolve("out.csv")).errLine()).startsWith("the CSV already has a column 'value'");

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, ("id,age\nZo\u00eb,70\n").getBytes(StandardCharsets.ISO_8859_1));
        var notUtf8 = score(latin1, dir.resolve("out.csv"), "--keep-column", "id");
        assertThat(notUtf8.exitCode()).isEqualTo(1);
        assertThat(notUtf8.errLine()).endsWith("is not UTF-8 text (save it as CSV UTF-8)");
    }

    /** 100,000 rows stream through; timing is in the benchmark, this checks every row is right. */
    @Test
    void hundredThousandRows() throws Exception {
        Path in = dir.resolve("big.csv");
        int n = 100_000;
        try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            for (int i = 0; i < n; i++) {
                int age = 18 + i % 90;
                w.write("P" + i + "," + (i % 1000 == 999 ? "-1" : age) + "," + (i % 2 == 0 ? "female" : "male")
                        + ",yes," + (i % 3 == 0 ? "yes" : "no") + "," + (i % 5 == 0 ? "" : "no") + ",no,no,no\n");
            }
        }
        Path out = dir.resolve("big-out.csv");
        var r = score(in, out, "--keep-column", "id");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.errLine()).startsWith("cha2ds2-vasc: 100000 rows: 79900 applicable, 20000 not applicable, "
                + "100 errors");
        try (BufferedReader reader = Files.newBufferedReader(out, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            int i = 0;
            for (CSVRecord row : parser) {
                assertThat(row.get("id")).isEqualTo("P" + i);
                if (i % 1000 == 999) {
                    assertThat(row.get("error")).startsWith("age: -1 years is outside");
                } else if (i % 5 == 0) {
                    assertThat(row.get("missing")).isEqualTo("hypertension");
                } else {
                    int age = 18 + i % 90;
                    int expected = (age >= 75 ? 2 : age >= 65 ? 1 : 0) + (i % 2 == 0 ? 1 : 0) + (i % 3 == 0 ? 1 : 0);
                    assertThat(row.get("value")).as("row %d", i).isEqualTo(Integer.toString(expected));
                }
                i++;
            }
            assertThat(i).isEqualTo(n);
        }
    }

    @Test
    void aLearnedModelsCohortFileGetsItsRangeAndOutOfDistributionColumns() throws Exception {
        Path in = write("cohort.csv", "age,sex,chestPain,systolicBp,totalCholesterol,fastingGlucoseOver120,restingEcg,"
                + "maxHeartRate,exerciseAngina,stDepression,stSlope,vesselsColoured,thallium\n"
                + "63,male,typical_angina,145,233,yes,lv_hypertrophy,150,no,2.3,downsloping,0,fixed_defect\n"
                + "63,male,typical_angina,145,233,yes,lv_hypertrophy,230,no,2.3,downsloping,0,fixed_defect\n");
        Path out = dir.resolve("scored.csv");
        var r = calc("", "cad-cleveland-learned", "--csv", in.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();

        assertThat(Files.readAllLines(out).get(0)).endsWith(",error,rangeLow,rangeHigh,outOfDistribution,outsideInputs");
        List<CSVRecord> rows = read(out);
        CSVRecord seen = rows.get(0);
        double value = Double.parseDouble(seen.get("value"));
        assertThat(Double.parseDouble(seen.get("rangeLow"))).isLessThanOrEqualTo(value);
        assertThat(Double.parseDouble(seen.get("rangeHigh"))).isGreaterThanOrEqualTo(value)
                .isGreaterThan(Double.parseDouble(seen.get("rangeLow")));
        assertThat(seen.get("outOfDistribution")).isEqualTo("false");
        CSVRecord unseen = rows.get(1); // a maximum heart rate above any in the training data
        assertThat(unseen.get("applicable")).isEqualTo("false");
        assertThat(unseen.get("value")).isEmpty();
        assertThat(unseen.get("rangeLow")).isEmpty();
        assertThat(unseen.get("outOfDistribution")).isEqualTo("true");
        assertThat(unseen.get("outsideInputs")).contains("maxHeartRate");
    }
}
