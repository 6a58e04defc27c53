package org.outpost.ui.chart;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.outpost.ui.chart.monitoring.MonitoringView;
import org.outpost.ui.chart.monitoring.MonitoringViewModel;
import org.outpost.ui.chart.order.OrderView;
import org.outpost.ui.chart.problems.ProblemListView;
import org.outpost.ui.chart.problems.ProblemListViewModel;
import org.outpost.ui.chart.order.OrderViewModel;
import org.outpost.ui.chart.record.RecordObservationsView;
import org.outpost.ui.chart.record.RecordObservationsViewModel;
import org.outpost.ui.chart.medreview.MedicationReviewView;
import org.outpost.ui.chart.medreview.MedicationReviewViewModel;
import org.outpost.ui.chart.risk.RiskPanelView;
import org.outpost.ui.chart.risk.RiskPanelViewModel;
import org.outpost.ui.chart.sharing.SentSummaryViewModel;
import org.outpost.ui.chart.sharing.SharingConsentView;
import org.outpost.ui.chart.sharing.SharingConsentViewModel;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * A patient's chart: a header that keeps name, age, sex, MRN, allergies and the consent to sharing in sight, and
 * tabs for the
 * summary, vitals and labs (table and trend), medications, genotypes, encounters and risk scores. The recording form
 * opens over the chart (Ctrl+R) and closes with Esc.
 * <p>
 * A tab's content is built when the tab is first selected, and the recording form when it first opens: only what is
 * on screen is styled and laid out when a chart opens (issue 17). The view models behind the tabs follow the chart
 * from the start, as the header shows some of what they read.
 */
public final class ChartView {
    private final ChartViewModel model;
    private final RecordObservationsViewModel recordModel;
    private final StackPane root = new StackPane();
    private final StackPane recordLayer = new StackPane();
    private final UiText text;
    private RecordObservationsView recordView;
    private final TabPane tabs = new TabPane();
    /** The header's column of who the patient is: name, details, allergies, (sharing), problems. */
    private final VBox who;
    private OrderView orderView;

    public ChartView(ChartViewModel model, RecordObservationsViewModel recordModel, UiText text, Runnable onEdit) {
        this(model, recordModel, null, text, onEdit);
    }

    /**
     * A chart with a "Risk" tab showing {@code riskModel}, which follows the chart this view shows.
     *
     * @param riskModel the risk panel, or null for a chart without one
     */
    public ChartView(ChartViewModel model, RecordObservationsViewModel recordModel, RiskPanelViewModel riskModel,
                     UiText text, Runnable onEdit) {
        this.model = model;
        this.recordModel = recordModel;
        this.text = text;

        Label name = new Label();
        name.setId("chart-name");
        name.getStyleClass().add("patient-name");
        name.textProperty().bind(model.nameProperty());
        Label details = new Label();
        details.setId("chart-details");
        details.getStyleClass().add("patient-details");
        details.textProperty().bind(model.detailsProperty());
        Label allergies = new Label();
        allergies.setId("chart-allergies");
        allergies.textProperty().bind(model.allergiesProperty());
        allergies.getStyleClass().add("allergies");
        allergies.setWrapText(true); // a long list wraps rather than pushing the actions off the header
        model.hasAllergiesProperty().addListener((o, a, has) -> allergies.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("present"), has));
        model.allergiesRecordedProperty().addListener((o, a, recorded) -> allergies.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("unrecorded"), !recorded));
        Button record = Labels.button("chart-record", text.get("chart.record"), this::openRecord);
        Button edit = Labels.button("chart-edit", text.get("chart.edit"), onEdit);
        // a long allergy list wraps or is cut in its banner; the actions keep their words
        record.setMinWidth(Region.USE_PREF_SIZE);
        edit.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label problem = new Label();
        problem.setId("chart-error");
        problem.getStyleClass().add("error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.errorProperty());
        problem.visibleProperty().bind(model.errorProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        who = new VBox(2, name, details, allergies, problem);
        HBox header = new HBox(12, who, spacer, edit, record);
        header.setAlignment(Pos.TOP_LEFT);
        header.getStyleClass().add("chart-header");

        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, selected) -> build(selected));
        tabs.getTabs().addAll(
                tab("chart-tab-summary", text.get("chart.tab.summary"), () -> summary(model, text)),
                tab("chart-tab-observations", text.get("chart.tab.observations"), () -> observations(model, text)),
                tab("chart-tab-medications", text.get("chart.tab.medications"),
                        () -> table("chart-medications", model.medications(), text, "chart.column.medication",
                                "chart.column.dose", "chart.column.started")),
                tab("chart-tab-genotypes", text.get("chart.tab.genotypes"),
                        () -> table("chart-genotypes", model.genotypes(), text, "chart.column.gene",
                                "chart.column.diplotype", "chart.column.reported")),
                tab("chart-tab-encounters", text.get("chart.tab.encounters"),
                        () -> table("chart-encounters", model.encounters(), text, "chart.column.type",
                                "chart.column.reason", "chart.column.date")));
        if (riskModel != null) {
            tabs.getTabs().add(tab("chart-tab-risk", text.get("chart.tab.risk"),
                    () -> new RiskPanelView(riskModel, text).root()));
            riskModel.follow(model.chartProperty());
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        build(tabs.getSelectionModel().getSelectedItem());

        BorderPane page = new BorderPane(tabs);
        page.setTop(header);
        BorderPane.setMargin(header, new Insets(0, 0, 10, 0));
        page.setPadding(new Insets(14));

        recordLayer.getStyleClass().add("scrim");
        recordLayer.setVisible(false);
        page.disableProperty().bind(recordLayer.visibleProperty());

        root.getChildren().addAll(page, recordLayer);
        root.setId("chart-view");
    }

    /**
     * Adds the consent to sharing to the header, under the allergies: what leaves this machine for the patient,
     * and (for users who may edit the record) the editor to give, refuse or withdraw it.
     */
    public void addSharing(SharingConsentViewModel sharingModel, UiText text) {
        addSharing(sharingModel, null, text);
    }

    /**
     * As {@link #addSharing(SharingConsentViewModel, UiText)}, with "What was sent" beside the consent: the last
     * de-identified bundle the server confirmed for the patient, and when.
     *
     * @param sentModel what was sent, or null for none
     */
    public void addSharing(SharingConsentViewModel sharingModel, SentSummaryViewModel sentModel, UiText text) {
        who.getChildren().add(3, new SharingConsentView(sharingModel, sentModel, text).root());
        sharingModel.follow(model.chartProperty());
    }

    /**
     * Adds the "Problems" tab (problem list and smoking history) after the summary, and the active problems to the
     * header under the allergies.
     */
    public void addProblems(ProblemListViewModel problemsModel, UiText text) {
        Label line = new Label();
        line.setId("chart-problems");
        line.getStyleClass().add("problems-line");
        line.setWrapText(true);
        line.textProperty().bind(problemsModel.headerLineProperty());
        who.getChildren().add(3, line);
        tabs.getTabs().add(1, tab("chart-tab-problems", text.get("chart.tab.problems"),
                () -> new ProblemListView(problemsModel, text).root()));
        problemsModel.follow(model.chartProperty());
    }

    /**
     * Adds the "Monitoring" tab after vitals and labs: home and wearable readings against the patient's own baseline,
     * and the flags on them.
     */
    public void addMonitoring(MonitoringViewModel monitoringModel, UiText text, java.time.ZoneId zone) {
        addMonitoring(monitoringModel, java.util.Optional.empty(), text, zone);
    }

    /**
     * Adds the "Monitoring" tab after the results, with the "Import readings…" row when {@code importModel} is given
     * (users who may record readings); an import reloads the tab.
     */
    public void addMonitoring(MonitoringViewModel monitoringModel,
                              java.util.Optional<org.outpost.ui.chart.monitoring.MonitoringImportViewModel> importModel,
                              UiText text, java.time.ZoneId zone) {
        importModel.ifPresent(i -> i.setOnImported(monitoringModel::refresh));
        Supplier<java.util.Optional<javafx.scene.Node>> importRow = () -> importModel.map(i ->
                new org.outpost.ui.chart.monitoring.MonitoringImportPane(i,
                        () -> java.util.Optional.ofNullable(model.chartProperty().get()).map(c -> c.patient().id()),
                        text).root());
        int afterResults = tabs.getTabs().indexOf(tabs.getTabs().stream()
                .filter(t -> "chart-tab-observations".equals(t.getId())).findFirst().orElseThrow()) + 1;
        Tab monitoring = tab("chart-tab-monitoring", text.get("chart.tab.monitoring"),
                () -> new MonitoringView(monitoringModel, text, zone, importRow.get()).root());
        tabs.getTabs().add(afterResults, monitoring);
        monitoringModel.shownProperty().bind(monitoring.selectedProperty()); // readings load when it is looked at
        monitoringModel.follow(model.chartProperty());
    }

    /** Shows the monitoring tab, if there is one. */
    public void showMonitoring() {
        tabs.getTabs().stream().filter(t -> "chart-tab-monitoring".equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /**
     * Adds the "Order" tab: a new medication order checked against this chart. Only for users who may
     * prescribe.
     */
    public void addOrderTab(OrderViewModel orderModel, UiText text) {
        int afterResults = tabs.getTabs().indexOf(tabs.getTabs().stream()
                .filter(t -> "chart-tab-observations".equals(t.getId())).findFirst().orElseThrow()) + 1;
        tabs.getTabs().add(afterResults, tab("chart-tab-order", text.get("chart.tab.order"), () -> {
            orderView = new OrderView(orderModel, text);
            return orderView.root();
        }));
    }

    /**
     * Adds the "Dosing & PGx" tab: the dosing and pharmacogenomic models on this chart, with their inputs,
     * explanations and what-if, as the Risk tab shows the risk models.
     */
    public void addDosingTab(RiskPanelViewModel dosingModel, UiText text) {
        tabs.getTabs().add(tab("chart-tab-dosing", text.get("chart.tab.dosing"),
                () -> new RiskPanelView(dosingModel, text).root()));
        dosingModel.follow(model.chartProperty());
    }

    /**
     * Adds the "Medication review" tab: the active medicines checked today against genotype, kidney function,
     * dose limits, duplicates and interactions, reviewed again whenever the chart reloads.
     */
    public void addMedicationReviewTab(MedicationReviewViewModel reviewModel, UiText text) {
        tabs.getTabs().add(tab("chart-tab-medreview", text.get("chart.tab.medreview"),
                () -> new MedicationReviewView(reviewModel, text).root()));
        reviewModel.follow(model.chartProperty());
    }

    /** Shows the order tab with the caret in the drug field, if there is an order tab. */
    public void showOrder() {
        tabs.getTabs().stream().filter(t -> "chart-tab-order".equals(t.getId())).findFirst().ifPresent(t -> {
            tabs.getSelectionModel().select(t);
            orderView.focus();
        });
    }

    /** Opens the recording form over the chart (built the first time). */
    public void openRecord() {
        if (recordView == null) {
            recordView = new RecordObservationsView(recordModel, text, this::closeRecord);
            recordLayer.getChildren().add(recordView.root());
            recordView.root().visibleProperty().bind(recordLayer.visibleProperty());
            recordLayer.setVisible(true);
            recordLayer.applyCss(); // skinned now, so its first field can take the focus at once
        }
        recordLayer.setVisible(true);
        recordView.focus();
    }

    /** Closes the recording form; what was typed stays until saved or cleared. */
    public void closeRecord() {
        recordLayer.setVisible(false);
        tabs.requestFocus();
    }

    public boolean isRecording() {
        return recordLayer.isVisible();
    }

    /** Shows the vitals and labs tab. */
    public void showObservations() {
        tabs.getTabs().stream().filter(t -> "chart-tab-observations".equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** Shows the problems tab, if there is one. */
    public void showProblems() {
        tabs.getTabs().stream().filter(t -> "chart-tab-problems".equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public Parent root() {
        return root;
    }

    public void focus() {
        if (isRecording()) {
            recordView.focus();
        } else {
            tabs.requestFocus();
        }
    }

    public RecordObservationsViewModel recordModel() {
        return recordModel;
    }

    public ChartViewModel model() {
        return model;
    }

    /** The key under which a tab keeps the builder of its content until it is first selected. */
    private static final Object CONTENT = new Object();

    /** A tab whose content is built by {@code content} when the tab is first selected. */
    private static Tab tab(String id, String title, Supplier<javafx.scene.Node> content) {
        Tab t = new Tab(title);
        t.setId(id);
        t.getProperties().put(CONTENT, content);
        return t;
    }

    /** Builds the content of {@code tab} if it has not been built yet. */
    private static void build(Tab tab) {
        if (tab != null && tab.getProperties().remove(CONTENT) instanceof Supplier<?> content) {
            tab.setContent((javafx.scene.Node) content.get());
        }
    }

    private static javafx.scene.Node summary(ChartViewModel model, UiText text) {
        TableView<SummaryRow> latest = summaryTable("chart-latest", model.latest(), text, "chart.column.measure",
                "chart.column.value", "chart.column.date");
        TableView<SummaryRow> meds = summaryTable("chart-summary-medications", model.medications(), text,
                "chart.column.medication", "chart.column.dose", "chart.column.started");
        TableView<SummaryRow> genes = summaryTable("chart-summary-genotypes", model.genotypes(), text,
                "chart.column.gene", "chart.column.diplotype", "chart.column.reported");
        VBox left = new VBox(6, section(text.get("chart.summary.latest")), latest);
        VBox right = new VBox(6, section(text.get("chart.summary.medications")), meds,
                section(text.get("chart.summary.genotypes")), genes);
        VBox.setVgrow(latest, Priority.ALWAYS);
        VBox.setVgrow(meds, Priority.ALWAYS);
        VBox.setVgrow(genes, Priority.ALWAYS);
        HBox box = new HBox(14, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    private static javafx.scene.Node observations(ChartViewModel model, UiText text) {
        return new ResultsView(model, ResultsView.trendChart(model, text), text).root();
    }

    private static TableView<SummaryRow> table(String id, javafx.collections.ObservableList<SummaryRow> rows,
                                               UiText text, String first, String second, String third) {
        TableView<SummaryRow> t = summaryTable(id, rows, text, first, second, third);
        BorderPane.setMargin(t, new Insets(10));
        return t;
    }

    private static TableView<SummaryRow> summaryTable(String id, javafx.collections.ObservableList<SummaryRow> rows,
                                                      UiText text, String first, String second, String third) {
        TableView<SummaryRow> t = new TableView<>(rows);
        t.setId(id);
        t.setPlaceholder(new Label(text.get("chart.none")));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(column(text.get(first), SummaryRow::label, 180));
        t.getColumns().add(column(text.get(second), SummaryRow::value, 160));
        t.getColumns().add(column(text.get(third), SummaryRow::when, 130));
        return t;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section");
        return l;
    }
}
