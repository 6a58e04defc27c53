package org.outpost.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.risk.RiskModels;
import org.outpost.ui.account.ChangePasswordView;
import org.outpost.ui.account.ChangePasswordViewModel;
import org.outpost.ui.admin.AdminView;
import org.outpost.ui.admin.AdminViewModel;
import org.outpost.app.problems.ProblemCatalogue;
import org.outpost.ui.chart.ChartView;
import org.outpost.ui.chart.problems.ProblemListViewModel;
import org.outpost.ui.chart.medreview.MedicationReviewViewModel;
import org.outpost.ui.chart.monitoring.MonitoringViewModel;
import org.outpost.ui.chart.order.OrderViewModel;
import org.outpost.ui.review.ReviewQueueView;
import org.outpost.ui.review.ReviewQueueViewModel;
import org.outpost.ui.chart.ChartViewModel;
import org.outpost.ui.chart.record.RecordObservationsViewModel;
import org.outpost.ui.chart.risk.RiskPanelViewModel;
import org.outpost.ui.chart.sharing.SentSummaryViewModel;
import org.outpost.ui.chart.sharing.SharingConsentViewModel;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.models.ModelsAndContentView;
import org.outpost.ui.models.ModelsAndContentViewModel;
import org.outpost.ui.patient.edit.PatientFormView;
import org.outpost.ui.patient.edit.PatientFormViewModel;
import org.outpost.ui.patient.search.PatientSearchView;
import org.outpost.ui.patient.search.PatientSearchViewModel;
import org.outpost.ui.shell.sync.SyncIndicatorView;
import org.outpost.ui.shell.sync.SyncIndicatorViewModel;
import org.outpost.ui.text.UiText;

/**
 * The signed-in window: a toolbar (navigation, the sync indicator, the user's menu with the password, the shortcuts
 * and Sign out, and Lock) over one screen at a time. Buttons with a keyboard shortcut name it in their tooltip, menu
 * items show it beside them.
 * Patient search is the home screen and lives as long as the session; other screens are built when
 * opened. The Admin button exists only for administrators; Models and content is there for everyone.
 */
public final class ShellView {
    private final Workspace workspace;
    private final ScreenContext context;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final PatientSearchViewModel searchModel;
    private final PatientSearchView searchView;
    private final Button reviewButton;
    private final SyncIndicatorViewModel syncModel;
    private final SyncIndicatorView syncView;
    private Screen current;

    /** A screen on show: its root and how to put the focus into it. */
    private record Screen(String name, Parent root, Runnable focus, Optional<ChartView> chart) { }

    /**
     * @param shortcuts the window's shortcuts (for the tooltips)
     * @param onLock    locks the workstation (the work waits for the same user)
     * @param onSignOut ends the session and returns to the sign-in form
     * @param onHelp    shows the shortcuts of the screen on show
     */
    public ShellView(Workspace workspace, ScreenContext context, ShortcutHelpViewModel shortcuts, Runnable onLock,
                     Runnable onSignOut, Runnable onHelp) {
        this.workspace = workspace;
        this.context = context;
        UiText text = context.text();

        searchModel = new PatientSearchViewModel(workspace.patients(), context.tasks(), context.debouncers().get(),
                text, workspace.clock(), this::openChart);
        searchView = new PatientSearchView(searchModel, text, this::newPatient);
        if (context.trace().enabled()) { // the GUI bench: when a search's results reached the screen
            searchModel.searchingProperty().addListener((o, was, now) -> {
                if (!now) {
                    context.trace().markDrawn(root.getScene(), "search-drawn");
                }
            });
        }

        Label title = new Label(text.get("app.title"));
        title.getStyleClass().add("brand");
        Button patients = Labels.button("nav-patients", text.get("nav.patients"), this::showSearch);
        Button newPatient = Labels.button("nav-new-patient", text.get("nav.newPatient"), this::newPatient);
        patients.setTooltip(new Tooltip(shortcuts.tooltip(ShortcutHelpViewModel.Command.SEARCH)));
        newPatient.setTooltip(new Tooltip(shortcuts.tooltip(ShortcutHelpViewModel.Command.NEW_PATIENT)));
        ToolBar bar = new ToolBar(title, patients, newPatient);
        if (workspace.reviewsOrders()) {
            reviewButton = Labels.button("nav-review", text.get("nav.review", "\u2026"), this::openReview);
            bar.getItems().add(reviewButton);
        } else {
            reviewButton = null;
        }
        bar.getItems().add(Labels.button("shell-models", text.get("nav.models"), this::openModels));
        if (workspace.isAdmin()) {
            bar.getItems().add(Labels.button("nav-admin", text.get("nav.admin"), this::openAdmin));
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the user's menu: who is signed in, their password, the shortcuts and signing out (keys shown beside them)
        MenuItem password = menuItem("nav-password", text.get("nav.password"), this::openPassword);
        MenuItem keys = menuItem("nav-shortcuts", text.get("nav.shortcuts"), onHelp);
        keys.setAccelerator(MainWindow.keyOf(ShortcutHelpViewModel.Command.HELP));
        MenuItem signOut = menuItem("nav-sign-out", text.get("nav.signOut"), onSignOut);
        signOut.setAccelerator(MainWindow.keyOf(ShortcutHelpViewModel.Command.SIGN_OUT));
        MenuButton who = new MenuButton(text.get("shell.signedIn", workspace.user().displayName(),
                workspace.user().username(), text.role(workspace.user().role())), null,
                password, keys, new SeparatorMenuItem(), signOut);
        who.setMnemonicParsing(false);
        who.setId("shell-user");
        Button lock = Labels.button("nav-lock", text.get("nav.lock"), onLock);
        lock.setTooltip(new Tooltip(shortcuts.tooltip(ShortcutHelpViewModel.Command.LOCK)));
        syncModel = new SyncIndicatorViewModel(workspace.sync(), context.tasks(), Platform::runLater, text,
                workspace.clock());
        syncView = new SyncIndicatorView(syncModel, text, workspace.sync().options().refreshEvery());
        HBox right = new HBox(10, syncView.root(), who, lock);
        right.setAlignment(Pos.CENTER_RIGHT);
        bar.getItems().addAll(spacer, right);
        bar.getStyleClass().add("shell-bar");

        root.setTop(bar);
        root.setCenter(content);
        root.setId("shell");
        syncModel.start();
        if (workspace.reviewsOrders() && !workspace.isAdmin()) {
            openReview(); // pharmacists start at their queue
        } else {
            show(new Screen("search", searchView.root(), searchView::focus, Optional.empty()));
            countWaiting();
        }
    }

    public Parent root() {
        return root;
    }

    /** The workstation is being locked: the sync indicator stops listening (the workspace stops the loop). */
    public void pauseSync() {
        syncModel.pause();
    }

    /** Unlocked again by the same user: sync starts again. */
    public void resumeSync() {
        syncModel.start();
    }

    /** This session's shell is discarded (someone else signed in): stops its timers. */
    public void dispose() {
        syncModel.pause();
        syncView.dispose();
    }

    /** The sync indicator's state (for tests). */
    public SyncIndicatorViewModel syncIndicator() {
        return syncModel;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The home screen, with the caret in the search field (Ctrl+F). */
    public void showSearch() {
        show(new Screen("search", searchView.root(), searchView::focus, Optional.empty()));
    }

    /** The registration form (Ctrl+N). */
    public void newPatient() {
        showForm(Optional.empty());
    }

    /** Opens the recording form when a chart is on show (Ctrl+R). */
    public void record() {
        if (current != null) {
            current.chart().ifPresent(ChartView::openRecord);
        }
    }

    /** Shows the order tab with the caret in the drug field when a chart is on show (Ctrl+O). */
    public void order() {
        if (current != null) {
            current.chart().ifPresent(ChartView::showOrder);
        }
    }

    /** The name of the screen on show, for tests and window titles. */
    public String currentScreen() {
        return current == null ? "" : current.name();
    }

    /** The chart on show, if any. */
    public Optional<ChartView> currentChart() {
        return current == null ? Optional.empty() : current.chart();
    }

    /** Puts the focus back where it belongs on the current screen (after unlock). */
    public void focus() {
        if (current != null) {
            current.focus().run();
        }
    }

    /** Opens a patient's chart. */
    public void openChart(PatientId id) {
        UiText text = context.text();
        ChartViewModel chart = new ChartViewModel(workspace.charts(), id, context.tasks(), text, workspace.clock());
        chart.interpretGenotypesWith(g -> workspace.content().cpic().gene(g.gene())
                .map(table -> table.interpret(g.diplotype()))
                .map(r -> r.determinate() ? r.phenotype() : text.get("chart.genotype.indeterminate")));
        RecordObservationsViewModel record = new RecordObservationsViewModel(workspace.charts(), id, context.tasks(),
                text, workspace.clock(), () -> {
                    chart.reload();
                    syncModel.refresh(); // the patient's summary may wait now
                });
        // the published equations, then the learned models (each with its card, its range and its explanation)
        List<ClinicalModel> riskModels = new ArrayList<>(RiskModels.all());
        riskModels.addAll(workspace.content().learnedModels()); // a signed update's, else the bundled ones
        RiskPanelViewModel risk = new RiskPanelViewModel(workspace.decisions(), id, List.copyOf(riskModels), context.tasks(),
                text, workspace.clock());
        ChartView[] holder = new ChartView[1];
        holder[0] = new ChartView(chart, record, risk, text, () -> {
            Patient p = chart.chartProperty().get() == null ? null : chart.chartProperty().get().patient();
            if (p != null) {
                showForm(Optional.of(p));
            }
        });
        holder[0].addSharing(new SharingConsentViewModel(workspace.consents(), id, workspace.mayEditPatients(),
                context.tasks(), text, workspace.clock().getZone(), () -> {
                    chart.reload();
                    syncModel.refresh(); // a consent given queues a summary, a withdrawal drops one
                }),
                new SentSummaryViewModel(workspace.sharing(), id, context.tasks(), text, workspace.clock().getZone()),
                text);
        holder[0].addProblems(new ProblemListViewModel(workspace.problems(), ProblemCatalogue.bundled(), id,
                workspace.mayEditPatients(), context.tasks(), text, workspace.clock(), chart::reload), text);
        holder[0].addMonitoring(new MonitoringViewModel(workspace.monitoring(), id, workspace.mayDecideFlags(),
                context.tasks(), text, workspace.clock()), workspace.mayDecideFlags()
                        ? java.util.Optional.of(new org.outpost.ui.chart.monitoring.MonitoringImportViewModel(
                                workspace.monitoring(), context.tasks(), Platform::runLater,
                                workspace.clock().getZone(), text))
                        : java.util.Optional.empty(), text, workspace.clock().getZone());
        holder[0].addDosingTab(new RiskPanelViewModel(workspace.decisions(), id,
                workspace.prescribing().engine().models(), context.tasks(), text, workspace.clock()), text);
        holder[0].addMedicationReviewTab(new MedicationReviewViewModel(workspace.prescribing(), id, context.tasks(),
                text), text);
        if (workspace.mayPrescribe()) {
            OrderViewModel order = new OrderViewModel(workspace.prescribing(), id, context.tasks(), text, () -> {
                chart.reload();
                countWaiting();
            });
            holder[0].addOrderTab(order, text);
        }
        if (context.trace().enabled()) { // the GUI bench: the chart's own content, then every panel's
            context.trace().markDrawnWhenDone(chart.loadingProperty(), root::getScene, "chart-shown");
            chart.loadingProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (!now) {
                        chart.loadingProperty().removeListener(this);
                        // the panels that follow the chart queued their loads on the store thread as it arrived:
                        // a step queued behind them ends after all of them, and its answer after theirs
                        context.tasks().run("trace-chart", () -> Boolean.TRUE,
                                done -> context.trace().markDrawn(root.getScene(), "chart-drawn"), failed -> { });
                    }
                }
            });
        }
        chart.open();
        show(new Screen("chart", holder[0].root(), holder[0]::focus, Optional.of(holder[0])));
    }

    private void showForm(Optional<Patient> existing) {
        PatientFormViewModel model = new PatientFormViewModel(workspace.patients(), context.tasks(), context.text(),
                workspace.clock(), existing, saved -> {
                    searchModel.refresh();
                    openChart(saved.id());
                }, this::openChart);
        Runnable cancel = existing.isPresent() ? () -> openChart(existing.get().id()) : this::showSearch;
        PatientFormView view = new PatientFormView(model, context.text(), cancel);
        show(new Screen(existing.isPresent() ? "edit-patient" : "new-patient", view.root(), view::focus,
                Optional.empty()));
    }

    /** The signed-in user's change-password form. */
    public void openPassword() {
        ChangePasswordViewModel model = new ChangePasswordViewModel(workspace.store().accounts(),
                workspace.user().username(), context.tasks(), context.text());
        ChangePasswordView view = new ChangePasswordView(model, context.text());
        show(new Screen("password", view.root(), view::focus, Optional.empty()));
    }

    /** The pharmacist's review queue; does nothing for users who do not review orders. */
    public void openReview() {
        if (!workspace.reviewsOrders()) {
            return;
        }
        ReviewQueueViewModel model = new ReviewQueueViewModel(workspace.prescribing(), context.tasks(), context.text(),
                workspace.clock());
        model.items().addListener((javafx.collections.ListChangeListener<Object>) c ->
                reviewButton.setText(context.text().get("nav.review", model.items().size())));
        model.onOpenChart(this::openChart);
        ReviewQueueView view = new ReviewQueueView(model, context.text());
        model.refresh();
        show(new Screen("review", view.root(), view::focus, Optional.empty()));
    }

    /** Updates the number on the review button in the background. */
    private void countWaiting() {
        if (reviewButton != null) {
            context.tasks().run("review-count", workspace.prescribing()::waiting,
                    n -> reviewButton.setText(context.text().get("nav.review", n)));
        }
    }

    /** Every model and clinical table in force (for every role), with the learned models' cards. */
    public void openModels() {
        ModelsAndContentViewModel model = new ModelsAndContentViewModel(() -> BundledModels.all(workspace.content()), workspace::content,
                context.tasks(), context.text());
        ModelsAndContentView view = new ModelsAndContentView(model, context.text());
        model.refresh();
        show(new Screen("models", view.root(), view::focus, Optional.empty()));
    }

    /** The administrator's screen; does nothing for other roles. */
    public void openAdmin() {
        if (!workspace.isAdmin()) {
            return;
        }
        AdminViewModel model = new AdminViewModel(workspace.store(), workspace.audit(), workspace.session(),
                context.tasks(), context.text(), workspace.clock());
        AdminView view = new AdminView(model, context.text());
        model.refresh();
        show(new Screen("admin", view.root(), view::focus, Optional.empty()));
    }

    private static MenuItem menuItem(String id, String label, Runnable action) {
        MenuItem item = new MenuItem(label);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void show(Screen screen) {
        current = screen;
        content.getChildren().setAll(screen.root());
        screen.focus().run();
    }
}
