package org.outpost.app.medicines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.medicines.DuplicateFinding.Kind;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.Severity;
import org.outpost.app.text.Text;

/**
 * The duplicate-therapy check: does a medicine being ordered duplicate one the patient already has?
 * <ul>
 *   <li><b>The same medicine</b>, whatever the chart calls it — clopidogrel ordered while "Plavix 75 mg" is on the
 *       list. Rated by the table's {@value TherapeuticClass#SAME_DRUG} rule, raised to the highest duplicate
 *       severity of the medicine's classes (warfarin ordered twice is as serious as two anticoagulants). A medicine
 *       the table does not list is still found by its name, as whole words of a list entry.</li>
 *   <li><b>Two medicines of one duplicate class</b> — prasugrel with clopidogrel (P2Y12 inhibitors), apixaban with
 *       warfarin (anticoagulants), two statins — rated as the class's rule says. Classes that are not duplicate
 *       classes raise nothing: aspirin with clopidogrel is dual antiplatelet therapy.</li>
 * </ul>
 * Each finding carries its severity, advice, source and the table's version. Pure and thread-safe.
 */
public final class DuplicateTherapy {
    private static final Comparator<DuplicateFinding> MOST_SEVERE_FIRST =
            Comparator.comparing(DuplicateFinding::severity).reversed().thenComparing(DuplicateFinding::kind);

    private final DrugClasses table;

    public DuplicateTherapy(DrugClasses table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** The check on the bundled table. */
    public static DuplicateTherapy bundled() {
        return new DuplicateTherapy(DrugClasses.bundled());
    }

    /** The table the check reads. */
    public DrugClasses table() {
        return table;
    }

    /** The table as a model reference, to store with each finding. */
    public ModelRef ref() {
        return table.ref();
    }

    /**
     * Checks one order against the medication list.
     *
     * @param orderedDrug          the medicine ordered, a generic name as the order form has it (a brand or a
     *                             chart-style name works too); a combination is checked medicine by medicine
     * @param currentMedicineNames the active medicines and pending orders as the chart writes them ("Plavix 75 mg",
     *                             "Clopidogrel 75 mg tablet"), without the order being checked
     * @return the duplicates, most severe first, one per medicine ordered and medicine on the list (with every
     *         entry it was found in); empty when there are none or nothing was ordered
     */
    public List<DuplicateFinding> check(String orderedDrug, List<String> currentMedicineNames) {
        Objects.requireNonNull(currentMedicineNames, "currentMedicineNames");
        if (orderedDrug == null || orderedDrug.isBlank()) {
            return List.of();
        }
        List<DrugEntry> ordered = table.findAll(orderedDrug);
        List<DuplicateFinding> found = ordered.isEmpty()
                ? byNameOnly(orderedDrug, currentMedicineNames)
                : byTable(ordered, currentMedicineNames);
        return found.stream().sorted(MOST_SEVERE_FIRST).toList();
    }

    /** A medicine ordered and one on the list that duplicate it, with the class they share (empty: the same one). */
    private record Match(DrugEntry ordered, DrugEntry current, Optional<TherapeuticClass> sharedClass) { }

    private List<DuplicateFinding> byTable(List<DrugEntry> ordered, List<String> current) {
        Map<Match, List<String>> matches = new LinkedHashMap<>();
        for (String entry : current) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String written = entry.strip();
            for (DrugEntry c : table.findAll(written)) {
                for (DrugEntry o : ordered) {
                    Optional<TherapeuticClass> shared = o.equals(c) ? Optional.empty() : sharedDuplicateClass(o, c);
                    if (o.equals(c) || shared.isPresent()) {
                        List<String> where = matches.computeIfAbsent(new Match(o, c, shared), k -> new ArrayList<>());
                        if (!where.contains(written)) {
                            where.add(written);
                        }
                    }
                }
            }
        }
        List<DuplicateFinding> findings = new ArrayList<>();
        matches.forEach((m, written) -> findings.add(m.sharedClass()
                .map(cls -> sameClass(m.ordered(), m.current(), cls, written))
                .orElseGet(() -> sameDrug(m.ordered(), written))));
        return findings;
    }

    /** The most severe duplicate class both are in (the first in the ordered medicine's list on a tie). */
    private Optional<TherapeuticClass> sharedDuplicateClass(DrugEntry a, DrugEntry b) {
        return mostSevere(a.classes().stream().filter(b::in).toList());
    }

    private Optional<TherapeuticClass> mostSevere(List<String> classNames) {
        TherapeuticClass best = null;
        for (String name : classNames) {
            TherapeuticClass c = table.therapeuticClass(name).orElseThrow();
            if (c.isDuplicateClass() && (best == null || severity(c).compareTo(severity(best)) > 0)) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Severity severity(TherapeuticClass c) {
        return c.duplicate().orElseThrow();
    }

    private DuplicateFinding sameDrug(DrugEntry drug, List<String> written) {
        TherapeuticClass rule = table.sameDrug();
        Severity severity = severity(rule);
        Text advice = Text.verbatim(rule.advice());
        String source = rule.source();
        Optional<TherapeuticClass> raise = mostSevere(List.copyOf(drug.classes()))
                .filter(c -> severity(c).compareTo(severity(rule)) > 0);
        if (raise.isPresent()) {
            TherapeuticClass c = raise.get();
            severity = severity(c);
            advice = Text.of("alert.duplicate.rated", advice, String.valueOf(severity), drug.generic(), c.label());
            source += "; " + c.source();
        }
        Text text = Text.of("alert.duplicate.sameText", drug.generic(), String.join("; ", written));
        return DuplicateFinding.keyed(Kind.SAME_DRUG, drug.generic(), drug.generic(), written, Optional.empty(), severity,
                text, advice, source, table.version());
    }

    private DuplicateFinding sameClass(DrugEntry ordered, DrugEntry current, TherapeuticClass cls, List<String> written) {
        Text text = Text.of("alert.duplicate.classText", cls.label(), ordered.generic(), current.generic(),
                String.join("; ", written));
        return DuplicateFinding.keyed(Kind.SAME_CLASS, ordered.generic(), current.generic(), written,
                Optional.of(cls.name()), severity(cls), text, Text.verbatim(cls.advice()), cls.source(), table.version());
    }

    /**
     * A medicine the table does not list: the same medicine only, where its name's words appear as whole words of
     * a list entry. A name without a word of three or more letters is too short to match safely.
     */
    private List<DuplicateFinding> byNameOnly(String orderedDrug, List<String> current) {
        List<String> words = NameIndex.words(orderedDrug);
        boolean distinctive = words.stream().anyMatch(w -> w.length() >= 3 && w.chars().allMatch(Character::isLetter));
        if (!distinctive) {
            return List.of();
        }
        List<String> written = new ArrayList<>();
        for (String entry : current) {
            if (entry != null && NameIndex.contains(NameIndex.words(entry), words) && !written.contains(entry.strip())) {
                written.add(entry.strip());
            }
        }
        if (written.isEmpty()) {
            return List.of();
        }
        String name = String.join(" ", words);
        TherapeuticClass rule = table.sameDrug();
        Text text = Text.of("alert.duplicate.sameText", name, String.join("; ", written));
        Text advice = Text.of("alert.duplicate.notInTable", rule.advice(), name);
        return List.of(DuplicateFinding.keyed(Kind.SAME_DRUG, name, name, written, Optional.empty(), severity(rule), text,
                advice, rule.source(), table.version()));
    }
}
