package org.outpost.ui.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.domain.Chart;
import org.outpost.app.model.ModelRegistry;
import org.outpost.sync.deid.DeidentifiedSummary;
import org.outpost.sync.deid.Deidentifier;
import org.outpost.sync.deid.PseudonymKey;
import org.outpost.sync.fhir.FhirBundleReader;
import org.outpost.sync.fhir.FhirReadException;
import org.outpost.sync.fhir.FhirSummaryBuilder;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code admin deid}: shows what sync would send for one patient — a FHIR R4 file in, the de-identified transaction
 * Bundle out — through the same {@link Deidentifier} and {@link FhirSummaryBuilder} the sync service uses, with the
 * bundled tables. Needs no database and no password: the pseudonym key is a throw-away random one, so the
 * pseudonyms and ids printed match no site's.
 */
@Command(name = "deid", sortOptions = false,
        description = {"De-identify one patient's FHIR R4 file (a Bundle about one patient, or a Patient; JSON or "
                + "XML) with HIPAA Safe Harbor (45 CFR 164.514(b)(2)) and print the FHIR R4 transaction Bundle that "
                + "sync would send for it, as JSON, on standard output: pseudonym, birth year (or 90 or older), "
                + "gender, three-digit ZIP (000 for restricted areas), Outpost's vitals and labs with years only, "
                + "coded medications. Counts of what was withheld go to standard error.",
                "Pseudonyms come from a throw-away key. Genotypes, model results and conditions are not read from "
                        + "the file; the k-anonymity check is made over a site's records before sending and is not "
                        + "applied to one file.",
                "Needs no database and no password."})
final class DeidCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--fhir", required = true, paramLabel = "FILE",
            description = "The FHIR R4 file: a Bundle (collection, transaction, batch, ...) about one patient, or one "
                    + "Patient.")
    Path file;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "The day ages are computed on (90 or older) and medication status is read (default: today).")
    String asOf;

    DeidCommand(CliContext context) {
        this.context = Objects.requireNonNull(context);
    }

    @Override
    public Integer call() throws IOException {
        LocalDate day = asOfDay();
        ZoneId zone = context.clock().getZone();
        Chart chart;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            chart = new FhirBundleReader(zone).read("the --fhir file", text);
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.FAILED, "the --fhir file does not exist");
        } catch (CharacterCodingException e) {
            throw new CliFailure(ExitCode.FAILED, "the --fhir file: not a FHIR file (not UTF-8 text)");
        } catch (FhirReadException e) {
            throw new CliFailure(ExitCode.FAILED, e.getMessage());
        }
        Deidentifier deid = Deidentifier.withBundledTables(PseudonymKey.random(), new ModelRegistry(BundledModels.all()),
                zone);
        DeidentifiedSummary summary = deid.summarise(chart, List.of(), false, day);
        context.out().println(new FhirSummaryBuilder().json(summary));
        context.out().flush();
        summary.withheld().forEach(w -> context.err().println("withheld: " + w));
        context.err().flush();
        return ExitCode.OK;
    }

    private LocalDate asOfDay() {
        if (asOf == null) {
            return LocalDate.now(context.clock());
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--as-of needs a date as YYYY-MM-DD");
        }
    }
}
