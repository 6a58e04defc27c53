package org.outpost.ui.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.outpost.app.domain.Permission;
import org.outpost.app.sharing.OutboxCounts;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.app.sharing.SyncSettings;
import org.outpost.app.usecase.SyncSettingsService;
import org.outpost.sync.outbox.OutboxSummaries;
import org.outpost.sync.outbox.SiteSync;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;

/**
 * {@code admin sync status}: the sync settings (the token only as set or not) and the outbox in numbers, read from
 * the database alone — the server is not contacted. Plain lines, one fact each; no patient data.
 */
@Command(name = "status", sortOptions = false,
        description = {"Show the sync settings (never the token, only whether one is set) and the outbox: summaries "
                + "waiting to be sent, held back, the last success and the last error. Reads the database only; "
                + "the server is not contacted.",
                "Standard input: line 1 = your password."})
final class SyncStatusCommand extends LoggedInCommand {
    SyncStatusCommand(CliContext context) {
        super(context);
    }

    @Override
    int run(Opened o) {
        o.session().require(Permission.CONFIGURE_SYNC);
        SyncSettings s = new SyncSettingsService(o.store(), o.clock(), o.session()).current();
        OutboxCounts counts = SiteSync.counts(o.store());
        ZoneId zone = o.clock().getZone();
        var out = context.out();
        out.println("server: " + s.server().map(Object::toString).orElse("not set"));
        out.println("token: " + (s.token().isPresent() ? "set" : "not set"));
        out.println("k: " + s.k());
        out.println("genotypes: " + (s.shareGenotypes() ? "shared (for patients who agreed to that too)" : "not shared"));
        out.println("waiting to be sent: " + counts.pending());
        out.println("held back: " + counts.heldBack() + heldBackDetail(o, counts));
        out.println("last success: " + counts.lastSuccess().map(t -> time(t, zone)).orElse("never"));
        out.println("last error: " + counts.lastError().map(e -> time(e.at(), zone) + " " + EchoSafe.line(e.message()))
                .orElse("none"));
        if (!s.isConfigured()) {
            out.println("sync is not set up: nothing is sent until a server and a token are set ('outpost admin sync config')");
        }
        out.flush();
        return ExitCode.OK;
    }

    /** " (n by the k-anonymity check, m refused by the server, …)" — counts only, never the reasons' groups. */
    private static String heldBackDetail(Opened o, OutboxCounts counts) {
        if (counts.heldBack() == 0) {
            return "";
        }
        List<OutboxEntry> all = o.store().read(r -> r.outbox().pending(Integer.MAX_VALUE));
        long refused = all.stream().filter(e -> e.heldBack().filter(w -> w.startsWith(OutboxSummaries.REFUSED))
                .isPresent()).count();
        long gate = all.stream().filter(e -> e.heldBack().filter(w -> w.startsWith(OutboxSummaries.K_ANONYMITY))
                .isPresent()).count();
        long tooLarge = all.stream().filter(e -> e.heldBack().filter(w -> w.startsWith(OutboxSummaries.TOO_LARGE))
                .isPresent()).count();
        long other = counts.heldBack() - refused - gate - tooLarge;
        StringBuilder b = new StringBuilder(" (");
        String sep = "";
        if (gate > 0) {
            b.append(gate).append(" by the k-anonymity check");
            sep = ", ";
        }
        if (refused > 0) {
            b.append(sep).append(refused).append(" refused by the server");
            sep = ", ";
        }
        if (tooLarge > 0) {
            b.append(sep).append(tooLarge).append(" too large to keep a copy of");
            sep = ", ";
        }
        if (other > 0) {
            b.append(sep).append(other).append(" looked at again on the next run");
        }
        return b.append(')').toString();
    }

    static String time(Instant t, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }
}
