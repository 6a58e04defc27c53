package org.outpost.app.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.outpost.app.domain.PatientId;
import org.outpost.app.prescribing.AnsweredAlert;
import org.outpost.app.prescribing.MedicationOrder;
import org.outpost.app.prescribing.OrderReview;
import org.outpost.app.prescribing.OrderStatus;

/** Medication orders with the alerts they raised and their pharmacist reviews. */
public interface OrderBook {
    /** Stores an order and its alerts inside the current write transaction. */
    void insert(MedicationOrder order);

    Optional<MedicationOrder> find(UUID orderId);

    /** Orders waiting for a pharmacist, oldest first. */
    List<MedicationOrder> awaitingReview();

    /** All orders of a patient, newest first. */
    List<MedicationOrder> forPatient(PatientId patient);

    /**
     * The patient's alerts a prescriber overrode, by fingerprint (the newest answer when there are several):
     * these are not raised again for the same inputs.
     */
    Map<String, AnsweredAlert> answeredAlerts(PatientId patient);

    /** Records a pharmacist's review and sets the order's status, inside the current write transaction. */
    void recordReview(OrderReview review, OrderStatus newStatus);

    /** The reviews of an order, oldest first. */
    List<OrderReview> reviews(UUID orderId);
}
