package org.outpost.ui.admin;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.outpost.app.domain.AuditRow;
import org.outpost.ui.text.UiText;

/**
 * Audit rows as CSV for an auditor (RFC 4180 via Commons CSV: fields with a comma, quote or line break are quoted,
 * quotes doubled). One line per row: sequence, time (ISO-8601 with the clinic's offset), user, user name, role,
 * action in words, patient MRN, the patient's name (a column only when the reader may see names), detail in words,
 * the detail as stored, and the row's hash, so each line can be matched with {@code outpost admin verify-audit}.
 */
final class AuditCsv implements Closeable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final CSVPrinter printer;
    private final AuditText words;
    private final ZoneId zone;
    private final boolean names;

    private AuditCsv(CSVPrinter printer, AuditText words, ZoneId zone, boolean names) {
        this.printer = printer;
        this.words = words;
        this.zone = zone;
        this.names = names;
    }

    /** Opens {@code file} (UTF-8, replaced if it exists) and writes the header line. */
    static AuditCsv open(Path file, UiText text, AuditText words, ZoneId zone, boolean names) throws IOException {
        Objects.requireNonNull(zone, "zone");
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try {
            List<String> header = new ArrayList<>(List.of(text.get("admin.audit.csv.sequence"),
                    text.get("admin.audit.csv.time"), text.get("admin.audit.csv.user"),
                    text.get("admin.audit.csv.username"), text.get("admin.audit.csv.role"),
                    text.get("admin.audit.csv.action"), text.get("admin.audit.csv.mrn")));
            if (names) {
                header.add(text.get("admin.audit.csv.patientName"));
            }
            header.addAll(List.of(text.get("admin.audit.csv.detail"), text.get("admin.audit.csv.storedDetail"),
                    text.get("admin.audit.csv.hash")));
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
            printer.printRecord(header);
            return new AuditCsv(printer, words, zone, names);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    void write(AuditRow row) throws IOException {
        List<String> cells = new ArrayList<>(List.of(Long.toString(row.entry().sequence()),
                TIME.format(row.event().at().atZone(zone).toOffsetDateTime()), words.user(row), row.event().username(),
                words.role(row), words.action(row), row.patientMrn().map(m -> m.value()).orElse("")));
        if (names) {
            cells.add(row.patientName().orElse(""));
        }
        cells.addAll(List.of(words.detail(row), row.event().detail(), row.entry().hash()));
        printer.printRecord(cells);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
