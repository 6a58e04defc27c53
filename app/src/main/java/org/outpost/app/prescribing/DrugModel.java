package org.outpost.app.prescribing;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.InputSpec;

/**
 * A model the prescribing check runs for some drugs: which drugs, and how the patient's other active
 * medications become its inputs (interacting drugs such as amiodarone or a P-gp inhibitor).
 *
 * @param drugs             the lower-case generic names the model applies to
 * @param medicationInputs  from the lower-case generic names of the patient's active medications to the
 *                          model's interaction inputs
 */
public record DrugModel(ClinicalModel model, Set<String> drugs,
                        Function<Collection<String>, Map<String, Object>> medicationInputs) {
    public DrugModel {
        Objects.requireNonNull(model, "model");
        drugs = Set.copyOf(drugs);
        Objects.requireNonNull(medicationInputs, "medicationInputs");
    }

    /** A model with a {@code drug} choice input applies to each of its choices. */
    public static DrugModel byDrugChoice(ClinicalModel model,
                                         Function<Collection<String>, Map<String, Object>> medicationInputs) {
        Set<String> drugs = model.inputs().stream().filter(s -> s.name().equals(PrescribingCheck.DRUG)
                        && s.kind() == InputSpec.Kind.CHOICE)
                .findFirst().map(s -> Set.copyOf(s.choices()))
                .orElseThrow(() -> new IllegalArgumentException(model.ref().id() + " has no drug choice input"));
        return new DrugModel(model, drugs, medicationInputs);
    }

    public boolean appliesTo(String drug) {
        return generic(drug).isPresent();
    }

    /**
     * The generic name this model knows in an order's drug name: the name itself, or one of its words
     * ("clopidogrel bisulfate" is clopidogrel).
     */
    public java.util.Optional<String> generic(String drug) {
        String d = drug.strip().toLowerCase(java.util.Locale.ROOT);
        if (drugs.contains(d)) {
            return java.util.Optional.of(d);
        }
        return java.util.Arrays.stream(d.split("[^\\p{L}0-9-]+")).filter(drugs::contains).findFirst();
    }

    /** Whether the model reads the drug being ordered as an input. */
    boolean readsDrug() {
        return model.inputs().stream().anyMatch(s -> s.name().equals(PrescribingCheck.DRUG));
    }
}
