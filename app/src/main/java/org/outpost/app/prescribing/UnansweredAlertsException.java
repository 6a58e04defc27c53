package org.outpost.app.prescribing;

import java.util.List;

/**
 * The order was not saved: alerts that need an answer (a reason to go ahead against the suggestion) have
 * none — perhaps because the chart changed since the check was shown. Holds the alerts as they are now.
 */
public class UnansweredAlertsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<OrderAlert> alerts;

    public UnansweredAlertsException(List<OrderAlert> alerts) {
        super((alerts.size() == 1 ? "1 alert needs" : alerts.size() + " alerts need")
                + " a reason before the order can be saved");
        this.alerts = List.copyOf(alerts);
    }

    /** All alerts of the order as checked now, answered or not. */
    public List<OrderAlert> alerts() {
        return alerts;
    }
}
