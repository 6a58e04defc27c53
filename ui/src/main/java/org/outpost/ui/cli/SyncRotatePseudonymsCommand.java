package org.outpost.ui.cli;

import org.outpost.app.domain.Permission;
import org.outpost.app.usecase.SyncSettingsService;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin sync rotate-pseudonyms}: replaces the site's pseudonym secret on purpose, e.g. after a suspected
 * leak of the database or at the research team's request. Every patient's pseudonym changes with it, so the server
 * can no longer link new summaries to old ones; every consenting patient's summary is queued again. Because that
 * cannot be undone, it runs only with {@code --yes-new-pseudonyms}. Audited ({@code SITE_SECRET_ROTATED}).
 */
@Command(name = "rotate-pseudonyms", sortOptions = false,
        description = {"Replace the site's pseudonym secret. Every patient's pseudonym changes: the server can no "
                + "longer link what it receives from now on to what it received before, and every consenting "
                + "patient's summary is queued again under the new pseudonym. Cannot be undone: needs "
                + "--yes-new-pseudonyms.",
                "Standard input: line 1 = your password."})
final class SyncRotatePseudonymsCommand extends LoggedInCommand {
    @Option(names = "--yes-new-pseudonyms", description = "Confirm that every pseudonym is to change.")
    boolean confirmed;

    SyncRotatePseudonymsCommand(CliContext context) {
        super(context);
    }

    @Override
    int run(Opened o) {
        o.session().require(Permission.CONFIGURE_SYNC);
        if (!confirmed) {
            throw new CliFailure(ExitCode.USAGE, "Rotating the pseudonym secret changes every patient's "
                    + "pseudonym and cannot be undone; run again with --yes-new-pseudonyms to do it");
        }
        SyncSettingsService.SecretRotation rotation =
                new SyncSettingsService(o.store(), o.clock(), o.session()).rotateSiteSecret();
        var out = context.out();
        out.println("new pseudonym secret made at " + SyncStatusCommand.time(rotation.at(), o.clock().getZone()));
        out.println("queued again under the new pseudonyms: " + rotation.queued());
        out.flush();
        return ExitCode.OK;
    }
}
