package org.outpost.ui.chart.order;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.outpost.app.prescribing.OrderAlert;

/** One alert on show in the order form, with the prescriber's reason when it needs one. */
public final class AlertItem {
    private final OrderAlert alert;
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");

    public AlertItem(OrderAlert alert) {
        this.alert = alert;
    }

    public OrderAlert alert() {
        return alert;
    }

    /** The reason to go ahead against the suggestion; required when {@link OrderAlert#needsAnswer()}. */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** No answer needed, or a reason given. */
    public boolean answered() {
        return !alert.needsAnswer() || !reason.get().isBlank();
    }
}
