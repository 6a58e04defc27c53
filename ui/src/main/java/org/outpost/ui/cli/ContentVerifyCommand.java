package org.outpost.ui.cli;

import java.nio.file.Path;
import java.util.List;
import org.outpost.app.catalog.ClinicalContent;
import org.outpost.app.content.ContentManifest;
import org.outpost.app.content.ContentRefusedException;
import org.outpost.app.content.SignedBundle;
import org.outpost.app.content.VerifiedBundle;
import org.outpost.app.validation.Echo;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code admin content verify DIR}: for IT, before or after installing — is this folder a bundle signed by a key
 * this Outpost trusts, do its files match, and do its tables pass their checks. Reads only that folder.
 */
@Command(name = "verify", sortOptions = false,
        description = {"Check a content bundle folder: its manifest's signature by a key this Outpost trusts, every "
                + "file's size and SHA-256, no file missing or unlisted, and the clinical tables' own checks. Prints "
                + "the bundle, version, created, source, signer, key id and files; exit 0 when it is good, 1 with "
                + "the file and reason when not.",
                "Needs no password."})
final class ContentVerifyCommand implements java.util.concurrent.Callable<Integer> {
    private final CliContext context;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "DIR", description = "The bundle folder (e.g. on a USB stick).")
    Path dir;

    ContentVerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        VerifiedBundle bundle;
        List<String> tables;
        try {
            bundle = SignedBundle.verify(dir, context.trustedKeys());
            tables = ClinicalContent.check(bundle);
        } catch (ContentRefusedException e) {
            throw new CliFailure(ExitCode.FAILED, "refused: " + Echo.of(dir.toString()) + ": " + e.getMessage());
        }
        print(context, bundle);
        context.out().println("tables: " + (tables.isEmpty() ? "none" : String.join(", ", tables)));
        context.out().println("verified: the signature and all " + bundle.manifest().files().size()
                + " files match" + (tables.isEmpty() ? "" : ", the tables pass their checks"));
        return ExitCode.OK;
    }

    /** The bundle's facts, one a line, and its files. */
    static void print(CliContext context, VerifiedBundle bundle) {
        ContentManifest m = bundle.manifest();
        var out = context.out();
        out.println("bundle: " + m.bundleId());
        out.println("version: " + m.version());
        out.println("created: " + m.created());
        out.println("source: " + EchoSafe.line(m.source()));
        out.println("signer: " + EchoSafe.line(m.signer()));
        out.println("key: " + bundle.keyId() + " (" + EchoSafe.line(bundle.key().owner()) + ")");
        out.println("files:");
        for (ContentManifest.ContentFile f : m.files()) {
            out.println("  " + f.path() + "  " + f.size() + " bytes  sha256 " + f.sha256());
        }
    }
}
