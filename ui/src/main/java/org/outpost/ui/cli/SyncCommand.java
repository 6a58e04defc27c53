package org.outpost.ui.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code admin sync …}: de-identified sync when connected (issue 12). Each subcommand is its own class registered
 * here: {@code config} sets the server, token, k and genotype sharing; {@code status} shows them and the outbox
 * (no server contact); {@code run} syncs once now; {@code preview MRN} prints what would be sent for one patient; {@code rotate-pseudonyms} replaces the
 * pseudonym secret on purpose.
 */
@Command(name = "sync", description = "De-identified sync of consenting patients' summaries (administrators only).",
        subcommands = {SyncConfigCommand.class, SyncStatusCommand.class, SyncRunCommand.class,
                SyncPreviewCommand.class, SyncRotatePseudonymsCommand.class})
final class SyncCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
