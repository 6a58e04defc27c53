package org.outpost.app.prescribing;

import java.time.Instant;
import java.util.List;
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
 * @param alerts        what the prescribing check said about the new dose (a change, or an accepted suggestion),
 *                      with the pharmacist's answers; empty when the dose did not change
 */
public record OrderReview(UUID orderId, ReviewAction action, Optional<SuggestedDose> newDose, String reason,
                          String pharmacist, Instant reviewedAt, String modelVersions, List<OrderAlert> alerts) {
    /** A review whose dose was not checked again (kept, or stopped). */
    public OrderReview(UUID orderId, ReviewAction action, Optional<SuggestedDose> newDose, String reason,
                       String pharmacist, Instant reviewedAt, String modelVersions) {
        this(orderId, action, newDose, reason, pharmacist, reviewedAt, modelVersions, List.of());
    }

    public OrderReview {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
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
