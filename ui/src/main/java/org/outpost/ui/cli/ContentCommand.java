package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import org.outpost.app.catalog.ClinicalContent;
import org.outpost.app.content.VerifiedBundle;
import org.outpost.app.dosing.RenalDoseRules;
import org.outpost.app.pgx.GuidelineVersion;
import picocli.CommandLine.Command;

/**
 * {@code admin content}: which clinical tables are in force for a data directory — the bundled ones or a valid
 * signed update in its {@value ClinicalContent#DIRECTORY} folder — with each update's version, signer and key, and
 * why an update was refused. Needs no password: the tables are published guidance, not patient data. Its
 * subcommands sign a bundle (the content team), verify one (IT) and install one (from a USB folder, say).
 */
@Command(name = "content", sortOptions = false,
        description = {"Show the clinical tables in force: the CPIC gene-drug tables (guideline, citation, version) "
                + "and the renal dose table, bundled or from a signed update in <data-dir>/" + ClinicalContent.DIRECTORY
                + "/<bundle id>/ (bundle, version, source, signer and key of each). An update that is not signed "
                + "by a key this Outpost trusts, whose files do not match its manifest, or whose tables fail their "
                + "checks is refused whole: the bundled table stays in force, the reason (file and why) is printed "
                + "and the exit code is 1.",
                "Needs no password. Subcommands: sign, verify, install, keygen."},
        subcommands = {ContentSignCommand.class, ContentVerifyCommand.class, ContentInstallCommand.class,
                ContentKeygenCommand.class})
final class ContentCommand extends AdminSubcommand {
    ContentCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        ClinicalContent content = ClinicalContent.forDataDirectory(dataDirectory(), context.trustedKeys());
        var out = context.out();
        out.println("CPIC tables " + content.cpic().version());
        for (GuidelineVersion g : content.cpic().guidelines()) {
            out.println("  " + String.join("+", g.genes()) + " / " + String.join(", ", g.drugs()) + ": "
                    + g.guideline() + " (" + g.version() + "); " + g.citation());
        }
        RenalDoseRules renal = content.renal();
        out.println("renal dose table " + renal.version() + " of " + renal.date() + " (" + renal.file()
                + "), reviewed by: " + renal.reviewedBy() + "; drugs: " + String.join(", ", renal.drugs()));
        out.println("dose limit table " + content.doseLimits().version() + ", medicines-by-class table "
                + content.drugClasses().version() + ", interaction table " + content.interactions().version());
        for (var m : content.learnedModels()) {
            out.println("learned model " + m.ref().id() + " " + m.ref().version() + " ("
                    + (content.coronaryUpdate().isPresent() ? "from a signed update" : "bundled") + ")");
        }
        if (content.updates().isEmpty()) {
            out.println("updates: none (the tables that ship with Outpost)");
        }
        for (ClinicalContent.ContentUpdate u : content.updates()) {
            VerifiedBundle b = u.bundle();
            out.println("update " + EchoSafe.line(b.describe()) + ": " + String.join(", ", u.tables()));
        }
        content.problems().forEach(p -> context.err().println("refused: " + EchoSafe.line(p)));
        return content.problems().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
