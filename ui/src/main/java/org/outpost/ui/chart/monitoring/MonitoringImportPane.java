package org.outpost.ui.chart.monitoring;

import java.io.File;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import org.outpost.app.domain.PatientId;
import org.outpost.ui.text.UiText;

/**
 * The monitoring tab's import row: "Import readings…" (a file chooser for Fitbit, Dexcom, generic CSV and FHIR JSON
 * files), then a progress bar with Cancel while the file is read, and the outcome in words.
 */
public final class MonitoringImportPane {
    private final HBox root = new HBox(8);

    /** @param patient the chart's patient, if one is open */
    public MonitoringImportPane(MonitoringImportViewModel model, Supplier<Optional<PatientId>> patient, UiText text) {
        Objects.requireNonNull(model);
        Objects.requireNonNull(patient);
        Button choose = new Button(text.get("monitoring.import.button"));
        choose.setId("monitoring-import");
        choose.setMnemonicParsing(false);
        ProgressBar bar = new ProgressBar();
        bar.setId("monitoring-import-progress");
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.importingProperty());
        bar.managedProperty().bind(model.importingProperty());
        Button cancel = new Button(text.get("monitoring.import.cancel"));
        cancel.setId("monitoring-import-cancel");
        cancel.visibleProperty().bind(model.importingProperty());
        cancel.managedProperty().bind(model.importingProperty());
        cancel.setOnAction(e -> model.cancel());
        Label status = new Label();
        status.setId("monitoring-import-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        choose.disableProperty().bind(model.importingProperty());
        choose.setOnAction(e -> patient.get().ifPresent(p -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.get("monitoring.import.title"));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(text.get("monitoring.import.type"), "*.csv", "*.json", "*.txt"),
                    new FileChooser.ExtensionFilter(text.get("monitoring.import.anyType"), "*"));
            File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                model.start(p, f.toPath(), Optional.empty());
            }
        }));
        root.getChildren().addAll(choose, bar, cancel, status);
        root.getStyleClass().add("monitoring-import");
    }

    public Node root() {
        return root;
    }
}
