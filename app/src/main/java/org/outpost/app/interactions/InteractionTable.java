package org.outpost.app.interactions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.Severity;

/**
 * The drug–drug interaction check: which pairs of drugs interact, how badly, and what to do, for the drugs Outpost
 * handles.
 *
 * <p>The interactions are <b>data</b>, not code: a versioned tab-separated table that a pharmacist reads and
 * updates ({@code interactions.tsv} beside this class; {@link #load(Path)} reads another copy, e.g.
 * {@value #FILE_NAME} in a signed update bundle, see {@code ClinicalContent}). Its layout:
 * <ol>
 *   <li>a header block of {@code # key: value} lines, at least {@code version}, {@code date} (ISO yyyy-mm-dd) and
 *       {@code reviewed-by}; other {@code #} lines are comments, anywhere in the file;</li>
 *   <li>the header row {@code object precipitants group severity contraindicated mechanism effect advice
 *       cap_amount cap_unit cap_frequency source};</li>
 *   <li>one row per interacting pair: the object drug (whose exposure or effect changes) as
 *       {@code generic (other name; other name)}; the precipitant drugs as a comma-separated list of such entries
 *       (other names: international spellings, brands, combination products holding the drug); what the
 *       precipitants have in common; severity {@code LOW}, {@code MODERATE} or {@code HIGH}; contraindicated
 *       {@code yes} or {@code no} ({@code yes} only with {@code HIGH}); the mechanism, effect and advice; optionally
 *       a dose cap of the object drug (amount, a mass unit, and {@code daily} or {@code weekly}: a total over that
 *       span); the source (label name and section, or the published list).</li>
 * </ol>
 * Names are lower case. A pair of generics is given in one row only, in either order, and no drug is on both
 * sides of a row; an other name is never itself a generic of the table; each generic is spelt one way. A file
 * that breaks any of this is refused whole with an {@link InteractionTableException} naming the file and line.
 *
 * <p>Lookup is symmetric: ordering either drug of a pair while the other is on the chart finds the row. A name is
 * found in an order or a chart entry as whole words ({@code Prilosec 20 mg} names omeprazole; {@code esomeprazole}
 * does not name omeprazole), and the other names of a generic count in every row that names the generic. The
 * route is not known from a name: a topical product matches as well, and the prescriber judges it.
 *
 * <p>Instances are immutable and safe to share between threads. Sources are cited per row; this class holds no
 * clinical facts of its own.
 */
public final class InteractionTable {
    /** The bundled table, a resource beside this class, and the name an updated copy has in the data directory. */
    public static final String FILE_NAME = "interactions.tsv";
    /** The header row, in order. */
    public static final List<String> COLUMNS = InteractionTableReader.COLUMNS;

    private final String file;
    private final Map<String, String> header;
    private final LocalDate date;
    private final List<InteractionRule> rules;
    private final Map<String, List<String>> otherNames;
    /** Normalised name (generic or other) to the generics it stands for. */
    private final Map<String, Set<String>> genericsByName;
    /** Generic to the rows naming it on either side, in file order. */
    private final Map<String, List<InteractionRule>> rulesByGeneric;
    private final int longestName;

    private InteractionTable(String file, InteractionTableReader.Contents contents) {
        this.file = file;
        this.header = Collections.unmodifiableMap(new LinkedHashMap<>(contents.header()));
        this.date = contents.date();
        this.rules = contents.rules();
        Map<String, List<String>> others = new LinkedHashMap<>();
        Map<String, Set<String>> byName = new HashMap<>();
        int longest = 1;
        for (Map.Entry<String, Set<String>> e : contents.otherNames().entrySet()) {
            String generic = e.getKey();
            others.put(generic, List.copyOf(e.getValue()));
            List<String> all = new ArrayList<>(e.getValue());
            all.add(generic);
            for (String name : all) {
                String key = DrugText.normalise(name);
                byName.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(generic);
                longest = Math.max(longest, DrugText.wordCount(key));
            }
        }
        Map<String, List<InteractionRule>> byGeneric = new HashMap<>();
        for (InteractionRule r : rules) {
            byGeneric.computeIfAbsent(r.object(), g -> new ArrayList<>()).add(r);
            r.precipitants().forEach(p -> byGeneric.computeIfAbsent(p, g -> new ArrayList<>()).add(r));
        }
        byName.replaceAll((k, v) -> Set.copyOf(v));
        byGeneric.replaceAll((k, v) -> List.copyOf(v));
        this.otherNames = Collections.unmodifiableMap(others);
        this.genericsByName = Map.copyOf(byName);
        this.rulesByGeneric = Map.copyOf(byGeneric);
        this.longestName = longest;
    }

    /** Lazily loaded once: immutable, so sharing it is safe. */
    private static final class Bundled {
        static final InteractionTable TABLE = readBundled();

        private static InteractionTable readBundled() {
            try (InputStream in = InteractionTable.class.getResourceAsStream(FILE_NAME)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled interaction table " + FILE_NAME + " is missing");
                }
                return parse(FILE_NAME + " (bundled)",
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("The bundled interaction table cannot be read", e);
            }
        }
    }

    /** The table shipped with Outpost. */
    public static InteractionTable bundled() {
        return Bundled.TABLE;
    }

    /**
     * Reads a table file (UTF-8), e.g. a pharmacist's updated copy.
     *
     * @throws InteractionTableException when the file breaks a rule of the layout
     * @throws IOException               when the file cannot be read
     */
    public static InteractionTable load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), in);
        }
    }

    static InteractionTable parse(String file, BufferedReader in) throws IOException {
        return new InteractionTable(file, InteractionTableReader.read(file, in));
    }

    /** The table's version, from its {@code # version:} line. */
    public String version() {
        return header.get("version");
    }

    /** The date the table was last changed, from its {@code # date:} line. */
    public LocalDate date() {
        return date;
    }

    /** Who reviewed the table, from its {@code # reviewed-by:} line. */
    public String reviewedBy() {
        return header.get("reviewed-by");
    }

    /** The table's title ({@code # table:} line), or a default. */
    public String title() {
        return header.getOrDefault("table", "Drug-drug interactions");
    }

    /** Every {@code # key: value} line of the header block, in file order. */
    public Map<String, String> header() {
        return header;
    }

    /** The file the table was read from, as named when loading. */
    public String file() {
        return file;
    }

    /** The table as a model reference, to store with each finding so it can be traced to this exact table. */
    public ModelRef ref() {
        return new ModelRef("drug-interactions", version(), "Drug-drug interaction check",
                title() + " " + version() + ", " + date() + ", reviewed by: " + reviewedBy()
                        + "; each interaction cites its label or published list");
    }

    /** The rows, in file order. */
    public List<InteractionRule> rules() {
        return rules;
    }

    /** Every generic the table names, sorted. */
    public SortedSet<String> drugs() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(rulesByGeneric.keySet()));
    }

    /** The other names the table gives a generic (spellings, brands, combination products); empty if none. */
    public List<String> otherNames(String generic) {
        return otherNames.getOrDefault(generic, List.of());
    }

    /** Whether {@code drug} (a name as an order or chart writes it) names any drug of the table. */
    public boolean covers(String drug) {
        return !genericsIn(drug).isEmpty();
    }

    /**
     * The interactions between the drug being ordered and the drugs on the chart.
     *
     * @param orderedDrug the drug as the order names it (generic or brand, strength words are ignored)
     * @param activeNames the chart's active medications as written, lower case, and each of their words (as the
     *                    prescribing check's {@code activeNames} makes them); any text naming a drug will do
     * @return one finding per matching row: contraindicated first, then by severity, then in table order; empty
     *         when the ordered drug interacts with nothing on the chart
     */
    public List<InteractionFinding> check(String orderedDrug, Collection<String> activeNames) {
        Objects.requireNonNull(activeNames, "activeNames");
        Set<String> ordered = orderedDrug == null ? Set.of() : genericsIn(orderedDrug);
        if (ordered.isEmpty()) {
            return List.of();
        }
        Set<String> active = new LinkedHashSet<>();
        for (String name : activeNames) {
            if (name != null) {
                active.addAll(genericsIn(name));
            }
        }
        Set<InteractionRule> candidates = new TreeSet<>(Comparator.comparingInt(InteractionRule::line));
        ordered.forEach(g -> candidates.addAll(rulesByGeneric.getOrDefault(g, List.of())));
        List<InteractionFinding> found = new ArrayList<>();
        for (InteractionRule r : candidates) {
            List<String> hits = r.precipitants().stream().filter(active::contains).toList();
            if (ordered.contains(r.object()) && !hits.isEmpty()) {
                found.add(new InteractionFinding(r.object(), String.join("/", hits), true, r, version()));
                continue;
            }
            List<String> orderedHits = r.precipitants().stream().filter(ordered::contains).toList();
            if (!orderedHits.isEmpty() && active.contains(r.object())) {
                found.add(new InteractionFinding(String.join("/", orderedHits), r.object(), false, r, version()));
            }
        }
        found.sort(Comparator.comparing(InteractionFinding::contraindicated).reversed()
                .thenComparing(InteractionFinding::severity, Comparator.comparingInt(Severity::ordinal).reversed())
                .thenComparingInt(f -> f.rule().line()));
        return List.copyOf(found);
    }

    /** The generics a text names, as whole words (generic or other name). */
    private Set<String> genericsIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String phrase : DrugText.phrases(text, longestName)) {
            Set<String> g = genericsByName.get(phrase);
            if (g != null) {
                out.addAll(g);
            }
        }
        return out;
    }
}
