package org.outpost.ui.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.domain.Permission;
import org.outpost.app.sharing.OutboxCounts;
import org.outpost.app.sharing.SyncSettings;
import org.outpost.app.usecase.SyncSettingsService;
import org.outpost.sync.outbox.SiteSync;
import org.outpost.sync.transport.SyncListener;
import org.outpost.sync.transport.SyncReport;
import org.outpost.sync.transport.SyncService;
import org.outpost.sync.transport.SyncSetupException;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin sync run}: one sync pass now, on this thread, exactly as the app's loop runs it ({@link SiteSync}):
 * every waiting summary of a consenting patient is de-identified, passed through the k-anonymity gate and sent,
 * until the outbox is empty or the server stops confirming. Prints the counts; exit 0 only when nothing was left
 * unconfirmed. The pass is audited (counts only) by {@link SiteSync}.
 */
@Command(name = "run", sortOptions = false,
        description = {"Sync now: send every waiting summary of consenting patients (de-identified, after the "
                + "k-anonymity check) to the configured server, once, and print how many were sent, refused and "
                + "not confirmed. Exit code 0 when nothing was left unconfirmed, 1 otherwise (the summaries stay "
                + "queued and go with the next run).",
                "Standard input: line 1 = your password."})
final class SyncRunCommand extends LoggedInCommand {
    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "Trust only the CA certificates in this PEM file for the server (e.g. a clinic "
                    + "network's own CA); default: the system's trusted CAs.")
    Path caFile;

    SyncRunCommand(CliContext context) {
        super(context);
    }

    @Override
    int run(Opened o) {
        o.session().require(Permission.CONFIGURE_SYNC);
        SyncSettings settings = new SyncSettingsService(o.store(), o.clock(), o.session()).current();
        if (!settings.isConfigured()) {
            throw new CliFailure(ExitCode.FAILED, "sync is not set up: set the server and the token with "
                    + "'outpost admin sync config' first; nothing was sent");
        }
        Optional<SiteSync> opened;
        try {
            opened = SiteSync.open(o.store(), o.session().username(), BundledModels.registry(),
                    o.clock().getZone(), o.clock(), Optional.ofNullable(caFile), SyncService.Settings.standard(),
                    SyncListener.NONE);
        } catch (SyncSetupException e) {
            throw new CliFailure(ExitCode.FAILED, e.getMessage().replaceFirst("\\.$", "") + "; nothing was sent");
        }
        SyncReport report;
        try (SiteSync sync = opened.orElseThrow()) {
            report = sync.syncNow();
        }
        OutboxCounts counts = SiteSync.counts(o.store());
        var out = context.out();
        out.println("sent " + report.confirmed() + ", refused " + report.rejected() + ", not confirmed "
                + report.notConfirmed() + report.problem().map(p -> " (" + EchoSafe.line(p.why()) + ")").orElse(""));
        out.println("waiting to be sent: " + counts.pending() + ", held back: " + counts.heldBack());
        out.flush();
        if (report.interrupted()) {
            String why = report.problem().orElseThrow().why();
            context.err().println(EchoSafe.line("not everything was confirmed by the server: " + why
                    + (report.problem().get().needsSettingsChange() ? " Fix the sync settings, then run again."
                    : " What is left stays queued and is sent by the next run.")));
            context.err().flush();
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }
}
