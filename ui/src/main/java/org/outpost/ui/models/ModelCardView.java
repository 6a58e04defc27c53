package org.outpost.ui.models;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * A learned model's card, laid out as one scrolling page of sections: intended use and not, training data,
 * held-out metrics, a calibration plot (predicted against observed per bin, with the diagonal of perfect
 * calibration), the subgroup table (a flagged subgroup marked and highlighted, with its warnings), the compared
 * algorithms and why this one ships, known limits and provenance.
 */
public final class ModelCardView {
    private final ScrollPane root;

    public ModelCardView(ModelCardViewModel model, UiText text) {
        VBox page = new VBox(8);
        page.setPadding(new Insets(16));
        page.getStyleClass().add("model-card-page");
        Label title = Labels.heading(model.title());
        title.setId("model-card-title");
        title.setWrapText(true);

        page.getChildren().addAll(title,
                section(text.get("modelCard.section.use")), paragraph("model-card-intended-use", model.intendedUse()),
                section(text.get("modelCard.section.notFor")),
                warning(paragraph("model-card-not-intended", model.notIntendedFor())),
                section(text.get("modelCard.section.data")), facts("model-card-data", model.trainingData()),
                section(text.get("modelCard.section.metrics")), facts("model-card-metrics", model.heldOutMetrics()),
                section(text.get("modelCard.section.calibration")), calibrationChart(model, text),
                calibrationTable(model, text),
                section(text.get("modelCard.section.subgroups")));
        if (model.anySubgroupFlagged()) {
            page.getChildren().add(warning(paragraph("model-card-subgroups-note",
                    text.get("modelCard.subgroup.flaggedNote"))));
        }
        page.getChildren().addAll(subgroups(model, text),
                section(text.get("modelCard.section.comparison")), comparison(model, text),
                muted(paragraph("model-card-comparison-note", model.comparisonNote())),
                section(text.get("modelCard.section.why")), paragraph("model-card-why", model.whyShipped()),
                section(text.get("modelCard.section.limits")), limits(model),
                section(text.get("modelCard.section.provenance")), facts("model-card-provenance", model.provenance()),
                provenanceRecord(model, text));

        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.setId("model-card");
        root.getStyleClass().add("model-card");
    }

    public Region root() {
        return root;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section");
        label.setWrapText(true);
        return label;
    }

    private static Label paragraph(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label warning(Label label) {
        label.getStyleClass().add("model-card-warning");
        return label;
    }

    private static Label muted(Label label) {
        label.getStyleClass().add("muted");
        return label;
    }

    private static GridPane facts(String id, List<ModelCardViewModel.Fact> facts) {
        GridPane grid = grid(id);
        grid.getColumnConstraints().addAll(new ColumnConstraints(200, 220, 260), growing());
        for (int i = 0; i < facts.size(); i++) {
            Label name = cell(facts.get(i).label());
            name.getStyleClass().add("muted");
            grid.addRow(i, name, cell(facts.get(i).value()));
        }
        return grid;
    }

    private static LineChart<Number, Number> calibrationChart(ModelCardViewModel model, UiText text) {
        NumberAxis x = axis(text.get("modelCard.calibration.predicted"));
        NumberAxis y = axis(text.get("modelCard.calibration.observed"));
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("model-card-calibration");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        XYChart.Series<Number, Number> bins = new XYChart.Series<>();
        bins.setName(text.get("modelCard.calibration.model"));
        model.calibration().stream().filter(ModelCardViewModel.BinRow::plotted).forEach(b ->
                bins.getData().add(new XYChart.Data<>(b.meanPredicted(), b.observedShare())));
        XYChart.Series<Number, Number> ideal = new XYChart.Series<>();
        ideal.setName(text.get("modelCard.calibration.ideal"));
        ideal.getData().addAll(List.of(new XYChart.Data<>(0, 0), new XYChart.Data<>(1, 1)));
        chart.getData().addAll(List.of(bins, ideal));
        chart.setPrefSize(420, 340);
        chart.setMinHeight(300);
        chart.setMaxWidth(480);
        return chart;
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label, 0, 1, 0.2);
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        return axis;
    }

    private static GridPane calibrationTable(ModelCardViewModel model, UiText text) {
        GridPane grid = grid("model-card-bins");
        grid.addRow(0, header(text.get("modelCard.calibration.column.range")),
                header(text.get("modelCard.calibration.column.people")),
                header(text.get("modelCard.calibration.column.predicted")),
                header(text.get("modelCard.calibration.column.observed")));
        List<ModelCardViewModel.BinRow> rows = model.calibration();
        for (int i = 0; i < rows.size(); i++) {
            ModelCardViewModel.BinRow b = rows.get(i);
            grid.addRow(i + 1, cell(b.range()), cell(b.people()), cell(b.predicted()), cell(b.observed()));
        }
        return grid;
    }

    private static GridPane subgroups(ModelCardViewModel model, UiText text) {
        GridPane grid = grid("model-card-subgroups");
        grid.getColumnConstraints().addAll(fixed(), fixed(), fixed(), fixed(), fixed(), fixed(), fixed(),
                growing());
        grid.addRow(0, header(""), header(text.get("modelCard.subgroup.column.name")),
                header(text.get("modelCard.subgroup.column.people")),
                header(text.get("modelCard.subgroup.column.events")),
                header(text.get("modelCard.subgroup.column.auc")),
                header(text.get("modelCard.subgroup.column.brier")),
                header(text.get("modelCard.subgroup.column.slope")),
                header(text.get("modelCard.subgroup.column.warnings")));
        List<ModelCardViewModel.SubgroupRow> rows = model.subgroups();
        for (int i = 0; i < rows.size(); i++) {
            ModelCardViewModel.SubgroupRow s = rows.get(i);
            Label marker = cell(s.marker());
            marker.setId("model-card-subgroup-marker-" + i);
            Label warnings = cell(s.warnings());
            warnings.setId("model-card-subgroup-warning-" + i);
            List<Label> cells = List.of(marker, cell(s.name()), cell(s.people()), cell(s.events()), cell(s.auc()),
                    cell(s.brier()), cell(s.calibrationSlope()), warnings);
            if (s.flagged()) {
                cells.forEach(c -> c.getStyleClass().add("model-card-flagged"));
            }
            grid.addRow(i + 1, cells.toArray(Node[]::new));
        }
        return grid;
    }

    private static GridPane comparison(ModelCardViewModel model, UiText text) {
        GridPane grid = grid("model-card-comparison");
        ColumnConstraints algorithmColumn = growing();
        algorithmColumn.setMinWidth(160);
        grid.getColumnConstraints().addAll(algorithmColumn, fixed(), fixed(), fixed(), fixed(), fixed(), fixed());
        grid.addRow(0, header(text.get("modelCard.comparison.column.algorithm")), header(""),
                header(text.get("modelCard.comparison.column.cvAuc")),
                header(text.get("modelCard.comparison.column.cvBrier")),
                header(text.get("modelCard.comparison.column.heldOutAuc")),
                header(text.get("modelCard.comparison.column.heldOutBrier")),
                header(text.get("modelCard.comparison.column.heldOutSlope")));
        List<ModelCardViewModel.CandidateRow> rows = model.comparison();
        for (int i = 0; i < rows.size(); i++) {
            ModelCardViewModel.CandidateRow c = rows.get(i);
            Label algorithm = cell(c.algorithm());
            algorithm.setTooltip(new javafx.scene.control.Tooltip(c.settings()));
            Label shipped = cell(c.shippedText());
            if (c.shipped()) {
                shipped.getStyleClass().add("model-card-shipped");
            }
            grid.addRow(i + 1, algorithm, shipped, cell(c.cvAuc()), cell(c.cvBrier()), cell(c.heldOutAuc()),
                    cell(c.heldOutBrier()), cell(c.heldOutSlope()));
        }
        return grid;
    }

    private static VBox limits(ModelCardViewModel model) {
        VBox box = new VBox(4);
        box.setId("model-card-limits");
        model.limits().forEach(l -> box.getChildren().add(paragraph(null, "\u2022 " + l)));
        return box;
    }

    private static TextArea provenanceRecord(ModelCardViewModel model, UiText text) {
        TextArea area = new TextArea(model.tribuoProvenance());
        area.setId("model-card-tribuo-provenance");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(4);
        area.setAccessibleText(text.get("modelCard.provenance.record"));
        area.setPromptText(text.get("modelCard.provenance.record"));
        return area;
    }

    private static GridPane grid(String id) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(12);
        grid.setVgap(4);
        grid.getStyleClass().add("model-card-grid");
        return grid;
    }

    private static ColumnConstraints fixed() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(Region.USE_PREF_SIZE);
        return c;
    }

    private static ColumnConstraints growing() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setFillWidth(true);
        return c;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("model-card-header");
        return label;
    }

    private static Label cell(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMaxHeight(Double.MAX_VALUE); // a highlighted row's cells fill the row
        return label;
    }
}
