package org.outpost.interop.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of series file Outpost reads, each recognised from the start of the file. */
public enum SeriesFormat {
    /** Fitbit heart-rate export: {@code id,time,hr}, local time without offset, beats per minute. */
    FITBIT,
    /** Dexcom G6 / Clarity CGM export: a header naming "Timestamp (YYYY-MM-DDThh:mm:ss)", "Event Type" and a glucose column. */
    DEXCOM,
    /** Outpost's generic CSV: {@code timestamp,measure,value,unit} (docs/monitoring-import.md). */
    GENERIC,
    /** FHIR R4 JSON: a Bundle of any type, or a single Observation. */
    FHIR;

    static final String DEXCOM_TIMESTAMP = "Timestamp (YYYY-MM-DDThh:mm:ss)";
    static final String DEXCOM_EVENT_TYPE = "Event Type";
    static final String DEXCOM_GLUCOSE_MG = "Glucose Value (mg/dL)";
    static final String DEXCOM_GLUCOSE_MMOL = "Glucose Value (mmol/L)";
    static final List<String> FITBIT_HEADER = List.of("id", "time", "hr");
    static final List<String> GENERIC_HEADER = List.of("timestamp", "measure", "value", "unit");

    /** The code used on the command line ({@code --format fitbit|dexcom|generic|fhir}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format with this {@link #code()}, if any. */
    public static Optional<SeriesFormat> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    /**
     * The format of a file that starts with {@code head} (its first bytes, a few kilobytes are plenty; a UTF-8 byte
     * order mark is allowed): JSON for FHIR, else the first line's column names. Empty if none fits.
     */
    public static Optional<SeriesFormat> detect(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) {
            return Optional.of(FHIR);
        }
        int end = firstLineEnd(text);
        if (end < 0) {
            end = text.length();
        }
        return ofHeader(splitHeader(text.substring(0, end)));
    }

    /** The format whose header row this is, if any (cells compared ignoring case and surrounding spaces and quotes). */
    static Optional<SeriesFormat> ofHeader(List<String> cells) {
        List<String> lower = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        if (lower.equals(FITBIT_HEADER)) {
            return Optional.of(FITBIT);
        }
        if (lower.equals(GENERIC_HEADER)) {
            return Optional.of(GENERIC);
        }
        if (lower.contains(DEXCOM_TIMESTAMP.toLowerCase(Locale.ROOT))
                && lower.contains(DEXCOM_EVENT_TYPE.toLowerCase(Locale.ROOT))
                && (lower.contains(DEXCOM_GLUCOSE_MG.toLowerCase(Locale.ROOT))
                        || lower.contains(DEXCOM_GLUCOSE_MMOL.toLowerCase(Locale.ROOT)))) {
            return Optional.of(DEXCOM);
        }
        return Optional.empty();
    }

    private static int firstLineEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitHeader(String line) {
        return Arrays.stream(line.split(",", -1)).map(c -> {
            String s = c.strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).strip();
            }
            return s;
        }).toList();
    }
}
