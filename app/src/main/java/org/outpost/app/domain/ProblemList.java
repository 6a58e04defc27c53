package org.outpost.app.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The patient's problem list, and whether a clinician has reviewed it as complete. The difference matters to every
 * model that asks "does the patient have heart failure?": a problem on the list answers yes; its absence answers no
 * only on a {@linkplain #reviewed() reviewed} list — on one nobody has reviewed, absence means "not known" and the
 * model asks, as an empty allergy list is not "no known allergies".
 *
 * @param conditions every entry, active and past, oldest recorded first (entries recorded at the same instant keep
 *                   the order given)
 * @param reviewed   who last confirmed that the list is complete, and when; empty when nobody has
 */
public record ProblemList(List<Condition> conditions, Optional<Recorded> reviewed) {
    /** A list nobody has written in or reviewed. */
    public static final ProblemList EMPTY = new ProblemList(List.of(), Optional.empty());

    public ProblemList {
        conditions = conditions.stream().sorted(Comparator.comparing((Condition c) -> c.recorded().at())).toList();
        reviewed = Objects.requireNonNullElse(reviewed, Optional.empty());
    }

    /** The active problems. */
    public List<Condition> active() {
        return conditions.stream().filter(Condition::isActive).toList();
    }

    /** Whether a clinician has confirmed the list complete, so that a problem not on it can be taken as absent. */
    public boolean isReviewed() {
        return reviewed.isPresent();
    }
}
