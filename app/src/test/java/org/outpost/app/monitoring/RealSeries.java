package org.outpost.app.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Test-only readers of the two real series in {@code ../shared/data/timeseries/} (the production importers are
 * elsewhere): a Fitbit heart-rate export ({@code id,time,hr}, local times, readings every ~5 s while worn) and a
 * Dexcom G6 CSV export (EGV rows; "Glucose Value (mg/dL)" may read "Low" or "High", the G6 reporting range being
 * 40–400 mg/dL, recorded here at those limits). Both files are de-identified by their publishers.
 */
final class RealSeries {
    /** The exports hold local times without a zone: read them as they are, in UTC. */
    static final ZoneId ZONE = ZoneOffset.UTC;
    /** The Dexcom G6's reporting limits, mg/dL ("Low" below, "High" above). */
    static final double G6_LOW = 40;
    static final double G6_HIGH = 400;

    private RealSeries() {
    }

    private static Path file(String name) {
        Path p = Path.of(System.getProperty("basedir", "."), "..", "..", "shared", "data", "timeseries", name);
        Assumptions.assumeTrue(Files.exists(p), "the shared data folder is beside the project");
        return p;
    }

    /** The Fitbit heart-rate series, oldest first. */
    static List<Reading> fitbitHeartRate() throws IOException {
        List<Reading> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file("fitbit_hr_2022484408.csv"), StandardCharsets.UTF_8);
        if (!lines.getFirst().strip().equals("id,time,hr")) {
            throw new IOException("not a Fitbit heart-rate export: header " + lines.getFirst());
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != 3) {
                throw new IOException("line " + (i + 1) + ": expected 3 cells");
            }
            out.add(new Reading(LocalDateTime.parse(cells[1]).toInstant(ZoneOffset.UTC), Double.parseDouble(cells[2])));
        }
        return out;
    }

    /** The Dexcom G6 sensor glucose (EGV) series, oldest first. */
    static List<Reading> dexcomGlucose() throws IOException {
        List<String> lines = Files.readAllLines(file("dexcom_g6_cgmquantify_test_file.csv"), StandardCharsets.UTF_8);
        String[] header = lines.getFirst().replace("\uFEFF", "").split(",", -1);
        int time = index(header, "Timestamp (YYYY-MM-DDThh:mm:ss)");
        int type = index(header, "Event Type");
        int value = index(header, "Glucose Value (mg/dL)");
        List<Reading> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length <= value || !cells[type].equals("EGV")) {
                continue;
            }
            String v = cells[value].strip();
            double mg = switch (v) {
                case "Low" -> G6_LOW;
                case "High" -> G6_HIGH;
                default -> Double.parseDouble(v);
            };
            out.add(new Reading(LocalDateTime.parse(cells[time]).toInstant(ZoneOffset.UTC), mg));
        }
        out.sort(java.util.Comparator.comparing(Reading::at));
        return out;
    }

    private static int index(String[] header, String name) throws IOException {
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equals(name)) {
                return i;
            }
        }
        throw new IOException("no column " + name);
    }
}
