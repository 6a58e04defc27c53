package org.outpost.ui.chart;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.outpost.app.domain.Measure;
import org.outpost.app.results.ReferenceRange;
import org.outpost.app.results.ResultFlag;
import org.outpost.ui.chart.results.ResultText;
import org.outpost.ui.text.UiText;

/**
 * The "Vitals & labs" tab: the measures to pick a trend from, the trend of the picked one with its reference range
 * as two dashed lines and its abnormal points drawn apart, and every value in the site's unit with its flag (H, L,
 * HH, LL: text, not colour only) and its reference range. Selecting a row shows that row's measure's trend. The
 * chart draws at most {@link ChartViewModel#TREND_POINTS} points, without animation.
 */
final class ResultsView {
    private static final List<String> FLAG_CLASSES = List.of("result-normal", "result-low", "result-high",
            "result-critical-low", "result-critical-high");

    private final SplitPane root;

    /**
     * @param trend the chart made by {@link #trendChart}
     */
    ResultsView(ChartViewModel model, LineChart<Number, Number> trend, UiText text) {
        ListView<Measure> measures = new ListView<>(model.measures());
        measures.setId("chart-measures");
        measures.setPrefWidth(200);
        measures.setMinWidth(160);
        measures.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Measure m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : model.measureName(m));
            }
        });
        measures.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m != null) {
                model.selectedMeasureProperty().set(m);
            }
        });
        model.selectedMeasureProperty().addListener((o, a, m) -> measures.getSelectionModel().select(m));
        if (model.selectedMeasureProperty().get() != null) { // built after the chart loaded (on first selection)
            measures.getSelectionModel().select(model.selectedMeasureProperty().get());
        }
        Label section = new Label(text.get("chart.measures"));
        section.getStyleClass().add("section");
        VBox pick = new VBox(6, section, measures);
        VBox.setVgrow(measures, Priority.ALWAYS);
        Label legend = new Label(text.get("results.trend.legend"));
        legend.setId("chart-trend-legend");
        legend.getStyleClass().add("muted");
        legend.setWrapText(true);
        legend.visibleProperty().bind(model.seriesRangeProperty().isNotNull());
        legend.managedProperty().bind(legend.visibleProperty());
        VBox chartBox = new VBox(2, trend, legend);
        VBox.setVgrow(trend, Priority.ALWAYS);
        HBox top = new HBox(10, pick, chartBox);
        HBox.setHgrow(chartBox, Priority.ALWAYS);

        TableView<ObservationRow> table = new TableView<>(model.observations());
        table.setId("chart-observations");
        table.setPlaceholder(new Label(text.get("chart.noObservations")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("chart-column-date", text.get("chart.column.date"), ObservationRow::when, 140));
        table.getColumns().add(column("chart-column-measure", text.get("chart.column.measure"),
                ObservationRow::measureName, 220));
        TableColumn<ObservationRow, String> value = column("chart-column-value", text.get("chart.column.value"),
                ObservationRow::valueWithUnit, 120);
        value.getStyleClass().add("numeric");
        table.getColumns().add(value);
        table.getColumns().add(flagColumn(text));
        table.getColumns().add(column("chart-column-range", text.get("results.column.range"), ObservationRow::range,
                180));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                model.selectedMeasureProperty().set(row.measure());
            }
        });

        root = new SplitPane(top, table);
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.5);
        root.setPadding(new Insets(8));
    }

    Node root() {
        return root;
    }

    private static TableColumn<ObservationRow, String> flagColumn(UiText text) {
        TableColumn<ObservationRow, String> flag = column("chart-column-flag", text.get("results.column.flag"),
                ObservationRow::flagText, 70);
        flag.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String symbol, boolean empty) {
                super.updateItem(symbol, empty);
                getStyleClass().removeAll(FLAG_CLASSES);
                ObservationRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null || row.flag().isEmpty()) {
                    setText(null);
                    setAccessibleText(null);
                    return;
                }
                setText(symbol);
                setAccessibleText(row.flagName());
                getStyleClass().add(ResultText.styleClass(row.flag().get()));
            }
        });
        flag.getStyleClass().add("result-flag");
        return flag;
    }

    private static <R> TableColumn<R, String> column(String id, String title, Function<R, String> value,
                                                     double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        return c;
    }

    /**
     * The trend of the selected measure: its values in the site's unit, the patient's reference range as a dashed
     * low and high line across the points' dates, and each abnormal point drawn with the flag's style class and a
     * tooltip that says the value and the flag in words. No animation.
     */
    static LineChart<Number, Number> trendChart(ChartViewModel model, UiText text) {
        ResultText results = new ResultText(text);
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setAutoRanging(true);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number day) {
                return LocalDate.ofEpochDay((long) Math.floor(day.doubleValue()))
                        .format(DateTimeFormatter.ofPattern("yyyy-MM"));
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        y.labelProperty().bind(model.seriesUnitProperty());
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("chart-trend");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        x.setAnimated(false);
        y.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.titleProperty().bind(model.selectedMeasureProperty().map(model::measureName).orElse(""));
        XYChart.Series<Number, Number> values = new XYChart.Series<>();
        XYChart.Series<Number, Number> low = new XYChart.Series<>();
        XYChart.Series<Number, Number> high = new XYChart.Series<>();
        low.setName(text.get("results.trend.low"));
        high.setName(text.get("results.trend.high"));
        chart.getData().add(values);
        Runnable refill = () -> {
            Measure measure = model.selectedMeasureProperty().get();
            String unit = model.seriesUnitProperty().get();
            List<XYChart.Data<Number, Number>> points = new ArrayList<>();
            List<Runnable> marks = new ArrayList<>();
            for (SeriesPoint p : model.series()) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(model.epochDay(p.at()), p.value());
                StackPane symbol = new StackPane();
                String flagName = p.flag().map(results::name).orElse("");
                // added after the series are in place: a chart resets its symbols' style classes when its series change
                marks.add(() -> {
                    symbol.getStyleClass().add("result-point");
                    p.flag().filter(ResultFlag::abnormal).ifPresent(f -> symbol.getStyleClass().addAll(
                            "result-abnormal", ResultText.styleClass(f)));
                });
                String label = text.get("results.point", model.dateText(p.at()),
                        results.number(measure, model.unitsProperty().get().unit(measure), p.value()), unit,
                        flagName);
                symbol.setAccessibleText(label);
                Tooltip.install(symbol, new Tooltip(label));
                d.setNode(symbol);
                points.add(d);
            }
            values.getData().setAll(points);
            ReferenceRange range = model.seriesRangeProperty().get();
            chart.getData().retainAll(List.of(values));
            if (range != null && points.size() > 0) {
                double first = points.getFirst().getXValue().doubleValue();
                double last = points.getLast().getXValue().doubleValue();
                if (last == first) {
                    first -= 1;
                    last += 1;
                }
                if (range.low().isPresent()) {
                    low.getData().setAll(limit(first, range.low().getAsDouble()), limit(last, range.low().getAsDouble()));
                    chart.getData().add(low);
                }
                if (range.high().isPresent()) {
                    high.getData().setAll(limit(first, range.high().getAsDouble()),
                            limit(last, range.high().getAsDouble()));
                    chart.getData().add(high);
                }
            }
            markLimits(low, high);
            marks.forEach(Runnable::run);
        };
        model.series().addListener((ListChangeListener<SeriesPoint>) c -> refill.run());
        refill.run();
        chart.setMinHeight(220);
        chart.setPadding(new Insets(4, 24, 4, 4)); // room for the last date label at the right edge
        return chart;
    }

    private static XYChart.Data<Number, Number> limit(double day, double value) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(day, value);
        Region none = new Region();
        none.setVisible(false);
        d.setNode(none);
        return d;
    }

    /** The limit lines carry their own style class whatever series index the chart gave them. */
    private static void markLimits(XYChart.Series<Number, Number> low, XYChart.Series<Number, Number> high) {
        for (XYChart.Series<Number, Number> s : List.of(low, high)) {
            if (s.getNode() != null && !s.getNode().getStyleClass().contains("result-limit")) {
                s.getNode().getStyleClass().add("result-limit");
            }
        }
    }
}
