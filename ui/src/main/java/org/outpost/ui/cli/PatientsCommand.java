package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import java.util.List;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.usecase.PatientRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin patients}: lists patients, all or those matching a search, as tab-separated lines. */
@Command(name = "patients", sortOptions = false,
        description = {"List patients, one a line: MRN, family name, given name, birth date (yyyy-mm-dd), "
                + "tab-separated, ordered by family name. The listing is audited.",
                "Standard input: line 1 = your password."})
final class PatientsCommand extends LoggedInCommand {
    @Option(names = "--search", paramLabel = "TEXT",
            description = "Only patients matching TEXT as in the search box: name prefixes, an MRN (prefix) or "
                    + "a birth date (yyyy-mm-dd or dd/mm/yyyy); at most " + PatientRegistry.SEARCH_LIMIT + " rows.")
    String search;

    PatientsCommand(CliContext context) {
        super(context);
    }

    @Override
    int run(Opened o) {
        PatientRegistry registry = new PatientRegistry(o.store(), o.clock(), o.session());
        List<PatientSummary> rows = search == null ? registry.listAll() : registry.listMatching(search);
        StringBuilder out = new StringBuilder();
        for (PatientSummary p : rows) {
            out.append(p.mrn().value()).append('\t').append(p.familyName()).append('\t').append(p.givenName())
                    .append('\t').append(p.birthDate()).append('\n');
        }
        context.out().print(out);
        context.out().flush();
        return ExitCode.OK;
    }
}
