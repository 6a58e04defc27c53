package org.outpost.app.prescribing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outpost.app.domain.AllergyEntry;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.medicines.DrugClasses;
import org.outpost.app.medicines.DrugEntry;
import org.outpost.app.medicines.TherapeuticClass;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.Severity;
import org.outpost.app.table.TableFile;
import org.outpost.app.table.TableFile.HeaderKeys;
import org.outpost.app.text.Text;

/**
 * An order checked against the patient's recorded allergies:
 * <ul>
 *   <li><b>the same medicine</b> as an allergy (by generic, brand or synonym: "Amoxil" is amoxicillin), or a
 *       medicine of a class the allergy names ("penicillin", "sulfa", "NSAIDs"): {@link Severity#HIGH}, a reason
 *       is needed;</li>
 *   <li><b>a cross-reactive class</b>, from the cited table {@code allergy-cross-reactivity.tsv} beside this
 *       class: another penicillin after a penicillin allergy (HIGH: an allergy to one penicillin is an allergy to
 *       all, BNF penicillins treatment summary); a cephalosporin after a penicillin allergy and the reverse, or
 *       another cephalosporin (MODERATE: low cross-reactivity, mostly by side chain — Khan DA et al., Drug allergy:
 *       a 2022 practice parameter update, J Allergy Clin Immunol 2022;150:1333-1393); another NSAID after an NSAID
 *       or aspirin allergy and aspirin after an NSAID allergy (MODERATE: cross-reactive NSAID hypersensitivity by
 *       COX-1 inhibition — Kowalski ML et al., EAACI/ENDA position paper, Allergy 2013;68:1219-1232);</li>
 *   <li><b>allergies not recorded</b>: a {@link Severity#LOW} prompt to ask and record them, which names that the
 *       order could not be checked. LOW (information, no reason asked, the order not sent to the pharmacist)
 *       because a reason cannot answer it — recording the allergies does — and because every patient whose
 *       allergies were never asked (every blank record from before the three states) would otherwise need an
 *       override reason on every order, the alert fatigue that teaches prescribers to click through.</li>
 * </ul>
 * Deliberately not cross-reactive: sulfonamide antibiotics and the non-antibiotic sulfonamides (Strom BL et al.,
 * N Engl J Med 2003;349:1628-1635). Classes and medicines are those of {@link DrugClasses}; an allergy to
 * something no table knows ("latex") is matched only by its exact words against the drug ordered. The table rows
 * were written from memory of the cited sources and are marked unreviewed in the file's header. Immutable.
 */
public final class AllergyCheck {
    /** The model id alerts carry. */
    public static final String MODEL_ID = "allergies";
    static final String RESOURCE = "allergy-cross-reactivity.tsv";
    private static final Pattern WORD = Pattern.compile("\\p{L}+|\\p{N}+");

    /** One cross-reactivity row: an allergy to {@code allergy} (class or generic) makes {@code ordered} risky. */
    record Cross(String allergy, String ordered, Severity severity, String advice, String source) {
    }

    private final DrugClasses classes;
    private final Map<String, List<List<String>>> classWords;
    private final List<Cross> cross;
    private final ModelRef ref;

    private AllergyCheck(DrugClasses classes, Map<String, List<List<String>>> classWords, List<Cross> cross,
                         Map<String, String> header) {
        this.classes = classes;
        this.classWords = classWords;
        this.cross = List.copyOf(cross);
        String version = header.getOrDefault("version", "");
        this.ref = new ModelRef(MODEL_ID, version, "Allergy check", header.getOrDefault("table", "Allergy cross-reactivity")
                + " " + version + ", " + header.getOrDefault("date", "") + ", reviewed by: "
                + header.getOrDefault("reviewed-by", "") + "; classes: " + classes.title() + " " + classes.version());
    }

    /** The bundled cross-reactivity table over {@code classes}. */
    public static AllergyCheck bundled(DrugClasses classes) {
        try (InputStream in = AllergyCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled allergy table " + RESOURCE + " is missing");
            }
            return parse(RESOURCE + " (bundled)", new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                    classes);
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled allergy table cannot be read", e);
        }
    }

    /**
     * Reads a table; every class and medicine it names must be known to {@code classes}. The layout every bundled
     * table shares (header block, comments, blank lines, tabs) is read by {@link TableFile}; rows are of two kinds,
     * each with its own number of cells.
     *
     * @throws AllergyTableException naming the file and line of the first problem
     */
    static AllergyCheck parse(String file, BufferedReader in, DrugClasses classes) throws IOException {
        TableFile table = TableFile.parse(file, in, HeaderKeys.NAME, AllergyTableException::new);
        if (!table.hasColumnRow() || !table.columns().getFirst().equals("kind")) {
            int line = table.hasColumnRow() ? table.columnLine() : Math.max(table.lastLine(), 1);
            throw new AllergyTableException(file, line, "expected the header row 'kind allergy ordered severity "
                    + "advice source'");
        }
        Map<String, List<List<String>>> words = new LinkedHashMap<>();
        List<Cross> rows = new ArrayList<>();
        for (TableFile.Row row : table.rows()) {
            int n = row.line();
            String[] f = row.cells().toArray(String[]::new);
            switch (f[0]) {
                case "names" -> {
                    if (f.length != 3) {
                        throw new AllergyTableException(file, n, "a names row has 3 columns: names, class, words");
                    }
                    String cls = f[1];
                    if (classes.therapeuticClass(cls).isEmpty()) {
                        throw new AllergyTableException(file, n, "class '" + cls + "' is not in " + classes.file());
                    }
                    for (String w : f[2].split(",")) {
                        List<String> phrase = words(w);
                        if (phrase.isEmpty()) {
                            throw new AllergyTableException(file, n, "an empty name for class '" + cls + "'");
                        }
                        words.computeIfAbsent(cls, k -> new ArrayList<>()).add(phrase);
                    }
                }
                case "cross" -> {
                    if (f.length != 6) {
                        throw new AllergyTableException(file, n, "a cross row has 6 columns: cross, allergy, ordered, "
                                + "severity, advice, source");
                    }
                    Severity severity;
                    try {
                        severity = Severity.valueOf(f[3]);
                    } catch (IllegalArgumentException e) {
                        throw new AllergyTableException(file, n, "severity '" + f[3] + "' is not LOW, MODERATE or HIGH");
                    }
                    for (String key : List.of(f[1], f[2])) {
                        if (classes.therapeuticClass(key).isEmpty() && classes.entry(key).isEmpty()) {
                            throw new AllergyTableException(file, n, "'" + key + "' is neither a class nor a medicine of "
                                    + classes.file());
                        }
                    }
                    if (f[4].isEmpty() || f[5].isEmpty()) {
                        throw new AllergyTableException(file, n, "advice and source are required");
                    }
                    rows.add(new Cross(f[1], f[2], severity, f[4], f[5]));
                }
                default -> throw new AllergyTableException(file, n, "a row starts with 'names' or 'cross', not '"
                        + f[0] + "'");
            }
        }
        if (!table.header().containsKey("version")) {
            throw new AllergyTableException(file, 0, "the header has no '# version:' line");
        }
        if (table.rows().isEmpty()) {
            throw new AllergyTableException(file, Math.max(table.lastLine(), 1), "the table has no rows");
        }
        return new AllergyCheck(classes, words, rows, table.header());
    }

    /** The table as a model reference, stored with each alert. */
    public ModelRef ref() {
        return ref;
    }

    /**
     * The alerts for ordering {@code drug} (lower-case generic name or chart text), one per allergy entry that
     * matches, in list order.
     *
     * @param promptIfNotRecorded whether allergies that were never recorded raise the LOW prompt (an order: yes;
     *                            the medication review, which would repeat it on every medicine: no)
     */
    public List<OrderAlert> check(AllergyStatus status, String drug, boolean promptIfNotRecorded) {
        Objects.requireNonNull(status, "status");
        String ordered = drug.strip().toLowerCase(Locale.ROOT);
        return switch (status) {
            case AllergyStatus.NotRecorded n -> promptIfNotRecorded ? List.of(OrderAlert.keyed(ref.id(), ref.version(),
                    ref.source(), Severity.LOW, Text.of("alert.allergy.notRecorded"),
                    Text.of("alert.allergy.notRecordedText"), "", Optional.empty(), false,
                    PrescribingCheck.fingerprint(ref.id(), ref.version(), ordered, "not recorded"))) : List.of();
            case AllergyStatus.NoKnownAllergies n -> List.of();
            case AllergyStatus.Listed l -> l.entries().stream().map(e -> finding(e, ordered)).flatMap(Optional::stream)
                    .toList();
        };
    }

    private Optional<OrderAlert> finding(AllergyEntry allergy, String ordered) {
        Optional<DrugEntry> orderedEntry = classes.find(ordered);
        String generic = orderedEntry.map(DrugEntry::generic).orElse(ordered);
        Set<String> orderedKeys = new LinkedHashSet<>();
        orderedKeys.add(generic);
        orderedEntry.ifPresent(d -> orderedKeys.addAll(d.classes()));

        List<DrugEntry> allergenDrugs = classes.findAll(allergy.substance());
        List<String> substanceWords = words(allergy.substance());
        Set<String> namedClasses = new LinkedHashSet<>();
        classWords.forEach((cls, phrases) -> {
            if (phrases.stream().anyMatch(p -> containsPhrase(substanceWords, p))) {
                namedClasses.add(cls);
            }
        });
        Text recorded = describe(allergy);
        if (allergenDrugs.stream().anyMatch(d -> d.generic().equals(generic)) || substanceWords.equals(words(ordered))) {
            return Optional.of(alert(allergy, generic, Severity.HIGH, Text.of("alert.allergy", allergy.substance()),
                    Text.of("alert.allergy.same", allergy.substance(), recorded, generic),
                    "The patient's allergy list", "same"));
        }
        Optional<String> namedClass = namedClasses.stream().filter(orderedKeys::contains).findFirst();
        if (namedClass.isPresent()) {
            TherapeuticClass cls = classes.therapeuticClass(namedClass.get()).orElseThrow();
            return Optional.of(alert(allergy, generic, Severity.HIGH, Text.of("alert.allergy", allergy.substance()),
                    Text.of("alert.allergy.class", allergy.substance(), recorded, generic, cls.label()),
                    "The patient's allergy list; " + cls.label() + ": " + cls.source(), "class " + cls.name()));
        }
        Set<String> allergenKeys = new LinkedHashSet<>(namedClasses);
        allergenDrugs.forEach(d -> {
            allergenKeys.add(d.generic());
            allergenKeys.addAll(d.classes());
        });
        Optional<Cross> row = cross.stream().filter(c -> allergenKeys.contains(c.allergy())
                && orderedKeys.contains(c.ordered())).max(Comparator.comparing(Cross::severity));
        return row.map(c -> alert(allergy, generic, c.severity(), Text.of("alert.allergy.cross", allergy.substance()),
                Text.of("alert.allergy.crossText", allergy.substance(), recorded, generic, c.advice()), c.source(),
                "cross " + c.allergy() + ">" + c.ordered()));
    }

    private OrderAlert alert(AllergyEntry allergy, String generic, Severity severity, Text headline, Text text,
                             String source, String kind) {
        // the reaction and severity are part of the fingerprint: an answer given for a rash does not answer anaphylaxis
        String inputs = String.join("|", kind, allergy.substance().toLowerCase(Locale.ROOT), allergy.reaction(),
                allergy.severity().name());
        return OrderAlert.keyed(ref.id(), ref.version(), source, severity, headline, text, "", Optional.empty(), true,
                PrescribingCheck.fingerprint(ref.id(), ref.version(), generic, inputs));
    }

    /** "hives, moderate" or "reaction and severity not recorded". */
    static Text describe(AllergyEntry e) {
        String severity = e.severity() == AllergySeverity.UNKNOWN ? ""
                : e.severity().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (e.reaction().isEmpty() && severity.isEmpty()) {
            return Text.of("alert.allergy.recorded.none");
        }
        if (e.reaction().isEmpty()) {
            return Text.of("alert.allergy.recorded.severityOnly", severity);
        }
        return severity.isEmpty() ? Text.of("alert.allergy.recorded.reactionOnly", e.reaction())
                : Text.of("alert.allergy.recorded.both", e.reaction(), severity);
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static boolean containsPhrase(List<String> words, List<String> phrase) {
        for (int at = 0; at + phrase.size() <= words.size(); at++) {
            if (words.subList(at, at + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }
}
