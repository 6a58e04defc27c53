package org.outpost.ui.cli;

import java.util.Optional;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Permission;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.sync.outbox.OutboxSummaries;
import org.outpost.sync.outbox.SiteSync;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code admin sync preview MRN}: the exact de-identified bundle sync would send for one patient now (same site
 * secret, k-anonymity gate and settings as a run), on standard output, or why nothing would leave. Sends and
 * changes nothing; opening the patient's record is audited like opening a chart.
 */
@Command(name = "preview", sortOptions = false,
        description = {"Print the de-identified FHIR R4 transaction Bundle sync would send for the patient with this "
                + "MRN now, as JSON on standard output, or the reason nothing would be sent (no consent, held back by "
                + "the k-anonymity check). Nothing is sent or changed; the look-up is audited.",
                "Standard input: line 1 = your password."})
final class SyncPreviewCommand extends LoggedInCommand {
    @Parameters(index = "0", paramLabel = "MRN", description = "The patient's medical record number.")
    String mrn;

    SyncPreviewCommand(CliContext context) {
        super(context);
    }

    @Override
    int run(Opened o) {
        o.session().require(Permission.CONFIGURE_SYNC);
        if (!Mrn.isValid(mrn)) {
            throw new CliFailure(ExitCode.FAILED, "an MRN has 3 to 20 letters, digits or dashes");
        }
        Optional<Patient> patient = o.store().read(r -> r.patients().findByMrn(new Mrn(mrn)));
        if (patient.isEmpty()) {
            throw new CliFailure(ExitCode.FAILED, "no patient has that MRN; nothing was shown");
        }
        Patient p = patient.get();
        o.store().write(r -> {
            r.audit().append(AuditEvent.about(o.clock().instant(), o.session().username(), AuditAction.CHART_OPENED,
                    p.id(), "sync preview"));
            return null;
        });
        SiteSync.Preview preview = SiteSync.preview(o.store(), p.id(), BundledModels.registry(), o.clock().getZone(),
                o.clock());
        var err = context.err();
        switch (preview) {
            case SiteSync.Preview.Nothing n -> {
                context.out().println("nothing would be sent: " + EchoSafe.line(n.why()));
                context.out().flush();
            }
            case SiteSync.Preview.Bundle b -> {
                context.out().println(b.json());
                context.out().flush();
                err.println(state(o.store().read(r -> r.outbox().find(p.id()))));
                if (!o.store().read(r -> r.syncSettings().load()).isConfigured()) {
                    err.println("sync is not set up: nothing is sent until a server and a token are set "
                            + "('outpost admin sync config')");
                }
                err.flush();
            }
        }
        return ExitCode.OK;
    }

    /** Where the patient's summary stands in the outbox (no patient data). */
    private static String state(Optional<OutboxEntry> entry) {
        if (entry.isEmpty()) {
            return "nothing is waiting for this patient: this is what their next change would send";
        }
        Optional<String> held = entry.get().heldBack();
        if (held.filter(w -> w.startsWith(OutboxSummaries.REFUSED)).isPresent()) {
            return "the server refused this patient's last summary: it is sent again after their record changes";
        }
        return "waiting to be sent with the next run";
    }
}
