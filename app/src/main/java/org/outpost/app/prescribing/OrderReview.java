package org.outpost.app.prescribing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.outpost.app.model.SuggestedDose;

/**
 * A pharmacist's review of an order.
 *
 * @param newDose       the dose the order now has (accepting a suggested dose, or a change); empty when
 *                      the order was kept or stopped
 * @param modelVersions the models and versions the reviewed alerts came from, e.g. "pgx-cpic@2024.1"
 */
public record OrderReview(UUID orderId, ReviewAction action, Optional<SuggestedDose> newDose, String reason,
                          String pharmacist, Instant reviewedAt, String modelVersions) {
    public OrderReview {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(action, "action");
        newDose = newDose == null ? Optional.empty() : newDose;
        reason = reason == null ? "" : reason.strip();
        Objects.requireNonNull(pharmacist, "pharmacist");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        modelVersions = modelVersions == null ? "" : modelVersions;
        if (action == ReviewAction.OVERRIDE && reason.isEmpty()) {
            throw new IllegalArgumentException("An override has a reason");
        }
        if (action == ReviewAction.CHANGE_DOSE && newDose.isEmpty()) {
            throw new IllegalArgumentException("A dose change has the new dose");
        }
    }
}
