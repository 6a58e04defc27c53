package org.outpost.ui.cli.calc;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRegistry;
import org.outpost.app.catalog.BundledModels;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code admin calc}: runs a bundled clinical model on inputs given as JSON or CSV, for other programs
 * and for batch scoring. Needs no database and no login: it reads only the inputs it is given.
 */
@Command(name = "calc", sortOptions = false,
        description = {"Run a bundled clinical model (no database needed).",
                "  calc --list                          the models: id, version, title",
                "  calc MODEL_ID < inputs.json          one JSON object of inputs in, one JSON result out",
                "  calc MODEL_ID --help                 the model's inputs: type, unit, range, description; its source",
                "  calc MODEL_ID --schema               the same as JSON, for programs",
                "  calc MODEL_ID --csv IN --out OUT     score every row of a CSV file (header = input names)"},
        footer = {"", "Exit codes: 0 done; 1 invalid input (one line on standard error says which and why); "
                + "2 wrong usage or unknown model.",
                "CSV: a blank cell is a missing value; OUT has IN's columns plus applicable, value, unit, category, "
                        + "missing, reasons, error (a row that doesn't parse gets its message in 'error' and the "
                        + "run goes on; the run then ends with exit 1, a row that is only not applicable is no "
                        + "error); a summary line with the counts goes to standard error. Files are UTF-8.",
                Numbers.RULE_FORMAT})
public final class CalcCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL_ID", description = "A model id from --list.")
    String modelId;

    @Option(names = "--list", description = "List the models: id, version and title, one a line.")
    boolean list;

    @Option(names = {"-h", "--help"}, description = "Show this help; after MODEL_ID, the model's inputs and source.")
    boolean help;

    @Option(names = "--schema", description = "Print the model's inputs as JSON.")
    boolean schema;

    @Option(names = "--input", paramLabel = "FILE",
            description = "Read the JSON object of inputs from FILE instead of standard input.")
    Path input;

    @Option(names = "--pretty", description = "Indent the JSON output.")
    boolean pretty;

    @Option(names = "--csv", paramLabel = "IN", description = "Score every row of the CSV file IN.")
    Path csvIn;

    @Option(names = "--out", paramLabel = "OUT", description = "Where --csv writes the scored rows (replaced if it exists).")
    Path csvOut;

    @Option(names = "--keep-column", paramLabel = "NAME", split = ",",
            description = "A CSV column that is not an input (e.g. an id), copied to OUT as it is. "
                    + "Any other unknown column is refused.")
    List<String> keepColumns = List.of();

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "The CSV field separator (default: ,).")
    char delimiter = ',';

    @Spec
    CommandSpec spec;

    private final CliContext context;
    private final ModelRegistry models;

    CalcCommand(CliContext context) {
        this.context = Objects.requireNonNull(context);
        this.models = BundledModels.registry();
    }

    @Override
    public Integer call() throws IOException {
        checkUsage();
        try {
            if (modelId == null) {
                if (help) {
                    spec.commandLine().usage(context.out());
                } else {
                    list();
                }
                return ExitCode.OK;
            }
            ClinicalModel model = model(modelId);
            if (help) {
                print(ModelHelp.text(model));
            } else if (schema) {
                json(g -> JsonIo.writeSchema(g, model));
            } else if (csvIn != null) {
                return csv(model);
            } else {
                evaluate(model);
            }
            return ExitCode.OK;
        } catch (CalcFailure f) {
            context.err().println(f.getMessage().replaceAll("\\s*\\R\\s*", " ").strip());
            context.err().flush();
            return f.exitCode();
        }
    }

    private void checkUsage() {
        if (help) {
            return;
        }
        if (list) {
            if (modelId != null || schema || input != null || csvIn != null || csvOut != null) {
                throw usage("--list takes no model id or other option");
            }
            return;
        }
        if (modelId == null) {
            throw usage("Missing model id: one of " + idsInBrief(models.ids()) + " (or --list)");
        }
        int modes = (schema ? 1 : 0) + (input != null ? 1 : 0) + (csvIn != null ? 1 : 0);
        if (modes > 1) {
            throw usage("Use only one of --schema, --input and --csv");
        }
        if ((csvIn == null) != (csvOut == null)) {
            throw usage(csvIn == null ? "--out goes with --csv IN" : "--csv needs --out OUT");
        }
        if (csvIn == null && (!keepColumns.isEmpty() || delimiter != ',')) {
            throw usage("--keep-column and --delimiter go with --csv");
        }
        if (pretty && csvIn != null) {
            throw usage("--pretty is for JSON output");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private ClinicalModel model(String id) {
        return models.find(id).orElseThrow(() -> new CalcFailure(ExitCode.USAGE,
                "unknown model '" + id + "': use one of " + String.join(", ", models.ids())));
    }

    /** The ids, cut short with how many more there are so that the one-line message keeps its hint. */
    static String idsInBrief(List<String> ids) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            String next = (i == 0 ? "" : ", ") + ids.get(i);
            if (b.length() + next.length() > 220) {
                return b + ", \u2026 (" + (ids.size() - i) + " more)";
            }
            b.append(next);
        }
        return b.toString();
    }

    private void list() {
        StringBuilder b = new StringBuilder();
        for (ClinicalModel m : models.all()) {
            b.append(m.ref().id()).append('\t').append(m.ref().version()).append('\t').append(m.ref().title())
                    .append('\n');
        }
        print(b.toString());
    }

    private void evaluate(ClinicalModel model) throws IOException {
        String what = input == null ? "standard input" : input.toString();
        Map<String, Object> raw;
        if (input == null) {
            raw = JsonIo.readInputs(context.in(), what);
        } else {
            try (InputStream in = Files.newInputStream(input)) {
                raw = JsonIo.readInputs(in, what);
            } catch (IOException e) {
                throw fileProblem("read", input, e);
            }
        }
        ModelInputs.Parsed parsed = new InputCheck(model).parse(raw);
        if (!parsed.errors().isEmpty()) {
            throw new CalcFailure(ExitCode.FAILED, String.join("; ", parsed.errors()));
        }
        Evaluation result = model.evaluate(parsed.inputs());
        if (result.value().isPresent() && !Double.isFinite(result.value().getAsDouble())) {
            throw new CalcFailure(ExitCode.FAILED, model.ref().id() + " gave no finite value for these inputs");
        }
        json(g -> JsonIo.writeEvaluation(g, result));
    }

    /** Scores the CSV file; exit 1 when any row had an error (a row that is merely not applicable is no error). */
    private int csv(ClinicalModel model) {
        Path in = csvIn.toAbsolutePath().normalize();
        Path out = csvOut.toAbsolutePath().normalize();
        if (in.equals(out)) {
            throw new CalcFailure(ExitCode.FAILED, "--out must not be the input file");
        }
        if (!Files.isRegularFile(in)) {
            throw new CalcFailure(ExitCode.FAILED, "cannot read " + csvIn + ": no such file");
        }
        Path dir = Objects.requireNonNull(out.getParent(), "--out is a file inside a folder");
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + out.getFileName(), ".part");
        } catch (IOException e) {
            throw fileProblem("write", csvOut, e);
        }
        try {
            CsvScorer.Summary summary;
            try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                 Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                summary = new CsvScorer(model, new LinkedHashSet<>(keepColumns), delimiter).score(reader, writer);
            } catch (CharacterCodingException e) {
                throw new CalcFailure(ExitCode.FAILED, csvIn + " is not UTF-8 text (save it as CSV UTF-8)");
            } catch (java.io.UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException) {
                    throw new CalcFailure(ExitCode.FAILED, csvIn + " is not UTF-8 text (save it as CSV UTF-8)");
                }
                throw fileProblem("read", csvIn, e.getCause());
            } catch (IOException e) {
                throw new CalcFailure(ExitCode.FAILED, "cannot score " + csvIn + " into " + csvOut + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            try {
                Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw fileProblem("write", csvOut, e);
            }
            context.err().println(model.ref().id() + ": " + summary.line() + "; wrote " + csvOut
                    + (summary.errors() == 0 ? "" : " (exit 1: see the 'error' column)"));
            context.err().flush();
            return summary.errors() == 0 ? ExitCode.OK : ExitCode.FAILED;
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: a leftover hidden .part file is harmless
            }
        }
    }

    private static CalcFailure fileProblem(String verb, Path file, IOException e) {
        String why = switch (e) {
            case NoSuchFileException n -> "no such file or folder";
            case AccessDeniedException a -> "permission denied";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return new CalcFailure(ExitCode.FAILED, "cannot " + verb + " " + file + ": " + why);
    }

    private interface JsonWriting {
        void write(JsonGenerator g) throws IOException;
    }

    private void json(JsonWriting body) throws IOException {
        PrintStream out = context.out();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, out.charset()));
        try (JsonGenerator g = JsonIo.generator(w, out.charset().equals(StandardCharsets.UTF_8), pretty)) {
            body.write(g);
        }
        w.write('\n');
        w.flush();
    }

    private void print(String text) {
        context.out().print(text);
        context.out().flush();
    }
}
