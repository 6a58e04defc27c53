package org.outpost.app.prescribing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.outpost.app.domain.PatientId;

/**
 * A saved order: what was ordered, by whom and when, the alerts it raised, and where it is in review.
 * The medication list entry it created is {@code medicationId}.
 */
public record MedicationOrder(UUID id, PatientId patient, UUID medicationId, OrderDraft draft, String orderedBy,
                              Instant orderedAt, OrderStatus status, List<OrderAlert> alerts) {
    public MedicationOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(medicationId, "medicationId");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(orderedBy, "orderedBy");
        Objects.requireNonNull(orderedAt, "orderedAt");
        Objects.requireNonNull(status, "status");
        alerts = List.copyOf(alerts);
    }

    public MedicationOrder withStatus(OrderStatus newStatus) {
        return new MedicationOrder(id, patient, medicationId, draft, orderedBy, orderedAt, newStatus, alerts);
    }
}
