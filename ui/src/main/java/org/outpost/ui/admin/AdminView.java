package org.outpost.ui.admin;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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
import javafx.util.StringConverter;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.User;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/** The administrator's screen: a users tab and an audit log tab. */
public final class AdminView {
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();

    public AdminView(AdminViewModel model, UiText text) {
        tabs.getTabs().addAll(usersTab(model, text), auditTab(model, text));
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

    private static Tab auditTab(AdminViewModel model, UiText text) {
        TableView<AuditEntry> table = new TableView<>(model.auditRows());
        table.setId("admin-audit");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(text.get("admin.column.sequence"), e -> Long.toString(e.sequence()), 70));
        table.getColumns().add(column(text.get("admin.column.when"), model::when, 150));
        table.getColumns().add(column(text.get("admin.column.user"), e -> e.event().username(), 110));
        table.getColumns().add(column(text.get("admin.column.action"), e -> e.event().action().name(), 170));
        table.getColumns().add(column(text.get("admin.column.patient"),
                e -> e.event().patient().map(Object::toString).orElse(""), 270));
        table.getColumns().add(column(text.get("admin.column.detail"), e -> e.event().detail(), 120));
        Button refresh = Labels.button("admin-audit-refresh", text.get("admin.audit.refresh"), model::refreshAudit);
        Button verify = Labels.button("admin-verify", text.get("admin.audit.verify"), model::verify);
        Label result = new Label();
        result.setId("admin-verification");
        result.textProperty().bind(model.verificationProperty());
        model.chainIntactProperty().addListener((o, a, intact) -> result.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("broken"), !intact));
        result.getStyleClass().add("verification");
        HBox bar = new HBox(10, refresh, verify, result);
        bar.setAlignment(Pos.CENTER_LEFT);
        Button verifyAll = Labels.button("admin-verify-database", text.get("admin.integrity.verify"),
                model::verifyDatabase);
        verifyAll.disableProperty().bind(model.verifyingProperty());
        javafx.scene.control.ProgressIndicator progress = org.outpost.ui.controls.Spinners.whileBusy(
                model.verifyingProperty(), 18);
        progress.setId("admin-integrity-progress");
        progress.managedProperty().bind(progress.visibleProperty());
        Label integrity = new Label();
        integrity.setId("admin-integrity");
        integrity.setWrapText(true);
        integrity.textProperty().bind(model.integrityProperty());
        integrity.getStyleClass().add("verification");
        model.databaseIntactProperty().addListener((o, a, intact) -> integrity.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("broken"), !intact));
        javafx.scene.control.ListView<String> damage = new javafx.scene.control.ListView<>(model.damage());
        damage.setId("admin-integrity-damage");
        damage.setPrefHeight(90);
        damage.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.damage()));
        damage.managedProperty().bind(damage.visibleProperty());
        HBox integrityBar = new HBox(10, verifyAll, progress, integrity);
        integrityBar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, integrityBar, damage, bar, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        Tab tab = new Tab(text.get("admin.tab.audit"), box);
        tab.setId("admin-tab-audit");
        return tab;
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
}
