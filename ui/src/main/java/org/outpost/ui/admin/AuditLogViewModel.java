package org.outpost.ui.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditFilter;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.domain.User;
import org.outpost.app.port.Store;
import org.outpost.app.port.StoreException;
import org.outpost.app.usecase.AuditService;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * The audit log as an auditor reads it: filtered by user, patient (MRN or name words), action and a range of days
 * in the clinic's time zone (the zone of the injected clock), shown a page at a time in words, and exported as CSV.
 * The store does the filtering and paging ({@link AuditService#find}); nothing here loads the whole log. Whether
 * patients' names appear is the service's rule ({@link AuditService#showsPatientNames()}): MRNs always, names only
 * for readers whose role may view charts.
 */
public final class AuditLogViewModel {
    /** Rows per page on screen. */
    public static final int PAGE = 200;
    /** Rows per read while exporting. */
    static final int EXPORT_PAGE = 1000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Store store;
    private final AuditService audit;
    private final TaskRunner tasks;
    private final UiText text;
    private final ZoneId zone;
    private final Clock clock;

    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final ObservableList<User> usersView = FXCollections.unmodifiableObservableList(users);
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final ObservableList<AuditRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<User> user = new SimpleObjectProperty<>(this, "user");
    private final StringProperty patient = new SimpleStringProperty(this, "patient", "");
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>(this, "action");
    private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>(this, "fromDay");
    private final ObjectProperty<LocalDate> toDay = new SimpleObjectProperty<>(this, "toDay");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(this, "exportProgress");
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper(this, "exportStatus", "");

    private AuditText words;
    private AuditFilter applied = AuditFilter.ALL;
    private long matching;
    private int generation;

    public AuditLogViewModel(Store store, AuditService audit, TaskRunner tasks, UiText text, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.audit = Objects.requireNonNull(audit);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.clock = Objects.requireNonNull(clock);
        this.zone = clock.getZone();
        this.words = new AuditText(text, Map.of());
    }

    /** Loads the accounts (for the user filter and for names in details), then searches with the current filter. */
    public void refresh() {
        tasks.run("audit-users", () -> store.accounts().list(), list -> {
            users.setAll(list);
            words = new AuditText(text, list.stream().collect(Collectors.toMap(User::username, User::displayName,
                    (a, b) -> a)));
            search();
        }, this::failed);
    }

    /**
     * Runs the filter: counts the matching rows and shows the newest {@link #PAGE}. A filter that makes no sense (a
     * range whose start is after its end) is refused with {@link #filterErrorProperty()} and the rows stay as they
     * were.
     */
    public void search() {
        AuditFilter filter;
        try {
            filter = filter();
        } catch (IllegalArgumentException e) {
            filterError.set(e.getMessage().contains("date range")
                    ? text.get("admin.audit.filter.badRange") : text.get("admin.audit.filter.tooLong"));
            return;
        }
        filterError.set("");
        int g = ++generation;
        record Found(long count, List<AuditRow> rows) { }
        tasks.run("audit-search", () -> new Found(audit.count(filter), audit.find(filter, Long.MAX_VALUE, PAGE)),
                found -> {
                    if (g != generation) {
                        return; // a newer search is on its way
                    }
                    applied = filter;
                    matching = found.count();
                    rows.setAll(found.rows());
                    updateSummary(found.rows().size());
                }, this::failed);
    }

    /** Adds the next page of the last search's rows below those shown. */
    public void showMore() {
        if (!more.get() || rows.isEmpty()) {
            return;
        }
        AuditFilter filter = applied;
        long before = rows.getLast().entry().sequence();
        int g = generation;
        tasks.run("audit-more", () -> audit.find(filter, before, PAGE), page -> {
            if (g == generation) {
                rows.addAll(page);
                updateSummary(page.size());
            }
        }, this::failed);
    }

    /** The filter the fields describe, in the clinic's time zone. */
    AuditFilter filter() {
        User u = user.get();
        return AuditFilter.of(u == null ? null : u.username(), patient.get(), action.get(), fromDay.get(), toDay.get(),
                zone);
    }

    private void updateSummary(int lastPage) {
        more.set(lastPage == PAGE && rows.size() < matching);
        summary.set(text.get("admin.audit.summary", rows.size(), matching));
    }

    /**
     * Writes every row of the last search (not only those on screen) to {@code target} as CSV ({@link AuditCsv}),
     * page by page off the FX thread, {@link #exportProgressProperty()} rising from 0 to 1. The file appears whole or
     * not at all (written beside it, then moved), and the export is audited as "Exported audit log" with the filter
     * (a patient filter only as set) and the row count.
     */
    public void export(Path target) {
        Objects.requireNonNull(target, "target");
        if (exporting.get()) {
            return;
        }
        exporting.set(true);
        exportProgress.set(0);
        exportStatus.set(text.get("admin.audit.export.running"));
        AuditFilter filter = applied;
        AuditText labels = words;
        Path file = target.toAbsolutePath();
        tasks.run("audit-export-open", () -> {
            long total = audit.count(filter);
            // created owner-only on POSIX systems: the file may hold MRNs and names
            Path temp = Files.createTempFile(Objects.requireNonNull(file.getParent(), "the export is a file inside a folder"), ".outpost-audit-", ".csv.part");
            try {
                return new Export(file, temp, filter, total,
                        AuditCsv.open(temp, text, labels, zone, audit.showsPatientNames()));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
        }, this::nextPage, failure -> exportFailed(null, failure));
    }

    private void nextPage(Export job) {
        tasks.run("audit-export-page", () -> job.writePage(audit), done -> {
            exportProgress.set(job.total() == 0 ? 1 : Math.min(1.0, (double) job.written() / job.total()));
            if (done) {
                finish(job);
            } else {
                nextPage(job);
            }
        }, failure -> exportFailed(job, failure));
    }

    private void finish(Export job) {
        tasks.run("audit-export-finish", () -> {
            job.csv().close();
            audit.recordExport(job.filter(), job.written());
            Files.move(job.temp(), job.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return job.written();
        }, n -> {
            exporting.set(false);
            exportProgress.set(1);
            exportStatus.set(text.get("admin.audit.export.done", n, String.valueOf(job.target().getFileName())));
            search(); // the export's own row is now in the log
        }, failure -> exportFailed(job, failure));
    }

    private void exportFailed(Export job, Throwable failure) {
        if (job != null) {
            try {
                job.csv().close();
            } catch (IOException | RuntimeException ignored) {
                // already closed or the disk is gone; the partial file is removed below
            }
            try {
                Files.deleteIfExists(job.temp());
            } catch (IOException ignored) {
                // a stray .part file beside the target is harmless and says what it is
            }
        }
        exporting.set(false);
        exportProgress.set(0);
        exportStatus.set(failure instanceof IOException ? text.get("admin.audit.export.failed")
                : explain(failure));
    }

    private void failed(Throwable failure) {
        summary.set(explain(failure));
    }

    private String explain(Throwable failure) {
        return switch (failure) {
            case StoreException s -> s.getMessage();
            case IllegalArgumentException i -> i.getMessage();
            default -> text.get("admin.failed", tasks.reporter().report(failure).errorId());
        };
    }

    /** An export under way: where it writes, what it has written, and where the next page starts. */
    private static final class Export {
        private final Path target;
        private final Path temp;
        private final AuditFilter filter;
        private final long total;
        private final AuditCsv csv;
        private long written;
        private long before = Long.MAX_VALUE;

        private Export(Path target, Path temp, AuditFilter filter, long total, AuditCsv csv) {
            this.target = target;
            this.temp = temp;
            this.filter = filter;
            this.total = total;
            this.csv = csv;
        }

        /** Writes the next page; true when there is none after it. Runs on one background task at a time. */
        boolean writePage(AuditService audit) throws IOException {
            List<AuditRow> page = audit.find(filter, before, EXPORT_PAGE);
            for (AuditRow row : page) {
                csv.write(row);
            }
            written += page.size();
            if (!page.isEmpty()) {
                before = page.getLast().entry().sequence();
            }
            return page.size() < EXPORT_PAGE;
        }

        Path target() {
            return target;
        }

        Path temp() {
            return temp;
        }

        AuditFilter filter() {
            return filter;
        }

        AuditCsv csv() {
            return csv;
        }

        long written() {
            return written;
        }

        long total() {
            return total;
        }
    }

    /** A name for the export's file: "audit-log-2026-03-05.csv", today in the clinic. */
    public String suggestedFileName() {
        return text.get("admin.audit.export.fileName", LocalDate.now(clock).toString());
    }

    /** The accounts, for the user filter. */
    public ObservableList<User> users() {
        return usersView;
    }

    /** The rows shown, newest first. */
    public ObservableList<AuditRow> rows() {
        return rowsView;
    }

    /** Whose rows to show; null for everyone. */
    public ObjectProperty<User> userProperty() {
        return user;
    }

    /** Words of the patient's MRN or names; blank for every row. */
    public StringProperty patientProperty() {
        return patient;
    }

    /** Which action to show; null for all. */
    public ObjectProperty<AuditAction> actionProperty() {
        return action;
    }

    /** The first day shown (clinic time); null for no start. */
    public ObjectProperty<LocalDate> fromDayProperty() {
        return fromDay;
    }

    /** The last day shown, included (clinic time); null for no end. */
    public ObjectProperty<LocalDate> toDayProperty() {
        return toDay;
    }

    /** Why the filter was refused, or empty. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    /** "200 of 1,234 matching rows shown". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True when more matching rows lie beyond those shown. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** 0 to 1 while exporting. */
    public ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress.getReadOnlyProperty();
    }

    /** What the last export did. */
    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    /** The row's time in the clinic's zone. */
    public String when(AuditRow row) {
        return WHEN.format(row.event().at().atZone(zone));
    }

    public String user(AuditRow row) {
        return words.user(row);
    }

    public String role(AuditRow row) {
        return words.role(row);
    }

    public String action(AuditRow row) {
        return words.action(row);
    }

    /** An action's words, for the action filter's choices. */
    public String action(AuditAction a) {
        return words.action(a);
    }

    public String patient(AuditRow row) {
        return words.patient(row);
    }

    public String detail(AuditRow row) {
        return words.detail(row);
    }

    /** The user filter's choice in words: "Kim Park (nurse.kim)". */
    public String userChoice(User u) {
        return u.displayName().equals(u.username()) ? u.username()
                : text.get("admin.audit.userNamed", u.displayName(), u.username());
    }
}
