package org.outpost.ui.admin;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.User;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/** The administrator's screen: a users tab and an audit log tab (filters, rows in words, CSV export). */
public final class AdminView {
    /** The export button's property key for a stand-in for the save dialog ({@code Function<Window, Path>}). */
    public static final String EXPORT_TARGET = "outpost.exportTarget";

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();

    public AdminView(AdminViewModel model, UiText text) {
        tabs.getTabs().addAll(usersTab(model, text), auditTab(model, text));
        tabs.getTabs().add(new org.outpost.ui.chart.results.ResultUnitsView(model.resultUnits(), text).tab());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label status = new Label();
        status.setId("admin-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        root.setTop(Labels.heading(text.get("admin.title")));
        root.setCenter(tabs);
        root.setBottom(status);
        root.setPadding(new Insets(14));
        root.setId("admin-view");
    }

    private static Tab usersTab(AdminViewModel model, UiText text) {
        TableView<User> users = new TableView<>(model.users());
        users.setId("admin-users");
        users.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        users.getColumns().add(column(text.get("admin.column.username"), User::username, 140));
        users.getColumns().add(column(text.get("admin.column.displayName"), User::displayName, 200));
        users.getColumns().add(column(text.get("admin.column.role"), u -> model.role(u.role()), 130));
        users.getColumns().add(column(text.get("admin.column.enabled"),
                u -> text.get(u.enabled() ? "common.yes" : "common.no"), 80));
        users.getSelectionModel().selectedItemProperty().addListener((o, a, u) -> model.selectedProperty().set(u));

        TextField username = new TextField();
        username.setId("admin-new-username");
        username.textProperty().bindBidirectional(model.newUsernameProperty());
        TextField displayName = new TextField();
        displayName.setId("admin-new-display-name");
        displayName.textProperty().bindBidirectional(model.newDisplayNameProperty());
        ComboBox<Role> role = new ComboBox<>();
        role.setId("admin-new-role");
        role.getItems().setAll(Role.values());
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : model.role(r);
            }

            @Override
            public Role fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        role.valueProperty().bindBidirectional(model.newRoleProperty());
        PasswordField password = new PasswordField();
        password.setId("admin-new-password");
        password.textProperty().bindBidirectional(model.newPasswordProperty());
        Label addError = errorLabel("admin-new-error");
        addError.textProperty().bind(model.newUserErrorProperty());
        Button add = Labels.button("admin-add-user", text.get("admin.addUser"), model::addUser);
        add.disableProperty().bind(model.busyProperty());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, Labels.forControl(text.get("admin.username"), username), username);
        form.addRow(1, Labels.forControl(text.get("admin.displayName"), displayName), displayName);
        form.addRow(2, Labels.forControl(text.get("admin.role"), role), role);
        form.addRow(3, Labels.forControl(text.get("admin.password"), password), password);
        Label rules = new Label(text.domain("password.rules", org.outpost.app.validation.PasswordPolicy.MIN_LENGTH));
        rules.setWrapText(true);
        rules.getStyleClass().add("rules");

        PasswordField reset = new PasswordField();
        reset.setId("admin-reset-password");
        reset.textProperty().bindBidirectional(model.resetPasswordProperty());
        Label resetError = errorLabel("admin-reset-error");
        resetError.textProperty().bind(model.resetErrorProperty());
        Button resetButton = Labels.button("admin-reset", text.get("admin.reset"), model::resetSelected);
        Button disable = Labels.button("admin-disable", text.get("admin.disable"), model::disableSelected);
        disable.disableProperty().bind(model.selectedProperty().isNull());
        resetButton.disableProperty().bind(model.selectedProperty().isNull());

        VBox side = new VBox(8, section(text.get("admin.addTitle")), form, rules, addError, add,
                section(text.get("admin.selectedTitle")),
                Labels.forControl(text.get("admin.newPassword"), reset), reset, resetError,
                new HBox(8, resetButton, disable));
        side.setPrefWidth(340);
        side.setMinWidth(300);
        // the form and its messages may be taller than a 720-line screen leaves: it scrolls, the table does not
        javafx.scene.control.ScrollPane sideScroll = new javafx.scene.control.ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.setMinWidth(Region.USE_PREF_SIZE);
        sideScroll.getStyleClass().add("edge-to-edge");
        HBox box = new HBox(14, users, sideScroll);
        HBox.setHgrow(users, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        Tab tab = new Tab(text.get("admin.tab.users"), box);
        tab.setId("admin-tab-users");
        return tab;
    }

    private static Tab auditTab(AdminViewModel admin, UiText text) {
        AuditLogViewModel model = admin.auditLog();
        TableView<AuditRow> table = new TableView<>(model.rows());
        table.setId("admin-audit");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(text.get("admin.audit.none")));
        table.getColumns().add(column(text.get("admin.column.sequence"), e -> Long.toString(e.entry().sequence()), 45));
        table.getColumns().add(column(text.get("admin.column.when"), model::when, 145));
        table.getColumns().add(column(text.get("admin.column.user"), model::user, 160));
        table.getColumns().add(column(text.get("admin.column.role"), model::role, 100));
        table.getColumns().add(column(text.get("admin.column.action"), model::action, 205));
        table.getColumns().add(withTooltips(column(text.get("admin.column.patient"), model::patient, 240)));
        table.getColumns().add(withTooltips(column(text.get("admin.column.detail"), model::detail, 240)));
        VBox filters = auditFilters(model, text);
        Label summary = new Label();
        summary.setId("admin-audit-summary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(model.summaryProperty());
        Button more = Labels.button("admin-audit-more", text.get("admin.audit.more"), model::showMore);
        more.visibleProperty().bind(model.moreProperty());
        more.managedProperty().bind(more.visibleProperty());
        Button export = Labels.button("admin-audit-export", text.get("admin.audit.export"), () -> { });
        export.setOnAction(e -> chooseExportFile(export, text, model.suggestedFileName()).ifPresent(model::export));
        export.disableProperty().bind(model.exportingProperty());
        ProgressBar exportProgress = new ProgressBar();
        exportProgress.setId("admin-audit-export-progress");
        exportProgress.progressProperty().bind(model.exportProgressProperty());
        exportProgress.visibleProperty().bind(model.exportingProperty());
        exportProgress.managedProperty().bind(exportProgress.visibleProperty());
        Label exportStatus = new Label();
        exportStatus.setId("admin-audit-export-status");
        exportStatus.setWrapText(true);
        exportStatus.textProperty().bind(model.exportStatusProperty());
        HBox footer = new HBox(10, summary, more, export, exportProgress, exportStatus);
        footer.setAlignment(Pos.CENTER_LEFT);
        Button refresh = Labels.button("admin-audit-refresh", text.get("admin.audit.refresh"), admin::refreshAudit);
        Button verify = Labels.button("admin-verify", text.get("admin.audit.verify"), admin::verify);
        Label result = new Label();
        result.setId("admin-verification");
        result.textProperty().bind(admin.verificationProperty());
        admin.chainIntactProperty().addListener((o, a, intact) -> result.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("broken"), !intact));
        result.getStyleClass().add("verification");
        HBox bar = new HBox(10, refresh, verify, result, new javafx.scene.control.Separator(
                javafx.geometry.Orientation.VERTICAL));
        bar.setAlignment(Pos.CENTER_LEFT);
        Button verifyAll = Labels.button("admin-verify-database", text.get("admin.integrity.verify"),
                admin::verifyDatabase);
        verifyAll.disableProperty().bind(admin.verifyingProperty());
        javafx.scene.control.ProgressIndicator progress = org.outpost.ui.controls.Spinners.whileBusy(
                admin.verifyingProperty(), 18);
        progress.setId("admin-integrity-progress");
        progress.managedProperty().bind(progress.visibleProperty());
        Label integrity = new Label();
        integrity.setId("admin-integrity");
        integrity.setWrapText(true);
        integrity.textProperty().bind(admin.integrityProperty());
        integrity.getStyleClass().add("verification");
        admin.databaseIntactProperty().addListener((o, a, intact) -> integrity.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("broken"), !intact));
        javafx.scene.control.ListView<String> damage = new javafx.scene.control.ListView<>(admin.damage());
        damage.setId("admin-integrity-damage");
        damage.setPrefHeight(90);
        damage.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(admin.damage()));
        damage.managedProperty().bind(damage.visibleProperty());
        bar.getChildren().addAll(verifyAll, progress, integrity);
        VBox box = new VBox(8, bar, damage, filters, table, footer);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        Tab tab = new Tab(text.get("admin.tab.audit"), box);
        tab.setId("admin-tab-audit");
        return tab;
    }

    /** User, patient, action and day filters; each change runs the search again. */
    private static VBox auditFilters(AuditLogViewModel model, UiText text) {
        ComboBox<User> user = new ComboBox<>(model.users());
        user.setId("admin-audit-user");
        user.setConverter(converter(u -> u == null ? text.get("admin.audit.filter.anyUser") : model.userChoice(u)));
        user.setButtonCell(nullAware(u -> u == null ? text.get("admin.audit.filter.anyUser") : model.userChoice(u)));
        user.valueProperty().bindBidirectional(model.userProperty());
        TextField patient = new TextField();
        patient.setId("admin-audit-patient");
        patient.setPromptText(text.get("admin.audit.filter.patientPrompt"));
        patient.textProperty().bindBidirectional(model.patientProperty());
        patient.setOnAction(e -> model.search());
        ComboBox<AuditAction> action = new ComboBox<>();
        action.setId("admin-audit-action");
        action.getItems().setAll(java.util.Arrays.stream(AuditAction.values())
                .sorted(java.util.Comparator.comparing(model::action)).toList());
        action.setConverter(converter(a -> a == null ? text.get("admin.audit.filter.anyAction") : model.action(a)));
        action.setButtonCell(nullAware(a -> a == null ? text.get("admin.audit.filter.anyAction") : model.action(a)));
        action.valueProperty().bindBidirectional(model.actionProperty());
        DatePicker from = new DatePicker();
        from.setConverter(isoDates());
        from.setId("admin-audit-from");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(model.fromDayProperty());
        DatePicker to = new DatePicker();
        to.setConverter(isoDates());
        to.setId("admin-audit-to");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(model.toDayProperty());
        for (javafx.beans.value.ObservableValue<?> changed : List.of(user.valueProperty(), action.valueProperty(),
                from.valueProperty(), to.valueProperty())) {
            changed.addListener((o, a, b) -> model.search());
        }
        Button search = Labels.button("admin-audit-search", text.get("admin.audit.filter.search"), model::search);
        Button clear = Labels.button("admin-audit-clear", text.get("admin.audit.filter.clear"), () -> {
            patient.setText("");
            user.setValue(null);
            action.setValue(null);
            from.setValue(null);
            to.setValue(null);
            model.search();
        });
        user.setPrefWidth(220);
        patient.setPrefWidth(200);
        action.setPrefWidth(260);
        HBox who = new HBox(8, label(text.get("admin.audit.filter.user"), user), user,
                label(text.get("admin.audit.filter.patient"), patient), patient,
                label(text.get("admin.audit.filter.action"), action), action);
        who.setAlignment(Pos.CENTER_LEFT);
        Label error = errorLabel("admin-audit-filter-error");
        error.textProperty().bind(model.filterErrorProperty());
        HBox when = new HBox(8, label(text.get("admin.audit.filter.from"), from), from,
                label(text.get("admin.audit.filter.to"), to), to, search, clear, error);
        when.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, who, when);
    }

    /**
     * Where to write the CSV: a save dialog, unless the export button's properties hold a
     * {@code Function<Window, Path>} under {@link #EXPORT_TARGET} (a desktop without a native dialog, e.g. the
     * headless journey tests, answers with a path; null means cancelled).
     */
    private static Optional<Path> chooseExportFile(Button export, UiText text, String fileName) {
        Window window = export.getScene() == null ? null : export.getScene().getWindow();
        if (export.getProperties().get(EXPORT_TARGET) instanceof Function<?, ?> f) {
            @SuppressWarnings("unchecked")
            Function<Window, Path> chooser = (Function<Window, Path>) f;
            return Optional.ofNullable(chooser.apply(window));
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("admin.audit.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("admin.audit.export.type"),
                "*.csv"));
        chooser.setInitialFileName(fileName);
        return Optional.ofNullable(chooser.showSaveDialog(window)).map(java.io.File::toPath);
    }

    /** Cells that show their whole text in a tooltip, for columns whose text is often cut. */
    private static <R> TableColumn<R, String> withTooltips(TableColumn<R, String> column) {
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return column;
    }

    private static Label label(String title, javafx.scene.Node control) {
        Label l = Labels.forControl(title, control);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return show.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** A combo box's button cell that shows "any …" for no choice (the default one goes blank). */
    private static <T> ListCell<T> nullAware(Function<T, String> show) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(show.apply(empty ? null : item));
            }
        };
    }

    private static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("form-error");
        l.setWrapText(true);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section");
        return l;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public Parent root() {
        return root;
    }

    public void focus() {
        tabs.requestFocus();
    }

    /** Dates shown ISO and read ISO or day first, as everywhere else in Outpost (never the locale's m/d/y). */
    private static javafx.util.StringConverter<java.time.LocalDate> isoDates() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(java.time.LocalDate date) {
                return org.outpost.ui.text.DateText.format(date);
            }

            @Override
            public java.time.LocalDate fromString(String typed) {
                return org.outpost.ui.text.DateText.parse(typed).orElse(null);
            }
        };
    }
}
