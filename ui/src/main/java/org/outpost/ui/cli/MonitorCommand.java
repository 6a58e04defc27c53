package org.outpost.ui.cli;

import java.util.Optional;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Patient;
import org.outpost.app.monitoring.MonitoringDetectors;
import org.outpost.app.usecase.MonitoringService;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code admin monitor …}: home and wearable readings (issue 15). {@code import} reads a Fitbit, Dexcom, generic CSV
 * or FHIR file into a patient's series; {@code flags} prints the patient's flags as JSON lines.
 */
@Command(name = "monitor", description = "Home and wearable readings: import a file, list the flags.",
        subcommands = {MonitorImportCommand.class, MonitorFlagsCommand.class})
final class MonitorCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** The monitoring use case for a command's session, with the bundled detectors. */
    static MonitoringService service(LoggedInCommand.Opened o) {
        return new MonitoringService(o.store(), o.clock(), o.session(), MonitoringDetectors::forMeasure);
    }

    /** The patient with {@code mrn}, or a failure that names what is wrong (never the patient). */
    static Patient patient(LoggedInCommand.Opened o, String mrn) {
        if (!Mrn.isValid(mrn)) {
            throw new CliFailure(ExitCode.FAILED, "an MRN has 3 to 20 letters, digits or dashes");
        }
        Optional<Patient> p = o.store().read(r -> r.patients().findByMrn(new Mrn(mrn)));
        return p.orElseThrow(() -> new CliFailure(ExitCode.FAILED, "no patient has that MRN; nothing was changed"));
    }

}
