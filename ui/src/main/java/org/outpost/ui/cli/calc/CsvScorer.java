package org.outpost.ui.cli.calc;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.ui.console.ExitCode;

/**
 * Scores a CSV file row by row, streaming: the header names the inputs (plus any columns the caller
 * keeps, such as an id), a blank cell is a missing value, and each output row is the input row followed
 * by {@link #RESULT_COLUMNS}. A row whose values do not parse gets its message in {@code error} and the
 * run goes on.
 */
final class CsvScorer {
    static final List<String> RESULT_COLUMNS = List.of("applicable", "value", "unit", "category", "missing",
            "reasons", "recommendation", "error");
    /** Added for a learned model: the spread's ends, and whether (and by which inputs) it is outside its data. */
    static final List<String> LEARNED_COLUMNS = List.of("rangeLow", "rangeHigh", "outOfDistribution",
            "outsideInputs");
    private static final String LIST_SEPARATOR = "; ";

    /** What a run did, for the one-line summary. */
    record Summary(long rows, long applicable, long notApplicable, long errors) {
        String line() {
            return rows + (rows == 1 ? " row" : " rows") + ": " + applicable + " applicable, " + notApplicable
                    + " not applicable, " + errors + (errors == 1 ? " error" : " errors");
        }
    }

    private final ClinicalModel model;
    private final InputCheck check;
    private final Set<String> kept;
    private final char delimiter;

    CsvScorer(ClinicalModel model, Set<String> keptColumns, char delimiter) {
        this.model = model;
        this.check = new InputCheck(model);
        this.kept = Set.copyOf(keptColumns);
        this.delimiter = delimiter;
    }

    Summary score(Reader input, Writer output) throws IOException {
        CSVFormat inFormat = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        CSVFormat outFormat = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator('\n').get();
        try (CSVParser parser = CSVParser.builder().setReader(withoutBom(input)).setFormat(inFormat).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new CalcFailure(ExitCode.FAILED, "the CSV file is empty (expected a header of input names)");
            }
            List<String> header = records.next().toList();
            int[] inputColumn = checkHeader(header);
            CSVPrinter printer = new CSVPrinter(output, outFormat);
            List<String> outHeader = new ArrayList<>(header);
            outHeader.addAll(RESULT_COLUMNS);
            // a learned model's range and out-of-distribution verdict, as its JSON gives them (other models' files
            // keep their columns)
            boolean learned = model instanceof org.outpost.app.ml.LearnedModel;
            if (learned) {
                outHeader.addAll(LEARNED_COLUMNS);
            }
            printer.printRecord(outHeader);

            long rows = 0;
            long applicable = 0;
            long notApplicable = 0;
            long errors = 0;
            List<InputSpec> specs = model.inputs();
            CellCache cache = new CellCache(specs);
            Map<String, Object> typed = new HashMap<>();
            List<String> cellErrors = new ArrayList<>();
            List<String> out = new ArrayList<>(header.size() + RESULT_COLUMNS.size());
            while (records.hasNext()) {
                CSVRecord record = nextRecord(records, rows);
                rows++;
                out.clear();
                typed.clear();
                cellErrors.clear();
                for (int i = 0; i < header.size(); i++) {
                    String cell = i < record.size() ? record.get(i) : "";
                    out.add(cell);
                    if (inputColumn[i] >= 0) {
                        cache.parse(inputColumn[i], cell, typed, cellErrors);
                    }
                }
                String error = record.size() == header.size() ? null
                        : "row has " + record.size() + " fields, the header has " + header.size();
                Evaluation evaluation = null;
                if (error == null) {
                    if (!cellErrors.isEmpty()) {
                        cache.sortByInputOrder(cellErrors);
                        error = String.join(LIST_SEPARATOR, cellErrors);
                    } else {
                        evaluation = model.evaluate(ModelInputs.of(typed));
                        if (evaluation.value().isPresent() && !Double.isFinite(evaluation.value().getAsDouble())) {
                            error = model.ref().id() + " gave no finite value for this row";
                            evaluation = null;
                        }
                    }
                }
                if (evaluation == null) {
                    errors++;
                    out.add("");
                    out.add("");
                    out.add("");
                    out.add("");
                    out.add("");
                    out.add("");
                    out.add("");
                    out.add(error);
                    if (learned) {
                        LEARNED_COLUMNS.forEach(c -> out.add(""));
                    }
                } else {
                    if (evaluation.applicable()) {
                        applicable++;
                    } else {
                        notApplicable++;
                    }
                    out.add(Boolean.toString(evaluation.applicable()));
                    out.add(evaluation.value().isPresent()
                            ? Numbers.text(Numbers.value(evaluation.value().getAsDouble(), evaluation.unit())) : "");
                    out.add(evaluation.unit());
                    out.add(evaluation.category().orElse(""));
                    out.add(String.join(LIST_SEPARATOR, evaluation.missing()));
                    out.add(String.join(LIST_SEPARATOR, evaluation.reasons()));
                    out.add(evaluation.recommendation().map(r -> r.severity().name().toLowerCase(java.util.Locale.ROOT)
                            + ": " + r.text()).orElse(""));
                    out.add("");
                    if (learned) {
                        Evaluation e = evaluation;
                        out.add(e.spread().map(x -> Numbers.text(Numbers.value(x.low(), e.unit()))).orElse(""));
                        out.add(e.spread().map(x -> Numbers.text(Numbers.value(x.high(), e.unit()))).orElse(""));
                        out.add(e.outOfDistribution().map(o -> Boolean.toString(!o.inDistribution())).orElse(""));
                        out.add(e.outOfDistribution().map(o -> {
                            List<String> what = new ArrayList<>(o.outOfRangeInputs());
                            if (o.unusualCombination()) {
                                what.add("combination");
                            }
                            return String.join(LIST_SEPARATOR, what);
                        }).orElse(""));
                    }
                }
                printer.printRecord(out);
            }
            printer.flush();
            return new Summary(rows, applicable, notApplicable, errors);
        }
    }

    /**
     * Parses cells with {@link ModelInputs#parse}, one input at a time (which is how it parses anyway), and
     * remembers the result per column and cell text: a column of yes/no or ages has few distinct values,
     * so most cells are parsed once. At most {@value #CACHE_LIMIT} texts per column are kept.
     */
    static final class CellCache {
        static final int CACHE_LIMIT = 4096;
        /** What a cell text parsed to: a value, nothing (blank), or an error message. */
        private record Cell(Object value, String error) { }

        private final List<InputSpec> specs;
        private final List<Map<String, Cell>> byColumn = new ArrayList<>();

        CellCache(List<InputSpec> specs) {
            this.specs = specs;
            for (int i = 0; i < specs.size(); i++) {
                byColumn.add(new HashMap<>());
            }
        }

        void parse(int input, String text, Map<String, Object> typed, List<String> errors) {
            Map<String, Cell> cache = byColumn.get(input);
            Cell cell = cache.get(text);
            if (cell == null) {
                InputSpec spec = specs.get(input);
                ModelInputs.Parsed parsed = ModelInputs.parse(List.of(spec), Map.of(spec.name(), text));
                cell = new Cell(parsed.inputs().asMap().get(spec.name()),
                        parsed.errors().isEmpty() ? null : parsed.errors().getFirst());
                if (cache.size() < CACHE_LIMIT) {
                    cache.put(text, cell);
                }
            }
            if (cell.error() != null) {
                errors.add(cell.error());
            } else if (cell.value() != null) {
                typed.put(specs.get(input).name(), cell.value());
            }
        }

        /** Errors in the order of the model's inputs, as {@link ModelInputs#parse} gives them. */
        void sortByInputOrder(List<String> errors) {
            errors.sort(java.util.Comparator.comparingInt(e -> {
                for (int i = 0; i < specs.size(); i++) {
                    if (e.startsWith(specs.get(i).name() + ": ")) {
                        return i;
                    }
                }
                return specs.size();
            }));
        }
    }

    /** A CSV syntax error (an unclosed quote) ends the run: what follows can't be trusted to line up. */
    private static CSVRecord nextRecord(java.util.Iterator<CSVRecord> records, long rowsSoFar) {
        try {
            return records.next();
        } catch (java.io.UncheckedIOException e) {
            throw new CalcFailure(ExitCode.FAILED, "malformed CSV after data row " + rowsSoFar + ": "
                    + e.getCause().getMessage());
        }
    }

    /** For each column, the index of the input it holds, or -1 for a kept column. */
    private int[] checkHeader(List<String> header) {
        List<String> names = model.inputs().stream().map(InputSpec::name).toList();
        int[] index = new int[header.size()];
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                throw new CalcFailure(ExitCode.FAILED, "column " + (i + 1) + " of the CSV header has no name");
            }
            if (!seen.add(name)) {
                throw new CalcFailure(ExitCode.FAILED, "the CSV header names '" + name + "' twice");
            }
            if (RESULT_COLUMNS.contains(name)) {
                throw new CalcFailure(ExitCode.FAILED, "the CSV already has a column '" + name
                        + "', which the output adds (" + String.join(", ", RESULT_COLUMNS) + ")");
            }
            index[i] = names.indexOf(name);
            if (index[i] < 0 && !kept.contains(name)) {
                unknown.add(name);
            }
        }
        check.unknown(unknown).ifPresent(message -> {
            throw new CalcFailure(ExitCode.FAILED, "CSV header: " + message
                    + "; pass other columns through with --keep-column NAME");
        });
        return index;
    }

    /** Spreadsheet programs start UTF-8 files with a byte order mark; it is not part of the first name. */
    private static Reader withoutBom(Reader in) throws IOException {
        PushbackReader r = new PushbackReader(in, 1);
        int first = r.read();
        if (first != -1 && first != '\uFEFF') {
            r.unread(first);
        }
        return r;
    }
}
