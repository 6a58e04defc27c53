package org.outpost.ui.chart.sharing;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.outpost.app.domain.PatientId;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.app.usecase.SharingHistory;
import org.outpost.app.usecase.WhatWasSent;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * "What was sent" for the patient of a chart: when the server confirmed the last summary and the exact
 * de-identified bundle it received (FHIR JSON, as it left this machine), or that nothing has been sent; and whether
 * a newer summary waits (held back, and why). Read through {@link SharingHistory} off the FX thread, which audits
 * the reading. The bundle is kept only while the pane is open.
 */
public final class SentSummaryViewModel {
    private final SharingHistory history;
    private final PatientId patient;
    private final TaskRunner tasks;
    private final UiText text;
    private final ZoneId zone;
    private final DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper(this, "waiting", "");
    private final ReadOnlyStringWrapper bundle = new ReadOnlyStringWrapper(this, "bundle", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private int opened;

    /** @param zone the clinic's time zone, for when it was sent */
    public SentSummaryViewModel(SharingHistory history, PatientId patient, TaskRunner tasks, UiText text,
                                ZoneId zone) {
        this.history = Objects.requireNonNull(history);
        this.patient = Objects.requireNonNull(patient);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.zone = Objects.requireNonNull(zone);
    }

    /** Opens the pane and reads what was sent (again, if it is open: it may have changed since). */
    public void open() {
        int n = ++opened;
        showing.set(true);
        busy.set(true);
        error.set("");
        heading.set(text.get("chart.sharing.sentReading"));
        waiting.set("");
        bundle.set("");
        record Shown(WhatWasSent found, String bundle) {
        }
        tasks.run("sent-summary", () -> {
            WhatWasSent found = history.whatWasSent(patient);
            return new Shown(found, found.lastSent().map(s -> IndentedJson.of(s.bundleJson())).orElse(""));
        }, shown -> {
            if (n == opened && showing.get()) {
                busy.set(false);
                show(shown.found(), shown.bundle());
            }
        }, failure -> {
            if (n == opened) {
                busy.set(false);
                heading.set("");
                error.set(text.get("chart.sharing.sentFailed", tasks.reporter().report(failure).errorId()));
            }
        });
    }

    /** Closes the pane and forgets the bundle. */
    public void close() {
        opened++;
        showing.set(false);
        busy.set(false);
        heading.set("");
        waiting.set("");
        bundle.set("");
        error.set("");
    }

    private void show(WhatWasSent found, String indented) {
        found.lastSent().ifPresentOrElse(s -> {
            ZonedDateTime at = s.sentAt().atZone(zone);
            heading.set(text.get("chart.sharing.sentAt", day.format(at), time.format(at)));
            bundle.set(indented);
        }, () -> {
            heading.set(text.get("chart.sharing.nothingSent"));
            bundle.set("");
        });
        if (!found.consent().sharesSummaries()) {
            waiting.set(text.get("chart.sharing.sentStopped"));
        } else {
            waiting.set(found.waiting().map(w -> waitingLine(w, found.lastSent().isPresent())).orElse(""));
        }
    }

    private String waitingLine(OutboxEntry w, boolean sentBefore) {
        if (w.heldBack().isPresent()) {
            return text.get("chart.sharing.waitingHeld", w.heldBack().get());
        }
        if (w.lastError().isPresent()) {
            return text.get("chart.sharing.waitingError", w.lastError().get());
        }
        return text.get(sentBefore ? "chart.sharing.waitingNewer" : "chart.sharing.waiting");
    }

    /** True while the pane is open. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Sent 2026-03-01 at 10:41:07, confirmed by the server", or "Nothing has been sent for this patient". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** Whether a newer summary waits, and why it is held back; or that nothing more is sent; or empty. */
    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** The exact bundle the server confirmed (FHIR JSON, indented for reading), or empty. */
    public ReadOnlyStringProperty bundleProperty() {
        return bundle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
