package org.outpost.app.medicines;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One medicine of the medicines-by-class table.
 *
 * @param generic lower-case generic name, e.g. "clopidogrel"
 * @param atc     its WHO ATC codes, the main one first, e.g. B01AC06 and N02BA01 for aspirin
 * @param names   brand names and synonyms as charts write them, lower-case ("plavix"); not the generic name
 * @param classes every class it is in: those its row lists, each followed by the classes that one is within
 *                (clopidogrel: {@code p2y12-inhibitor}, {@code antiplatelet})
 * @param line    the line of the table file the medicine was read from (1-based)
 */
public record DrugEntry(String generic, List<String> atc, List<String> names, Set<String> classes, int line) {
    public DrugEntry {
        Objects.requireNonNull(generic, "generic");
        atc = List.copyOf(atc);
        names = List.copyOf(names);
        classes = Collections.unmodifiableSet(new LinkedHashSet<>(classes));
    }

    /** Whether the medicine is in {@code therapeuticClass}, directly or through a class it is within. */
    public boolean in(String therapeuticClass) {
        return classes.contains(therapeuticClass);
    }
}
