package org.outpost.ui.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Permission;
import org.outpost.app.monitoring.MonitoringFlag;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin monitor flags --mrn MRN}: the patient's monitoring flags, one JSON object a line, oldest first — the
 * measure, kind, direction, period, baseline and observed value (in the measure's unit) and the decision, if any. The
 * look-up is audited like opening the chart.
 */
@Command(name = "flags", sortOptions = false,
        description = {"Print the patient's monitoring flags as JSON lines, oldest first: id, measure, unit, kind "
                + "(SUSTAINED or DRIFT), direction (ABOVE or BELOW), start, end, baseline, observed, raised, and "
                + "outcome, decidedBy, decidedAt and note once decided. The look-up is audited.",
                "Standard input: line 1 = your password."})
final class MonitorFlagsCommand extends LoggedInCommand {
    @Option(names = "--mrn", required = true, paramLabel = "MRN", description = "The patient's medical record number.")
    String mrn;

    MonitorFlagsCommand(CliContext context) {
        super(context);
    }

    @Override
    int run(Opened o) throws IOException {
        o.session().require(Permission.VIEW_CHART);
        Patient p = MonitorCommand.patient(o, mrn);
        List<MonitoringFlag> flags = MonitorCommand.service(o).flags(p.id());
        o.store().write(r -> {
            r.audit().append(AuditEvent.about(o.clock().instant(), o.session().username(), AuditAction.CHART_OPENED,
                    p.id(), "monitor flags"));
            return null;
        });
        StringWriter out = new StringWriter();
        JsonFactory json = new JsonFactory();
        for (MonitoringFlag f : flags) {
            try (JsonGenerator g = json.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("id", f.id().toString());
                g.writeStringField("measure", f.measure().code());
                g.writeStringField("unit", f.measure().unit());
                g.writeStringField("kind", f.deviation().kind().name());
                g.writeStringField("direction", f.deviation().direction().name());
                g.writeStringField("start", f.deviation().start().toString());
                g.writeStringField("end", f.deviation().end().toString());
                g.writeNumberField("baseline", f.deviation().baseline());
                g.writeNumberField("observed", f.deviation().observed());
                g.writeStringField("raised", f.raised().toString());
                if (f.decision().isPresent()) {
                    MonitoringFlag.Decision d = f.decision().get();
                    g.writeStringField("outcome", d.outcome().name());
                    g.writeStringField("decidedBy", d.by());
                    g.writeStringField("decidedAt", d.at().toString());
                    if (d.note().isPresent()) {
                        g.writeStringField("note", d.note().get());
                    }
                }
                g.writeEndObject();
            }
            out.write('\n');
        }
        context.out().print(out);
        context.out().flush();
        return ExitCode.OK;
    }
}
