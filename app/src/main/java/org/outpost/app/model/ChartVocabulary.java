package org.outpost.app.model;

import java.util.Set;
import org.outpost.app.domain.ClinicalProblem;
import org.outpost.app.domain.ConditionCode;

/**
 * What the words and codes of a chart mean to the models: which therapeutic classes a medication entry belongs to
 * ("Plavix 75 mg" → antiplatelet, p2y12-inhibitor) and which model concepts a problem-list code stands for
 * (ICD-10 I48.1 → atrial fibrillation). The bundled tables answer it ({@code BundledModels.vocabulary()}); the
 * model layer only asks.
 */
public interface ChartVocabulary {
    /** The classes of the medicine(s) {@code medicationText} names; empty when it names none known. */
    Set<String> classesOf(String medicationText);

    /** The concepts {@code code} stands for; empty for a code no model reads. */
    Set<ClinicalProblem> conceptsOf(ConditionCode code);
}
