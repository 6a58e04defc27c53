package org.outpost.app.problems;

import java.util.Objects;
import java.util.Set;
import org.outpost.app.domain.ClinicalProblem;
import org.outpost.app.domain.ConditionCode;

/**
 * One code the problem list offers: the code with its term, and what it means to the models (nothing, for a code
 * no model reads).
 */
public record ProblemTerm(ConditionCode code, Set<ClinicalProblem> concepts) {
    public ProblemTerm {
        Objects.requireNonNull(code, "code");
        concepts = Set.copyOf(concepts);
    }
}
