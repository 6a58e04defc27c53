package org.outpost.interop.monitoring;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.outpost.app.monitoring.Measure;
import org.outpost.interop.monitoring.Values.BadValue;

/** How the rows of one CSV format become readings. The header is line 1; rows are the lines after it. */
abstract sealed class CsvRows permits CsvRows.Fitbit, CsvRows.Dexcom, CsvRows.Generic {
    final Times times;

    CsvRows(ZoneId zone) {
        this.times = new Times(zone);
    }

    static CsvRows of(SeriesFormat format, ZoneId zone) {
        return switch (format) {
            case FITBIT -> new Fitbit(zone);
            case DEXCOM -> new Dexcom(zone);
            case GENERIC -> new Generic(zone);
            case FHIR -> throw new IllegalArgumentException("FHIR is not CSV");
        };
    }

    /** Checks the header row (and finds the columns). */
    abstract void header(List<String> cells) throws BadValue;

    /** Reads one data row into {@code out}. */
    abstract void row(CSVRecord row, SeriesCollector out) throws BadValue;

    static String cell(CSVRecord row, int index) {
        return index < row.size() ? row.get(index) : "";
    }

    static List<String> cells(CSVRecord row) {
        List<String> cells = new ArrayList<>(row.size());
        for (String c : row) {
            String s = c.strip();
            cells.add(s.startsWith("\uFEFF") ? s.substring(1) : s);
        }
        return cells;
    }

    static void expectCells(CSVRecord row, int count, String shape) throws BadValue {
        if (row.size() != count) {
            throw new BadValue(row.size() + (row.size() == 1 ? " cell" : " cells") + " where a row has " + count
                    + " (" + shape + ")");
        }
    }

    /** {@code id,time,hr}: the id (Fitbit's user number) is not read; times are local. */
    static final class Fitbit extends CsvRows {
        Fitbit(ZoneId zone) {
            super(zone);
        }

        @Override
        void header(List<String> cells) throws BadValue {
            if (SeriesFormat.ofHeader(cells).orElse(null) != SeriesFormat.FITBIT) {
                throw new BadValue("the header is not a Fitbit heart-rate export's (expected id,time,hr)");
            }
        }

        @Override
        void row(CSVRecord row, SeriesCollector out) throws BadValue {
            expectCells(row, 3, "id,time,hr");
            long at = times.read(row.get(1));
            double bpm = Values.plausible(Measure.HEART_RATE, Values.number(row.get(2)), "");
            out.add(Measure.HEART_RATE, at, bpm);
        }
    }

    /**
     * Dexcom G6 / Clarity export: only EGV (estimated glucose value) rows are readings. The first rows hold the
     * patient's name and birth date in "Patient Info": they are counted as skipped and never read.
     */
    static final class Dexcom extends CsvRows {
        /** Dexcom reports a sensor glucose under its range as "Low" and over it as "High" (G6: 40–400 mg/dL). */
        static final double LOW_MG_PER_DL = 40;
        static final double HIGH_MG_PER_DL = 400;
        private static final Set<String> PATIENT_OR_DEVICE = Set.of("firstname", "lastname", "dateofbirth", "device",
                "patientinfo");
        private static final Set<String> EVENTS = Set.of("Alert", "Calibration", "Insulin", "Carbs", "Exercise",
                "Health", "Notes", "Note");

        private int timestamp = -1;
        private int eventType = -1;
        private int glucose = -1;
        private double factor = 1;

        Dexcom(ZoneId zone) {
            super(zone);
        }

        @Override
        void header(List<String> cells) throws BadValue {
            int mmol = -1;
            for (int i = 0; i < cells.size(); i++) {
                String c = cells.get(i);
                if (c.equalsIgnoreCase(SeriesFormat.DEXCOM_TIMESTAMP)) {
                    timestamp = i;
                } else if (c.equalsIgnoreCase(SeriesFormat.DEXCOM_EVENT_TYPE)) {
                    eventType = i;
                } else if (c.equalsIgnoreCase(SeriesFormat.DEXCOM_GLUCOSE_MG)) {
                    glucose = i;
                } else if (c.equalsIgnoreCase(SeriesFormat.DEXCOM_GLUCOSE_MMOL)) {
                    mmol = i;
                }
            }
            if (glucose < 0 && mmol >= 0) {
                glucose = mmol;
                factor = Units.GLUCOSE_MG_PER_DL_PER_MMOL_PER_L;
            }
            if (timestamp < 0 || eventType < 0 || glucose < 0) {
                throw new BadValue("the header is not a Dexcom export's (expected \"" + SeriesFormat.DEXCOM_TIMESTAMP
                        + "\", \"" + SeriesFormat.DEXCOM_EVENT_TYPE + "\" and \"" + SeriesFormat.DEXCOM_GLUCOSE_MG
                        + "\" or \"" + SeriesFormat.DEXCOM_GLUCOSE_MMOL + "\")");
            }
        }

        @Override
        void row(CSVRecord row, SeriesCollector out) throws BadValue {
            String event = cell(row, eventType).strip();
            if (!event.equalsIgnoreCase("EGV")) {
                if (PATIENT_OR_DEVICE.contains(event.toLowerCase(Locale.ROOT))) {
                    out.skip(Skipped.of(SkipReason.DEXCOM_PATIENT_OR_DEVICE_ROW));
                } else {
                    // the detail is one of Dexcom's own event types, never a cell's free text
                    out.skip(new Skipped(SkipReason.DEXCOM_EVENT, EVENTS.contains(event) ? event : "other"));
                }
                return;
            }
            String value = cell(row, glucose).strip();
            if (value.isEmpty()) {
                out.skip(Skipped.of(SkipReason.DEXCOM_EGV_WITHOUT_VALUE));
                return;
            }
            long at = times.read(cell(row, timestamp));
            double mgPerDl;
            if (value.equalsIgnoreCase("Low")) {
                mgPerDl = LOW_MG_PER_DL;
                out.atSensorLimit();
            } else if (value.equalsIgnoreCase("High")) {
                mgPerDl = HIGH_MG_PER_DL;
                out.atSensorLimit();
            } else {
                double given = Values.number(value);
                mgPerDl = Values.plausible(Measure.GLUCOSE, given * factor,
                        factor == 1 ? "" : " (" + Values.format(given) + " mmol/L)");
            }
            out.add(Measure.GLUCOSE, at, mgPerDl);
        }
    }

    /** Outpost's generic {@code timestamp,measure,value,unit} (docs/monitoring-import.md). */
    static final class Generic extends CsvRows {
        Generic(ZoneId zone) {
            super(zone);
        }

        @Override
        void header(List<String> cells) throws BadValue {
            if (SeriesFormat.ofHeader(cells).orElse(null) != SeriesFormat.GENERIC) {
                throw new BadValue("the header is not the generic format's (expected timestamp,measure,value,unit)");
            }
        }

        @Override
        void row(CSVRecord row, SeriesCollector out) throws BadValue {
            expectCells(row, 4, "timestamp,measure,value,unit");
            long at = times.read(row.get(0));
            String code = row.get(1);
            Measure measure = Measure.fromCode(code).orElseThrow(() -> new BadValue("measure " + Values.quote(code)
                    + " is not one of heart-rate, glucose, systolic-bp, diastolic-bp, weight"));
            double given = Values.number(row.get(2));
            String unit = row.get(3).strip();
            double factor = Units.factor(measure, unit).orElseThrow(() -> new BadValue("unit " + Values.quote(unit)
                    + " not known for " + Units.name(measure) + " (" + Units.accepted(measure) + ")"));
            double value = Values.plausible(measure, given * factor,
                    factor == 1 ? "" : " (" + Values.format(given) + " " + unit + ")");
            out.add(measure, at, value);
        }
    }
}
