package org.outpost.ui.chart.record;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Unit;
import org.outpost.ui.controls.DateFields;
import org.outpost.ui.controls.FieldErrors;
import org.outpost.ui.controls.Keys;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The form for recording vitals and labs: one line per measure with its unit chooser, the specific
 * message next to a refused value, and the time of measurement. Enter saves, Esc closes.
 */
public final class RecordObservationsView {
    private final VBox root = new VBox(10);
    private final TextField first;

    public RecordObservationsView(RecordObservationsViewModel model, UiText text, Runnable onClose) {
        // two lines kept under each value: most refusals ("320 mmHg is implausible …") fit, so nothing moves
        FieldErrors errors = new FieldErrors(300, 2);
        DatePicker date = DateFields.picker("record-date", model.dateTextProperty());
        TextField time = new TextField();
        time.setId("record-time");
        time.setPrefColumnCount(5);
        time.textProperty().bindBidirectional(model.timeProperty());
        Label dateLabel = Labels.forControl(text.get("record.date"), date);
        Label timeLabel = Labels.forControl(text.get("record.time"), time);
        dateLabel.setPadding(new Insets(4, 0, 0, 0));
        timeLabel.setPadding(new Insets(4, 0, 0, 0));
        HBox when = new HBox(8, dateLabel, errors.attach(date, model.dateErrorProperty()),
                timeLabel, errors.attach(time, model.timeErrorProperty()));
        when.setAlignment(Pos.TOP_LEFT);

        GridPane vitals = grid();
        GridPane labs = grid();
        TextField firstField = null;
        int vitalRow = 0;
        int labRow = 0;
        for (MeasureEntry entry : model.entries()) {
            Measure m = entry.measure();
            TextField field = new TextField();
            field.setId("record-" + m.name());
            field.setPrefColumnCount(7);
            field.textProperty().bindBidirectional(entry.textProperty());
            if (firstField == null) {
                firstField = field;
            }
            field.setMaxWidth(Region.USE_PREF_SIZE);
            field.setMinWidth(Region.USE_PREF_SIZE);
            Node unit;
            if (entry.units().size() > 1) {
                ComboBox<Unit> chooser = new ComboBox<>();
                chooser.setId("record-" + m.name() + "-unit");
                chooser.getItems().setAll(entry.units());
                chooser.valueProperty().bindBidirectional(entry.unitProperty());
                chooser.setPrefWidth(105);
                chooser.setMinWidth(Region.USE_PREF_SIZE);
                unit = chooser;
            } else {
                Label fixed = new Label(m.canonicalUnit().display());
                fixed.setMinWidth(Region.USE_PREF_SIZE);
                unit = fixed;
            }
            Label converted = new Label();
            converted.getStyleClass().add("muted");
            converted.setMinWidth(Region.USE_PREF_SIZE);
            converted.textProperty().bind(entry.convertedProperty());
            HBox line = new HBox(6, field, unit, converted);
            line.setAlignment(Pos.CENTER_LEFT);
            Node valueAndUnit = errors.attach(field, line, entry.errorProperty());
            Label label = Labels.forControl(text.get("record.measureLabel", text.measure(m)), field);
            GridPane.setValignment(label, javafx.geometry.VPos.TOP);
            label.setPadding(new Insets(4, 0, 0, 0));
            if (m.category() == Measure.Category.VITAL) {
                vitals.addRow(vitalRow++, label, valueAndUnit);
            } else {
                labs.addRow(labRow++, label, valueAndUnit);
            }
        }
        first = firstField;
        VBox vitalsBox = new VBox(6, section(text.get("record.vitals")), vitals);
        VBox labsBox = new VBox(6, section(text.get("record.labs")), labs);
        HBox columns = new HBox(28, vitalsBox, labsBox);

        Label formError = new Label();
        formError.setId("record-form-error");
        formError.getStyleClass().add("form-error");
        formError.textProperty().bind(model.formErrorProperty());
        Button save = Labels.button("record-save", text.get("record.save"), model::save);
        save.disableProperty().bind(model.busyProperty());
        Button cancel = Labels.button("record-cancel", text.get("common.close"), onClose);
        save.defaultButtonProperty().bind(root.visibleProperty());
        HBox actions = new HBox(10, save, cancel);

        ScrollPane scroll = new ScrollPane(new VBox(12, when, columns));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(Labels.heading(text.get("record.title")), scroll, formError, actions);
        root.getStyleClass().add("sheet");
        root.setPadding(new Insets(16));
        root.setId("record-view");
        root.setMaxSize(1100, 640); // two columns of label, value, unit and conversion hint fit without scrolling
        Keys.submitOnEnter(root, model::save);
        Keys.closeOnEscape(root, onClose);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(160);
        g.getColumnConstraints().add(label);
        return g;
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section");
        return l;
    }

    public Parent root() {
        return root;
    }

    /** Focuses the first value field. */
    public void focus() {
        first.requestFocus();
    }
}
