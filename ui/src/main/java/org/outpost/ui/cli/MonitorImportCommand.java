package org.outpost.ui.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Permission;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.usecase.MonitoringService;
import org.outpost.interop.monitoring.ParsedSeries;
import org.outpost.interop.monitoring.SeriesFileException;
import org.outpost.interop.monitoring.SeriesFiles;
import org.outpost.interop.monitoring.SeriesFormat;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin monitor import --mrn MRN --file F [--format fitbit|dexcom|generic|fhir]}: reads the whole file first
 * (a malformed one fails naming the line and changes nothing), then stores its readings in one transaction —
 * readings already stored are recognised and skipped — and raises flags on what they show. Prints the counts.
 */
@Command(name = "import", sortOptions = false,
        description = {"Import a patient's home or wearable readings from a file: a Fitbit heart-rate export, a "
                + "Dexcom CGM export, the generic CSV (timestamp,measure,value,unit) or FHIR R4 Observations (JSON). "
                + "All or nothing; a re-import adds only new readings. Prints what was imported and any new flags.",
                "Standard input: line 1 = your password."})
final class MonitorImportCommand extends LoggedInCommand {
    @Option(names = "--mrn", required = true, paramLabel = "MRN", description = "The patient's medical record number.")
    String mrn;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "fitbit, dexcom, generic or fhir (default: recognised from the file's first lines).")
    String format;

    MonitorImportCommand(CliContext context) {
        super(context);
    }

    @Override
    int run(Opened o) {
        o.session().require(Permission.RECORD_OBSERVATION);
        Optional<SeriesFormat> chosen = Optional.empty();
        if (format != null) {
            chosen = Optional.of(SeriesFormat.fromCode(format).orElseThrow(() -> new CliFailure(ExitCode.USAGE,
                    "unknown --format '" + EchoSafe.line(format, 40) + "': use fitbit, dexcom, generic or fhir")));
        }
        if (!Files.isRegularFile(file)) {
            throw new CliFailure(ExitCode.FAILED, "no such file: " + EchoSafe.line(file.toString(), 200));
        }
        Patient p = MonitorCommand.patient(o, mrn);
        ParsedSeries parsed;
        try {
            parsed = SeriesFiles.read(file, chosen, o.clock().getZone());
        } catch (SeriesFileException e) {
            throw new CliFailure(ExitCode.FAILED, EchoSafe.line(e.getMessage()) + "; nothing was imported");
        }
        if (parsed.readingCount() == 0) {
            throw new CliFailure(ExitCode.FAILED, "the file holds no readings; nothing was imported");
        }
        MonitoringService service = MonitorCommand.service(o);
        // a refused reading (7500 /min, a time in the future) fails here with its message; nothing is stored
        MonitoringService.ImportOutcome outcome = service.importReadings(p.id(), parsed.readings(),
                parsed.format().code());
        var out = context.out();
        out.printf(Locale.ROOT, "%s file: %d rows read, %d readings%n", parsed.format().code(), parsed.rowsRead(),
                parsed.readingCount());
        for (Map.Entry<Measure, MonitoringService.Added> e : outcome.added().entrySet()) {
            out.printf(Locale.ROOT, "  %s: %d new, %d already stored%n", e.getKey().code(), e.getValue().added(),
                    e.getValue().duplicates());
        }
        parsed.skipped().forEach((why, n) -> out.printf(Locale.ROOT, "  skipped %d rows: %s%s%n", n,
                why.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                why.detail().isEmpty() ? "" : " (" + EchoSafe.line(why.detail(), 60) + ")"));
        if (parsed.atSensorLimit() > 0) {
            out.printf(Locale.ROOT, "  %d sensor readings beyond its range, stored at its limit%n", parsed.atSensorLimit());
        }
        out.printf(Locale.ROOT, "%d new flags%n", outcome.newFlags().size());
        out.flush();
        return ExitCode.OK;
    }
}
