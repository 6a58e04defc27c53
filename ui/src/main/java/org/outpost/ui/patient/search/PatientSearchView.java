package org.outpost.ui.patient.search;

import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.outpost.app.domain.PatientSummary;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The home screen: a search field that keeps the focus, and the matching patients. Up and Down in the
 * field move through the results; Enter or a double click opens the selected chart.
 */
public final class PatientSearchView {
    private final BorderPane root = new BorderPane();
    private final TextField field = new TextField();
    private final TableView<PatientSummary> table = new TableView<>();
    /** A search is answered in about a millisecond: the spinner shows only for one that takes this long. */
    private static final java.time.Duration SPINNER_AFTER = java.time.Duration.ofMillis(400);

    public PatientSearchView(PatientSearchViewModel model, UiText text, Runnable onNewPatient) {
        field.setId("search-field");
        field.setPromptText(text.get("search.prompt"));
        field.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(field, Priority.ALWAYS);
        ProgressIndicator busy = org.outpost.ui.controls.Spinners.whileBusy(model.searchingProperty(), 18,
                SPINNER_AFTER);
        Button newPatient = Labels.button("search-new-patient", text.get("search.newPatient"), onNewPatient);
        HBox bar = new HBox(8, Labels.forControl(text.get("search.label"), field), field, busy, newPatient);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        table.setId("search-results");
        table.setItems(model.results());
        table.setPlaceholder(new Label(text.get("search.placeholder")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        DateTimeFormatter date = DateTimeFormatter.ISO_LOCAL_DATE;
        table.getColumns().add(column(text.get("search.column.name"),
                p -> p.familyName() + ", " + p.givenName(), 260));
        table.getColumns().add(column(text.get("search.column.born"), p -> date.format(p.birthDate()), 110));
        table.getColumns().add(column(text.get("search.column.age"),
                p -> Integer.toString(model.age(p.birthDate())), 60));
        table.getColumns().add(column(text.get("search.column.sex"), p -> text.sex(p.sex()), 90));
        table.getColumns().add(column(text.get("search.column.mrn"), p -> p.mrn().value(), 140));
        table.setRowFactory(t -> {
            TableRow<PatientSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        model.results().addListener((javafx.collections.ListChangeListener<PatientSummary>) c -> {
            if (!model.results().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });
        field.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            var selection = table.getSelectionModel();
            int last = model.results().size() - 1;
            switch (e.getCode()) {
                case DOWN -> {
                    selection.select(Math.min(last, selection.getSelectedIndex() + 1));
                    table.scrollTo(selection.getSelectedIndex());
                    e.consume();
                }
                case UP -> {
                    selection.select(Math.max(0, selection.getSelectedIndex() - 1));
                    table.scrollTo(selection.getSelectedIndex());
                    e.consume();
                }
                case ENTER -> {
                    model.open(selection.getSelectedItem());
                    e.consume();
                }
                default -> { }
            }
        });

        Label status = new Label();
        status.setId("search-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());

        VBox top = new VBox(6, Labels.heading(text.get("search.title")), bar);
        top.setPadding(new Insets(0, 0, 8, 0));
        root.setTop(top);
        root.setCenter(table);
        root.setBottom(status);
        BorderPane.setMargin(status, new Insets(6, 0, 0, 0));
        root.setPadding(new Insets(14));
        root.setId("search-view");
    }

    private static TableColumn<PatientSummary, String> column(String title,
            java.util.function.Function<PatientSummary, String> value, double width) {
        TableColumn<PatientSummary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public Parent root() {
        return root;
    }

    /** Focuses the search field and selects its text, ready for a new query. */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

}
