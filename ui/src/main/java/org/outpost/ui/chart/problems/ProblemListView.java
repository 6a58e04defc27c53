package org.outpost.ui.chart.problems;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.outpost.app.domain.ConditionStatus;
import org.outpost.app.domain.SmokingStatus;
import org.outpost.app.problems.ProblemTerm;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The "Problems" tab: smoking status, the problem list with its review state, and the editors (for users who may
 * edit the record). Thin: all state lives in {@link ProblemListViewModel}. Each field keeps a line under it for its
 * error, so nothing moves when one appears.
 */
public final class ProblemListView {
    private final ScrollPane root;

    public ProblemListView(ProblemListViewModel model, UiText text) {
        // smoking
        Label smokingLine = new Label();
        smokingLine.setId("problems-smoking-line");
        smokingLine.textProperty().bind(model.smokingLineProperty());
        VBox smoking = new VBox(6, Labels.heading(text.get("chart.problems.smoking.heading")), smokingLine);
        if (model.mayEdit()) {
            ChoiceBox<SmokingStatus> status = new ChoiceBox<>(FXCollections.observableArrayList(SmokingStatus.values()));
            status.setId("problems-smoking-status");
            status.setConverter(labels(s -> ProblemListViewModel.statusLabel(text, s)));
            status.valueProperty().bindBidirectional(model.smokingProperty());
            TextField perDay = new TextField();
            perDay.setId("problems-smoking-perday");
            perDay.setPrefColumnCount(4);
            perDay.textProperty().bindBidirectional(model.perDayProperty());
            perDay.disableProperty().bind(model.perDayEnabledProperty().not());
            TextField asOf = new TextField();
            asOf.setId("problems-smoking-asof");
            asOf.setPrefColumnCount(9);
            asOf.textProperty().bindBidirectional(model.asOfProperty());
            Button save = Labels.button("problems-smoking-save", text.get("chart.problems.smoking.save"), model::saveSmoking);
            save.disableProperty().bind(model.busyProperty());
            HBox form = new HBox(10,
                    field(Labels.forControl(text.get("chart.problems.smoking.status"), status), status,
                            model.smokingErrorProperty(), "problems-smoking-status-error"),
                    field(Labels.forControl(text.get("chart.problems.smoking.perDay"), perDay), perDay,
                            model.perDayErrorProperty(), "problems-smoking-perday-error"),
                    field(Labels.forControl(text.get("chart.problems.smoking.asOf"), asOf), asOf,
                            model.asOfErrorProperty(), "problems-smoking-asof-error"),
                    save);
            form.setAlignment(Pos.TOP_LEFT);
            HBox.setMargin(save, new Insets(20, 0, 0, 0));
            smoking.getChildren().add(form);
        }

        // the list
        Label review = new Label();
        review.setId("problems-review-line");
        review.textProperty().bind(model.reviewLineProperty());
        review.setWrapText(true);
        HBox reviewRow = new HBox(10, review);
        reviewRow.setAlignment(Pos.CENTER_LEFT);
        TableView<ProblemRow> table = new TableView<>(model.rows());
        table.setId("problems-table");
        table.setPlaceholder(new Label(text.get("chart.problems.empty")));
        table.getColumns().add(column(text.get("chart.problems.column.problem"), ProblemRow::term, 230));
        table.getColumns().add(column(text.get("chart.problems.column.code"), ProblemRow::code, 150));
        table.getColumns().add(column(text.get("chart.problems.column.status"), ProblemRow::status, 140));
        table.getColumns().add(column(text.get("chart.problems.column.onset"), ProblemRow::onset, 95));
        table.getColumns().add(column(text.get("chart.problems.column.models"), ProblemRow::readBy, 150));
        table.getColumns().add(column(text.get("chart.problems.column.recorded"), ProblemRow::recorded, 170));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(210);
        table.setMinHeight(140);
        VBox list = new VBox(6, Labels.heading(text.get("chart.problems.heading")), reviewRow, table);

        VBox page = new VBox(16, smoking, list);
        if (model.mayEdit()) {
            Button reviewed = Labels.button("problems-mark-reviewed", text.get("chart.problems.markReviewed"),
                    model::markReviewed);
            reviewed.disableProperty().bind(model.busyProperty());
            reviewRow.getChildren().add(reviewed);
            Button toggle = Labels.button("problems-toggle", text.get("chart.problems.toggle"),
                    () -> model.toggle(table.getSelectionModel().getSelectedItem()));
            toggle.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                    .or(model.busyProperty()));
            table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> toggle.setText(row == null
                    || row.active() ? text.get("chart.problems.toggle") : text.get("chart.problems.reactivate")));
            list.getChildren().add(toggle);
            page.getChildren().add(addForm(model, text));
        }
        Label message = new Label();
        message.setId("problems-message");
        message.textProperty().bind(model.messageProperty());
        Label error = new Label();
        error.setId("problems-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        page.getChildren().addAll(message, error);
        page.setPadding(new Insets(10));
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.setId("problems-view");
    }

    private static Node addForm(ProblemListViewModel model, UiText text) {
        TextField query = new TextField();
        query.setId("problems-query");
        query.setPromptText(text.get("chart.problems.queryPrompt"));
        query.textProperty().bindBidirectional(model.queryProperty());
        ListView<ProblemTerm> matches = new ListView<>(model.matches());
        matches.setId("problems-matches");
        matches.setPrefHeight(120);
        matches.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ProblemTerm item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : model.termLabel(item)
                        + (item.concepts().isEmpty() ? "" : "  \u2022 " + text.get("chart.problems.readByModels")));
            }
        });
        matches.setOnMouseClicked(e -> model.choose(matches.getSelectionModel().getSelectedItem()));
        matches.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.choose(matches.getSelectionModel().getSelectedItem());
            }
        });
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !model.matches().isEmpty()) {
                matches.requestFocus();
                matches.getSelectionModel().selectFirst();
            }
        });
        TextField onset = new TextField();
        onset.setId("problems-onset");
        onset.setPrefColumnCount(9);
        onset.setPromptText(text.get("chart.problems.onsetPrompt"));
        onset.textProperty().bindBidirectional(model.onsetProperty());
        ChoiceBox<ConditionStatus> status = new ChoiceBox<>(FXCollections.observableArrayList(ConditionStatus.values()));
        status.setId("problems-status");
        status.setConverter(labels(s -> switch (s) {
            case ACTIVE -> text.get("chart.problems.status.active");
            case INACTIVE -> text.get("chart.problems.status.inactive");
            case RESOLVED -> text.get("chart.problems.status.resolved");
        }));
        status.valueProperty().bindBidirectional(model.statusProperty());
        Button add = Labels.button("problems-add", text.get("chart.problems.add"), model::add);
        add.disableProperty().bind(model.busyProperty());
        VBox term = field(Labels.forControl(text.get("chart.problems.term"), query), query, model.termErrorProperty(),
                "problems-term-error");
        HBox.setHgrow(term, Priority.ALWAYS);
        HBox row = new HBox(10, term,
                field(Labels.forControl(text.get("chart.problems.onset"), onset), onset, model.onsetErrorProperty(),
                        "problems-onset-error"),
                field(Labels.forControl(text.get("chart.problems.status"), status), status,
                        new ReadOnlyStringWrapper("").getReadOnlyProperty(), "problems-status-error"),
                add);
        HBox.setMargin(add, new Insets(20, 0, 0, 0));
        return new VBox(6, Labels.heading(text.get("chart.problems.addHeading")), row, matches);
    }

    /** A label, the control, and a line kept for its error (empty when none, so the layout never jumps). */
    private static VBox field(Label label, Node control, ReadOnlyStringProperty errorText, String errorId) {
        Label error = new Label();
        error.setId(errorId);
        error.getStyleClass().add("field-error");
        error.textProperty().bind(errorText);
        error.setMinHeight(18);
        return new VBox(2, label, control, error);
    }

    private static <T> StringConverter<T> labels(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static TableColumn<ProblemRow, String> column(String title, Function<ProblemRow, String> value, double width) {
        TableColumn<ProblemRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 90));
        return c;
    }

    public Parent root() {
        return root;
    }
}
