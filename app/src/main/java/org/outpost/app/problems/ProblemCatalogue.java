package org.outpost.app.problems;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.outpost.app.domain.ClinicalProblem;
import org.outpost.app.domain.CodeSystem;
import org.outpost.app.domain.ConditionCode;
import org.outpost.app.model.ModelRef;
import org.outpost.app.table.TableFile;

/**
 * The codes the problem list offers and what each means to the models. Reads {@code problem-codes.tsv} (the
 * format is described in its header): a row gives the concepts (blank for none), the system, the code and the
 * term. A SNOMED CT code matches only itself; an ICD-10 code matches itself and every code under it (I48 covers
 * I48.0–I48.9). A file that names an unknown concept or system, a malformed code or the same code twice is
 * refused whole, naming the line. Immutable and safe to share.
 */
public final class ProblemCatalogue {
    static final String RESOURCE = "problem-codes.tsv";
    private static final List<String> COLUMNS = List.of("concepts", "system", "code", "term");
    /** Most terms a search returns: a picker shows a short list. */
    public static final int MAX_RESULTS = 30;

    private final String version;
    private final LocalDate date;
    private final String reviewedBy;
    private final List<ProblemTerm> terms;
    private final Map<String, ProblemTerm> byKey;

    private ProblemCatalogue(String version, LocalDate date, String reviewedBy, List<ProblemTerm> terms) {
        this.version = version;
        this.date = date;
        this.reviewedBy = reviewedBy;
        this.terms = List.copyOf(terms);
        Map<String, ProblemTerm> keyed = new LinkedHashMap<>();
        terms.forEach(t -> keyed.put(key(t.code().system(), t.code().code()), t));
        this.byKey = Map.copyOf(keyed);
    }

    private static final class Bundled {
        static final ProblemCatalogue TABLE = readBundled();

        private static ProblemCatalogue readBundled() {
            try (InputStream in = ProblemCatalogue.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled problem catalogue " + RESOURCE + " is missing");
                }
                return parse(RESOURCE + " (bundled)", new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("The bundled problem catalogue cannot be read", e);
            }
        }
    }

    /** The catalogue shipped with Outpost. */
    public static ProblemCatalogue bundled() {
        return Bundled.TABLE;
    }

    /**
     * Reads a catalogue.
     *
     * @throws ProblemCatalogueException when the file breaks the format
     */
    public static ProblemCatalogue parse(String file, Reader in) throws IOException {
        TableFile table = TableFile.parse(file, new BufferedReader(in), TableFile.HeaderKeys.NAME,
                ProblemCatalogueException::new);
        table.expectColumns(COLUMNS);
        String version = table.required("version");
        LocalDate date = table.date("date");
        String reviewedBy = table.required("reviewed-by");
        List<ProblemTerm> terms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TableFile.Row row : table.rows()) {
            List<String> cells = table.cells(row, COLUMNS, TableFile.Width.EXACT);
            Set<ClinicalProblem> concepts = concepts(table, row, cells.get(0));
            CodeSystem system;
            try {
                system = CodeSystem.valueOf(cells.get(1));
            } catch (IllegalArgumentException e) {
                throw table.error(row, "system '" + cells.get(1) + "' is not one of " + Arrays.toString(CodeSystem.values()));
            }
            ConditionCode code;
            try {
                code = new ConditionCode(system, cells.get(2), cells.get(3));
            } catch (IllegalArgumentException e) {
                throw table.error(row, e.getMessage());
            }
            if (!code.code().equals(cells.get(2))) {
                throw table.error(row, "code '" + cells.get(2) + "' must be written as " + code.code());
            }
            if (!seen.add(key(system, code.code()))) {
                throw table.error(row, system.label() + " code " + code.code() + " is listed twice");
            }
            terms.add(new ProblemTerm(code, concepts));
        }
        if (terms.isEmpty()) {
            throw table.error(Math.max(table.lastLine(), 1), "the catalogue lists no codes");
        }
        return new ProblemCatalogue(version, date, reviewedBy, terms);
    }

    private static Set<ClinicalProblem> concepts(TableFile table, TableFile.Row row, String cell) {
        Set<ClinicalProblem> out = EnumSet.noneOf(ClinicalProblem.class);
        if (cell.isBlank()) {
            return out;
        }
        for (String name : cell.split(",")) {
            String constant = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                out.add(ClinicalProblem.valueOf(constant));
            } catch (IllegalArgumentException e) {
                throw table.error(row, "concept '" + name.strip() + "' is not a problem the models know");
            }
        }
        return out;
    }

    /**
     * What a recorded code means to the models: its own row, or for ICD-10 the nearest listed category above it
     * (I48.1 → I48); empty for a code the catalogue does not map.
     */
    public Set<ClinicalProblem> conceptsOf(ConditionCode code) {
        Objects.requireNonNull(code, "code");
        String c = code.code();
        if (code.system() == CodeSystem.SNOMED_CT) {
            ProblemTerm t = byKey.get(key(code.system(), c));
            return t == null ? Set.of() : t.concepts();
        }
        for (String candidate = c; !candidate.isEmpty(); candidate = parent(candidate)) {
            ProblemTerm t = byKey.get(key(code.system(), candidate));
            if (t != null && !t.concepts().isEmpty()) {
                return t.concepts();
            }
        }
        return Set.of();
    }

    /**
     * Terms for a picker: each word typed must start a word of the term ("atr fib" finds "Atrial fibrillation"),
     * or the text is the start of a code ("I48", "4943"). Terms the models read come first, then alphabetical;
     * at most {@value #MAX_RESULTS}. Blank text finds nothing.
     */
    public List<ProblemTerm> search(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String typed = text.strip().toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(typed.split("[^\\p{L}\\p{N}.]+")).filter(w -> !w.isEmpty()).toList();
        return terms.stream()
                .filter(t -> t.code().code().toLowerCase(Locale.ROOT).startsWith(typed) || matchesWords(t, words))
                .sorted(java.util.Comparator.comparing((ProblemTerm t) -> t.concepts().isEmpty())
                        .thenComparing(t -> t.code().display().toLowerCase(Locale.ROOT))
                        .thenComparing(t -> t.code().system()))
                .limit(MAX_RESULTS).toList();
    }

    private static boolean matchesWords(ProblemTerm t, List<String> typed) {
        if (typed.isEmpty()) {
            return false;
        }
        List<String> termWords = Arrays.asList(t.code().display().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
        return typed.stream().allMatch(w -> termWords.stream().anyMatch(tw -> tw.startsWith(w)));
    }

    /** Every listed term, in file order. */
    public List<ProblemTerm> terms() {
        return terms;
    }

    public String version() {
        return version;
    }

    public LocalDate date() {
        return date;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    /** How decisions and the content screen name this table. */
    public ModelRef ref() {
        return new ModelRef("problem-catalogue", version, "Problem catalogue (SNOMED CT and ICD-10 to model concepts)",
                "Outpost problem catalogue " + version + ", " + date + ", reviewed by: " + reviewedBy
                        + "; SNOMED CT International Edition; WHO ICD-10 2019");
    }

    private static String parent(String icd) {
        int dot = icd.indexOf('.');
        if (dot < 0) {
            return "";
        }
        String rest = icd.substring(0, icd.length() - 1);
        return rest.endsWith(".") ? rest.substring(0, rest.length() - 1) : rest;
    }

    private static String key(CodeSystem system, String code) {
        return system.name() + "|" + code;
    }
}
