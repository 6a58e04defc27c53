package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import org.outpost.app.catalog.ClinicalContent;
import org.outpost.app.dosing.RenalDoseRules;
import org.outpost.app.pgx.GuidelineVersion;
import picocli.CommandLine.Command;

/**
 * {@code admin content}: which clinical tables are in force for a data directory — the bundled ones or a valid
 * update in its {@value ClinicalContent#DIRECTORY} folder — and why an update was refused. Needs no password:
 * the tables are published guidance, not patient data.
 */
@Command(name = "content", sortOptions = false,
        description = {"Show the clinical tables in force: the CPIC gene-drug tables (guideline, citation, version) "
                + "and the renal dose table, bundled or updated from <data-dir>/" + ClinicalContent.DIRECTORY + "/ "
                + "(" + ClinicalContent.CPIC + "/ for a complete CPIC bundle, " + ClinicalContent.RENAL + "). "
                + "An update that fails the table checks is refused whole: the bundled table stays in force, the "
                + "reason (file and line) is printed and the exit code is 1.",
                "Needs no password."})
final class ContentCommand extends AdminSubcommand {
    ContentCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        ClinicalContent content = ClinicalContent.forDataDirectory(dataDirectory());
        var out = context.out();
        out.println("CPIC tables " + content.cpic().version());
        for (GuidelineVersion g : content.cpic().guidelines()) {
            out.println("  " + String.join("+", g.genes()) + " / " + String.join(", ", g.drugs()) + ": "
                    + g.guideline() + " (" + g.version() + "); " + g.citation());
        }
        RenalDoseRules renal = content.renal();
        out.println("renal dose table " + renal.version() + " of " + renal.date() + " (" + renal.file()
                + "), reviewed by: " + renal.reviewedBy() + "; drugs: " + String.join(", ", renal.drugs()));
        content.problems().forEach(p -> context.err().println("refused: " + p));
        return content.problems().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
