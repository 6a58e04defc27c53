package org.outpost.app.usecase;

import org.outpost.app.domain.PatientSummary;

/**
 * An existing patient who may be the same person as one being registered.
 *
 * @param score  0–1, higher is more alike
 * @param reason message key saying why (same name and birth date, names swapped, birth date typo…)
 */
public record DuplicateCandidate(PatientSummary patient, double score, String reason) { }
