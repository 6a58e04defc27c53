package org.outpost.ui.chart.results;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Unit;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The administrator's "Result units" tab: one drop-down per measure that has more than one unit. A choice is saved
 * as soon as it is made, and every chart opened afterwards shows the measure in it.
 */
public final class ResultUnitsView {
    private final Tab tab;

    public ResultUnitsView(ResultUnitsViewModel model, UiText text) {
        Label title = new Label(text.get("results.units.title"));
        title.getStyleClass().add("section");
        Label note = new Label(text.get("results.units.note"));
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        for (Measure m : model.measures()) {
            ComboBox<Unit> units = new ComboBox<>();
            units.setId("result-unit-" + m.name());
            units.getItems().setAll(m.units());
            units.setConverter(new StringConverter<>() {
                @Override
                public String toString(Unit u) {
                    return u == null ? "" : u.display();
                }

                @Override
                public Unit fromString(String s) {
                    throw new UnsupportedOperationException();
                }
            });
            units.valueProperty().bindBidirectional(model.unitProperty(m));
            units.setOnAction(e -> model.choose(m, units.getValue()));
            units.disableProperty().bind(model.busyProperty());
            grid.addRow(row++, Labels.forControl(model.measureName(m), units), units);
        }
        Label status = new Label();
        status.setId("result-units-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        VBox box = new VBox(8, title, note, grid, status);
        box.setPadding(new Insets(10));
        tab = new Tab(text.get("results.units.tab"), box);
        tab.setId("admin-tab-result-units");
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                model.refresh();
            }
        });
    }

    public Tab tab() {
        return tab;
    }
}
