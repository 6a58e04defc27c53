package org.outpost.ui.chart.problems;

import java.util.UUID;

/**
 * One problem-list entry as the table shows it.
 *
 * @param code      system and code, e.g. "SNOMED CT 49436004"
 * @param readBy    which models read it, or a note that none does
 * @param active    whether it is active now (the action offered is then "resolved")
 */
public record ProblemRow(UUID id, String term, String code, String status, String onset, String recorded,
                         String readBy, boolean active) {
}
