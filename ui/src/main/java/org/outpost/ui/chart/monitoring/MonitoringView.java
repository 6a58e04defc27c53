package org.outpost.ui.chart.monitoring;

import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.outpost.app.monitoring.MonitoringFlag;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The monitoring tab: the measure chooser and the window's controls (span, earlier, later, latest, zoom), the chart
 * ({@link SeriesCanvas}: series, baseline band, flags), what the window says (baseline, CGM summary), and the flags
 * with confirm and dismiss for users who may decide. The chart takes the keyboard too: arrows step, + and − zoom,
 * Home goes to the latest readings. Thin: everything it shows comes from {@link MonitoringViewModel}.
 */
public final class MonitoringView {
    private final ScrollPane root;
    private final SeriesCanvas chart;
    private final TableView<FlagRow> table;

    public MonitoringView(MonitoringViewModel model, UiText text, ZoneId zone) {
        this(model, text, zone, java.util.Optional.empty());
    }

    /** @param importRow the "Import readings…" row, for users who may record readings */
    public MonitoringView(MonitoringViewModel model, UiText text, ZoneId zone,
                         java.util.Optional<javafx.scene.Node> importRow) {
        ComboBox<SeriesRow> measure = new ComboBox<>(model.series());
        measure.setId("monitoring-measure");
        measure.valueProperty().addListener((o, a, s) -> {
            if (s != null && s.measure() != model.measureProperty().get()) {
                model.select(s.measure());
            }
        });
        model.measureProperty().addListener((o, a, m) -> measure.setValue(
                model.series().stream().filter(s -> s.measure() == m).findFirst().orElse(null)));
        model.series().addListener((javafx.collections.ListChangeListener<SeriesRow>) c -> measure.setValue(
                model.series().stream().filter(s -> s.measure() == model.measureProperty().get()).findFirst()
                        .orElse(null)));
        // the tab may be built after its readings loaded
        model.series().stream().filter(s -> s.measure() == model.measureProperty().get()).findFirst()
                .ifPresent(measure::setValue);
        Label measureLabel = Labels.forControl(text.get("chart.monitoring.measureLabel"), measure);

        ToggleGroup spans = new ToggleGroup();
        HBox spanButtons = new HBox(2);
        for (MonitoringViewModel.Span s : MonitoringViewModel.Span.values()) {
            ToggleButton b = new ToggleButton(model.spanLabel(s));
            b.setMnemonicParsing(true);
            b.setId("monitoring-span-" + s.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(spans);
            b.setUserData(s);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> {
                model.show(s);
                b.setSelected(true);
            });
            spanButtons.getChildren().add(b);
        }
        Runnable markSpan = () -> spans.getToggles().forEach(t -> t.setSelected(t.getUserData() == model.spanProperty().get()));
        model.spanProperty().addListener((o, a, b) -> markSpan.run());
        markSpan.run();
        Button back = Labels.button("monitoring-back", text.get("chart.monitoring.back"), model::back);
        Button forward = Labels.button("monitoring-forward", text.get("chart.monitoring.forward"), model::forward);
        Button latest = Labels.button("monitoring-latest", text.get("chart.monitoring.latest"), model::latest);
        Button zoomIn = Labels.button("monitoring-zoom-in", text.get("chart.monitoring.zoomIn"), model::zoomIn);
        Button zoomOut = Labels.button("monitoring-zoom-out", text.get("chart.monitoring.zoomOut"), model::zoomOut);
        for (Button b : new Button[] {back, forward, latest, zoomIn, zoomOut}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.disableProperty().bind(model.measureProperty().isNull());
        }
        Label loading = new Label(text.get("chart.monitoring.loading"));
        loading.setId("monitoring-loading");
        loading.visibleProperty().bind(model.loadingProperty());
        HBox chooser = new HBox(6, measureLabel, measure);
        chooser.setAlignment(Pos.CENTER_LEFT);
        FlowPane toolbar = new FlowPane(10, 6, chooser, spanButtons, new HBox(4, back, forward, latest),
                new HBox(4, zoomIn, zoomOut), loading);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        Label seriesLine = wrapping("monitoring-series-line", model.seriesLineProperty());
        Label windowLine = wrapping("monitoring-window-line", model.windowLineProperty());
        Label baseline = wrapping("monitoring-baseline", model.baselineLineProperty());
        Label cgm = wrapping("monitoring-cgm", model.cgmLineProperty());
        cgm.getStyleClass().add("monitoring-cgm");
        cgm.visibleProperty().bind(model.cgmLineProperty().isNotEmpty());
        cgm.managedProperty().bind(cgm.visibleProperty());

        chart = new SeriesCanvas(zone, model::selectFlag);
        chart.setId("monitoring-chart");
        chart.setFocusTraversable(true);
        chart.setAccessibleText(text.get("chart.monitoring.chart"));
        chart.widthProperty().addListener((o, a, w) -> model.columnsProperty().set(SeriesCanvas.plotWidth(w.doubleValue())));
        model.plotProperty().addListener((o, a, p) -> chart.show(p));
        chart.show(model.plotProperty().get());
        chart.setOnMouseClicked(e -> chart.requestFocus());
        chart.setOnScroll(e -> {
            Plot p = model.plotProperty().get();
            if (p != null && e.getDeltaY() != 0) {
                double w = chart.getWidth() - SeriesCanvas.LEFT - SeriesCanvas.RIGHT;
                model.zoom(e.getDeltaY() > 0, p.time(Math.max(0, e.getX() - SeriesCanvas.LEFT), w));
                e.consume();
            }
        });
        chart.setOnKeyPressed(e -> {
            KeyCode k = e.getCode();
            switch (k) {
                case LEFT -> model.back();
                case RIGHT -> model.forward();
                case PLUS, ADD, EQUALS -> model.zoomIn();
                case MINUS, SUBTRACT -> model.zoomOut();
                case HOME -> model.latest();
                default -> {
                    return;
                }
            }
            e.consume();
        });

        table = new TableView<>(model.flags());
        table.setId("monitoring-flags");
        table.setPlaceholder(new Label(text.get("chart.monitoring.noFlags")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(text.get("chart.monitoring.column.measure"), FlagRow::measureLabel, 100));
        table.getColumns().add(column(text.get("chart.monitoring.column.period"), FlagRow::period, 215));
        table.getColumns().add(column(text.get("chart.monitoring.column.direction"), FlagRow::direction, 130));
        table.getColumns().add(column(text.get("chart.monitoring.column.change"), FlagRow::change, 125));
        table.getColumns().add(column(text.get("chart.monitoring.column.status"), FlagRow::status, 280));
        table.setRowFactory(t -> {
            TableRow<FlagRow> row = new TableRow<>();
            row.itemProperty().addListener((o, a, item) -> row.pseudoClassStateChanged(
                    javafx.css.PseudoClass.getPseudoClass("open-flag"), item != null && item.open()));
            return row;
        });
        table.setPrefHeight(170);
        table.setMinHeight(120);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && row != model.selectedFlagProperty().get()) {
                model.showFlag(row.id());
            }
        });
        model.selectedFlagProperty().addListener((o, a, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        });

        Label selected = wrapping("monitoring-selected", model.selectedLineProperty());
        TextArea note = new TextArea();
        note.setId("monitoring-note");
        note.setPrefRowCount(2);
        note.setWrapText(true);
        note.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().length() > MonitoringFlag.Decision.MAX_NOTE + 100 ? null : change));
        note.textProperty().bindBidirectional(model.noteProperty());
        Label noteLabel = Labels.forControl(text.get("chart.monitoring.note"), note);
        Button confirm = Labels.button("monitoring-confirm", text.get("chart.monitoring.confirm"), model::confirm);
        Button dismiss = Labels.button("monitoring-dismiss", text.get("chart.monitoring.dismiss"), model::dismiss);
        for (Button b : new Button[] {confirm, dismiss}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.disableProperty().bind(model.busyProperty().or(model.selectedFlagProperty().isNull())
                    .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> model.selectedFlagProperty().get() != null
                            && !model.selectedFlagProperty().get().open(), model.selectedFlagProperty())));
        }
        HBox buttons = new HBox(8, confirm, dismiss);
        Label message = wrapping("monitoring-message", model.messageProperty());
        message.getStyleClass().add("message");
        Label error = wrapping("monitoring-error", model.errorProperty());
        error.getStyleClass().add("error");
        Label rates = wrapping("monitoring-dismiss-rates", model.dismissRatesProperty());
        VBox decide = new VBox(6, selected, noteLabel, note, buttons);
        for (Node n : new Node[] {noteLabel, note, buttons}) {
            n.setVisible(model.mayDecide());
            n.setManaged(model.mayDecide());
        }
        decide.getChildren().addAll(message, error, rates);
        decide.setPrefWidth(330);
        decide.setMinWidth(260);
        HBox lower = new HBox(12, table, decide);
        HBox.setHgrow(table, Priority.ALWAYS);

        VBox page = new VBox(8, toolbar, seriesLine, windowLine, chart, baseline, cgm,
                Labels.heading(text.get("chart.monitoring.flags")), lower);
        importRow.ifPresent(row -> page.getChildren().add(1, row));
        page.setPadding(new Insets(10));
        VBox.setVgrow(chart, Priority.ALWAYS);
        root = new ScrollPane(page);
        root.setId("monitoring-view");
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    }

    private static Label wrapping(String id, javafx.beans.value.ObservableValue<String> value) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(value);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public Node root() {
        return root;
    }

    /** The chart canvas, for the paint bench and the journey. */
    SeriesCanvas chart() {
        return chart;
    }

    TableView<FlagRow> flagsTable() {
        return table;
    }
}
