package org.outpost.ui.chart.monitoring;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.outpost.app.domain.PatientId;
import org.outpost.app.usecase.MonitoringService;
import org.outpost.app.validation.ValidationException;
import org.outpost.interop.monitoring.ParsedSeries;
import org.outpost.interop.monitoring.SeriesFileException;
import org.outpost.interop.monitoring.SeriesFiles;
import org.outpost.interop.monitoring.SeriesFormat;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * Importing a file of home or wearable readings into the open chart (issue 15): the file is read off the FX thread
 * with its progress shown and a Cancel that stops the read; only a file read whole is then stored, all or nothing, in
 * one transaction (that last step is short and is not cancelled halfway). A malformed file, a refused reading or a
 * cancel leaves the record as it was and says so.
 */
public final class MonitoringImportViewModel {
    private final MonitoringService service;
    private final TaskRunner tasks;
    private final Executor fx;
    private final ZoneId zone;
    private final UiText text;
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Runnable onImported = () -> { };

    /**
     * @param fx   runs progress updates on the FX thread ({@code Platform::runLater}; tests pass their own)
     * @param zone the clinic's time zone, for files whose times carry no offset
     */
    public MonitoringImportViewModel(MonitoringService service, TaskRunner tasks, Executor fx, ZoneId zone, UiText text) {
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.fx = Objects.requireNonNull(fx);
        this.zone = Objects.requireNonNull(zone);
        this.text = Objects.requireNonNull(text);
    }

    /** Called on the FX thread after an import stored readings (to reload the charts and flags). */
    public void setOnImported(Runnable onImported) {
        this.onImported = Objects.requireNonNull(onImported);
    }

    /** Imports {@code file} for {@code patient}, its format recognised unless {@code format} is given. */
    public void start(PatientId patient, Path file, Optional<SeriesFormat> format) {
        Objects.requireNonNull(patient);
        Objects.requireNonNull(file);
        if (importing.get()) {
            return;
        }
        cancelled.set(false);
        importing.set(true);
        failed.set(false);
        progress.set(0);
        status.set(text.get("monitoring.import.reading", String.valueOf(file.getFileName())));
        AtomicInteger shownPercent = new AtomicInteger(-1);
        tasks.run("monitoring-import", () -> {
            ParsedSeries parsed = SeriesFiles.read(file, format, zone, (read, total) -> {
                int percent = total <= 0 ? 0 : (int) Math.min(100, read * 100 / total);
                if (shownPercent.getAndSet(percent) != percent) {
                    fx.execute(() -> progress.set(percent / 100.0));
                }
                return !cancelled.get();
            });
            if (cancelled.get()) {
                throw new CancellationException();
            }
            if (parsed.readingCount() == 0) {
                return new Done(parsed, null);
            }
            fx.execute(() -> status.set(text.get("monitoring.import.saving", parsed.readingCount())));
            return new Done(parsed, service.importReadings(patient, parsed.readings(), parsed.format().code()));
        }, this::done, this::failed);
    }

    /** Stops a read under way; nothing is stored. */
    public void cancel() {
        cancelled.set(true);
    }

    private record Done(ParsedSeries parsed, MonitoringService.ImportOutcome outcome) { }

    private void done(Done d) {
        importing.set(false);
        progress.set(1);
        if (d.outcome() == null) {
            failed.set(true);
            status.set(text.get("monitoring.import.empty"));
            return;
        }
        status.set(text.get("monitoring.import.done", d.outcome().newReadings(), d.outcome().duplicates(),
                d.outcome().newFlags().size()));
        onImported.run();
    }

    private void failed(Throwable failure) {
        importing.set(false);
        progress.set(0);
        failed.set(true);
        status.set(switch (failure) {
            case CancellationException c -> text.get("monitoring.import.cancelled");
            case SeriesFileException f -> text.get("monitoring.import.badFile", f.getMessage());
            case ValidationException v when !v.violations().isEmpty() ->
                    text.get("monitoring.import.refused", text.violation(v.violations().getFirst()));
            default -> {
                tasks.reporter().report(failure);
                yield text.get("monitoring.import.failed");
            }
        });
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    /** 0–1 while reading the file. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the import is doing or did, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the last import ended without storing anything (cancelled, malformed, refused). */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
