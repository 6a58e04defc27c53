package org.outpost.app.medicines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.outpost.app.model.ModelRef;

/**
 * Medicines by class: each medicine's WHO ATC codes, the brand names and synonyms charts write it by, and its
 * therapeutic classes ({@code p2y12-inhibitor}, {@code anticoagulant}, {@code statin}, ...), so a check or model
 * asks "is the patient on an antiplatelet?" instead of keeping its own list of names.
 *
 * <p>The table is <b>data</b>: {@code drug-classes.tsv} beside this class ({@link #load(Path)} reads another
 * copy), in two sections:
 * <ol>
 *   <li>a header block of {@code # key: value} lines, at least {@code version}, {@code date} (yyyy-mm-dd),
 *       {@code reviewed-by} and {@code atc-index} (the WHO ATC/DDD Index edition the codes follow); other
 *       {@code #} lines are comments, anywhere;</li>
 *   <li>the classes, under the header row {@code class within duplicate label advice source}: each class, the
 *       wider class it is within (declared above it), its duplicate-therapy severity ({@code LOW},
 *       {@code MODERATE}, {@code HIGH}, or blank when two of its medicines are not a duplicate), its plural label,
 *       the advice and the source. The reserved class {@value TherapeuticClass#SAME_DRUG} rates an order of a
 *       medicine already on the list;</li>
 *   <li>the medicines, under the header row {@code drug atc names classes}: lower-case generic name, ATC codes,
 *       brand names and synonyms, classes (each list comma-separated).</li>
 * </ol>
 * A file that breaks this — an undeclared class, an ATC code not written as the index writes it, a name given to
 * two medicines — is refused whole with a {@link DrugClassFileException} naming the file and line.
 *
 * <p>Chart text is matched word by word ({@link #find(String)}), so "Clopidogrel 75 mg tablet" and "PLAVIX" both
 * name clopidogrel. Instances are immutable and safe to share between threads.
 */
public final class DrugClasses {
    /** The bundled table, a resource beside this class. */
    static final String RESOURCE = "drug-classes.tsv";

    private final String file;
    private final Map<String, String> header;
    private final LocalDate date;
    private final List<TherapeuticClass> classes;
    private final Map<String, TherapeuticClass> byClass;
    private final List<DrugEntry> drugs;
    private final Map<String, DrugEntry> byGeneric;
    private final Map<String, SortedSet<String>> genericsByClass;
    private final NameIndex names;

    DrugClasses(String file, Map<String, String> header, LocalDate date, List<TherapeuticClass> classes,
                List<DrugEntry> drugs) {
        this.file = file;
        this.header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        this.date = date;
        this.classes = List.copyOf(classes);
        Map<String, TherapeuticClass> cls = new HashMap<>();
        classes.forEach(c -> cls.put(c.name(), c));
        this.byClass = Map.copyOf(cls);
        this.drugs = List.copyOf(drugs);
        Map<String, DrugEntry> generic = new HashMap<>();
        Map<String, SortedSet<String>> members = new HashMap<>();
        Map<List<String>, DrugEntry> phrases = new HashMap<>();
        for (DrugEntry d : drugs) {
            generic.put(d.generic(), d);
            d.classes().forEach(c -> members.computeIfAbsent(c, k -> new TreeSet<>()).add(d.generic()));
            phrases.put(NameIndex.words(d.generic()), d);
            d.names().forEach(n -> phrases.put(NameIndex.words(n), d));
        }
        this.byGeneric = Map.copyOf(generic);
        Map<String, SortedSet<String>> frozen = new HashMap<>();
        members.forEach((c, g) -> frozen.put(c, Collections.unmodifiableSortedSet(g)));
        this.genericsByClass = Map.copyOf(frozen);
        this.names = new NameIndex(phrases);
    }

    /** Lazily loaded once: immutable, so sharing it is safe. */
    private static final class Bundled {
        static final DrugClasses TABLE = readBundled();

        private static DrugClasses readBundled() {
            try (InputStream in = DrugClasses.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled medicines-by-class table " + RESOURCE + " is missing");
                }
                return DrugClassFile.parse(RESOURCE + " (bundled)",
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("The bundled medicines-by-class table cannot be read", e);
            }
        }
    }

    /** The table shipped with Outpost. */
    public static DrugClasses bundled() {
        return Bundled.TABLE;
    }

    /**
     * Reads a table file (UTF-8), e.g. a pharmacist's updated copy.
     *
     * @throws DrugClassFileException when a line is malformed or the table contradicts itself
     * @throws IOException            when the file cannot be read
     */
    public static DrugClasses load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return DrugClassFile.parse(file.toString(), in);
        }
    }

    // ------------------------------------------------------------------------------------------ the medicines

    /**
     * The medicine chart text names: a generic name ("clopidogrel"), a brand or synonym ("Plavix", "rifampin"),
     * or a chart entry with strength and form ("Clopidogrel 75 mg tablet"). Case, punctuation and the words
     * around the name do not matter; the name must be whole words.
     *
     * @return the first medicine the text names (see {@link #findAll(String)} for a combination); empty when it
     *         names none the table knows, or is null
     */
    public Optional<DrugEntry> find(String nameAsWritten) {
        List<DrugEntry> all = findAll(nameAsWritten);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    /** Every medicine chart text names, in the order it names them (e.g. both of "aspirin/clopidogrel"). */
    public List<DrugEntry> findAll(String nameAsWritten) {
        return names.find(nameAsWritten);
    }

    /** The medicine with this generic name (case and surrounding spaces ignored); no brand or free text. */
    public Optional<DrugEntry> entry(String generic) {
        return generic == null ? Optional.empty() : Optional.ofNullable(byGeneric.get(key(generic)));
    }

    /**
     * The classes of the medicine with this generic name, each followed by the classes it is within; empty when
     * the table does not list it. For chart text use {@code find(text).map(DrugEntry::classes)}.
     */
    public Set<String> classesOf(String generic) {
        return entry(generic).map(DrugEntry::classes).orElse(Set.of());
    }

    /** The generic names of the medicines in {@code therapeuticClass} (directly or through a narrower class), sorted. */
    public SortedSet<String> genericsInClass(String therapeuticClass) {
        SortedSet<String> g = therapeuticClass == null ? null : genericsByClass.get(key(therapeuticClass));
        return g == null ? Collections.emptySortedSet() : g;
    }

    /** The WHO ATC codes of the medicine with this generic name, the main one first; empty when not listed. */
    public List<String> atc(String generic) {
        return entry(generic).map(DrugEntry::atc).orElse(List.of());
    }

    /**
     * The medicines among chart entries that are in {@code therapeuticClass}, in chart order, each once — e.g.
     * the antiplatelets a bleeding score counts.
     */
    public List<DrugEntry> inClass(Collection<String> namesAsWritten, String therapeuticClass) {
        String cls = therapeuticClass == null ? "" : key(therapeuticClass);
        return namesAsWritten.stream().flatMap(n -> findAll(n).stream()).filter(d -> d.in(cls)).distinct().toList();
    }

    /** Every medicine, in table order. */
    public List<DrugEntry> drugs() {
        return drugs;
    }

    // --------------------------------------------------------------------------------------------- the classes

    /** The class of this name, if the table declares it. */
    public Optional<TherapeuticClass> therapeuticClass(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byClass.get(key(name)));
    }

    /** Every class, in table order (the reserved {@value TherapeuticClass#SAME_DRUG} included). */
    public List<TherapeuticClass> classes() {
        return classes;
    }

    /** The rule for an order of a medicine already on the list (the reserved class {@value TherapeuticClass#SAME_DRUG}). */
    public TherapeuticClass sameDrug() {
        return byClass.get(TherapeuticClass.SAME_DRUG);
    }

    // ------------------------------------------------------------------------------------------- the table

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

    /** The WHO ATC/DDD Index edition the codes follow, from its {@code # atc-index:} line. */
    public String atcIndex() {
        return header.get("atc-index");
    }

    /** The table's title ({@code # table:} line), or a default. */
    public String title() {
        return header.getOrDefault("table", "Medicines by class");
    }

    /** Every {@code # key: value} line of the header block, in file order. */
    public Map<String, String> header() {
        return header;
    }

    /** The file the table was read from, as named when loading. */
    public String file() {
        return file;
    }

    /** The table as a model reference, stored with each finding so it can be traced to this exact table. */
    public ModelRef ref() {
        return new ModelRef("drug-classes", version(), "Medicines by class and duplicate therapy",
                title() + " " + version() + ", " + date() + ", reviewed by: " + reviewedBy() + "; ATC codes: "
                        + atcIndex() + "; each class cites its guideline, label or ATC group");
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
