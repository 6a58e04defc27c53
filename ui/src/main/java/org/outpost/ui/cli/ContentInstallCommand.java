package org.outpost.ui.cli;

import java.nio.file.Path;
import org.outpost.app.catalog.ClinicalContent;
import org.outpost.app.content.BundleInstaller;
import org.outpost.app.content.ContentRefusedException;
import org.outpost.app.validation.Echo;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code admin content install SRC}: installs a signed bundle (from a USB folder, say) into the data directory's
 * {@value ClinicalContent#DIRECTORY} folder, all or nothing (see {@link BundleInstaller}).
 */
@Command(name = "install", sortOptions = false,
        description = {"Install a signed content bundle from a folder (e.g. a USB stick) into <data-dir>/"
                + ClinicalContent.DIRECTORY + "/<bundle id>/: it is verified (signature, files, table checks), "
                + "copied beside the installed version, verified again and then moved into place, replacing an "
                + "earlier version of the same bundle. If anything fails, nothing changes: the version in force "
                + "stays, and the reason (file and why) is printed with exit code 1.",
                "Needs no password. Takes effect the next time Outpost starts."})
final class ContentInstallCommand extends AdminSubcommand {
    @Parameters(index = "0", paramLabel = "SRC", description = "The bundle folder to install.")
    Path source;

    ContentInstallCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        BundleInstaller.Installed installed;
        try {
            installed = ClinicalContent.install(source, dataDirectory(), context.trustedKeys());
        } catch (ContentRefusedException e) {
            throw new CliFailure(ExitCode.FAILED, "refused: " + Echo.of(source.toString()) + ": " + e.getMessage()
                    + "; nothing was installed, what was in force stays");
        }
        ContentVerifyCommand.print(context, installed.bundle());
        context.out().println("installed into " + Echo.of(installed.bundle().directory().toString())
                + installed.replaced().map(m -> ", replacing version " + m.version()).orElse(""));
        return ExitCode.OK;
    }
}
