package org.outpost.sync.deid;

import java.util.List;
import java.util.Objects;
import org.outpost.app.medicines.DrugEntry;

/**
 * A medicine as the medicines table names it: its lower-case generic name and WHO ATC codes. The only way to get
 * one is {@link #of(DrugEntry)}, from an entry of the table, so whatever a clinician typed on the medication list
 * ("warfarin 5 mg as per Dr Smith") can never travel in one. A generic drug name from a curated table is a code, not
 * free text: it names a substance, nothing about a person.
 */
public final class MedicineCode implements Comparable<MedicineCode> {
    private final String generic;
    private final List<String> atc;

    private MedicineCode(String generic, List<String> atc) {
        this.generic = generic;
        this.atc = List.copyOf(atc);
    }

    /** The code of a medicines-table entry. */
    public static MedicineCode of(DrugEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return new MedicineCode(entry.generic(), entry.atc());
    }

    /** Lower-case generic name, e.g. {@code clopidogrel}. */
    public String generic() {
        return generic;
    }

    /** WHO ATC codes, the main one first. */
    public List<String> atc() {
        return atc;
    }

    @Override
    public int compareTo(MedicineCode o) {
        return generic.compareTo(o.generic);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MedicineCode m && generic.equals(m.generic) && atc.equals(m.atc);
    }

    @Override
    public int hashCode() {
        return Objects.hash(generic, atc);
    }

    @Override
    public String toString() {
        return generic;
    }
}
