package org.outpost.app.prescribing;

import java.util.Objects;
import org.outpost.app.dosing.DoseLimits;
import org.outpost.app.interactions.InteractionTable;
import org.outpost.app.medicines.DrugClasses;
import org.outpost.app.medicines.DuplicateTherapy;

/**
 * The tables every order is checked against whatever the drug: dose limits, duplicate therapy (medicines by
 * class) and drug–drug interactions.
 */
public record SafetyTables(DoseLimits doseLimits, DuplicateTherapy duplicates, InteractionTable interactions) {
    public SafetyTables {
        Objects.requireNonNull(doseLimits, "doseLimits");
        Objects.requireNonNull(duplicates, "duplicates");
        Objects.requireNonNull(interactions, "interactions");
    }

    public SafetyTables(DoseLimits doseLimits, DrugClasses classes, InteractionTable interactions) {
        this(doseLimits, new DuplicateTherapy(classes), interactions);
    }

    /** The tables that ship with Outpost. */
    public static SafetyTables bundled() {
        return new SafetyTables(DoseLimits.bundled(), DrugClasses.bundled(), InteractionTable.bundled());
    }
}
