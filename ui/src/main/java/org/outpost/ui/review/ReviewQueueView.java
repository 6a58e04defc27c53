package org.outpost.ui.review;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.outpost.app.model.Severity;
import org.outpost.app.prescribing.AlertResponse;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.app.prescribing.OrderDraft;
import org.outpost.app.prescribing.ReviewItem;
import org.outpost.ui.chart.order.AlertItem;
import org.outpost.ui.controls.AlertCard;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The pharmacist's screen: the queue on the left (oldest first, most severe alert shown), the selected order
 * on the right with every alert, the prescriber's reasons, and the three actions.
 */
public final class ReviewQueueView {
    private final ReviewQueueViewModel model;
    private final UiText text;
    private final SplitPane root;
    private final TableView<ReviewItem> table = new TableView<>();
    private final VBox alerts = new VBox(8);
    /** The check of a new dose: its alerts, each with a reason field where it needs one. */
    private final VBox recheck = new VBox(6);

    public ReviewQueueView(ReviewQueueViewModel model, UiText text) {
        this.model = model;
        this.text = text;
        table.setId("review-queue");
        table.setItems(model.items());
        table.getColumns().add(column(text.get("review.column.ordered"),
                model::orderedAt, 130));
        table.getColumns().add(column(text.get("review.column.patient"),
                i -> i.patient().familyName() + ", " + i.patient().givenName(), 170));
        table.getColumns().add(column(text.get("review.column.order"),
                i -> i.order().draft().drug() + " " + i.order().draft().dose(), 220));
        table.getColumns().add(column(text.get("review.column.severity"), this::highest, 90));
        table.getColumns().add(column(text.get("review.column.prescriber"), i -> i.order().orderedBy(), 100));
        table.setPlaceholder(new Label(text.get("review.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
            rebuild();
        });

        Label versions = new Label(text.get("review.versions", String.join(" \u00b7 ", model.versions())));
        versions.setId("review-versions");
        versions.setWrapText(true);
        versions.getStyleClass().add("alert-source");
        Label notices = new Label(String.join("\n", model.notices()));
        notices.setId("review-notices");
        notices.setWrapText(true);
        notices.getStyleClass().add("risk-stale");
        notices.setVisible(!model.notices().isEmpty());
        notices.setManaged(notices.isVisible());
        Button refresh = Labels.button("review-refresh", text.get("review.refresh"), model::refresh);
        VBox left = new VBox(8, Labels.heading(text.get("review.title")), table, new HBox(8, refresh), versions, notices);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(12));

        Label details = new Label();
        details.setId("review-details");
        details.setWrapText(true);
        details.textProperty().bind(model.detailsProperty());
        alerts.setId("review-alerts");
        ScrollPane alertScroll = new ScrollPane(alerts);
        alertScroll.setFitToWidth(true);
        VBox.setVgrow(alertScroll, Priority.ALWAYS);

        TextField reason = new TextField();
        reason.setId("review-reason");
        reason.setPromptText(text.get("review.reason.prompt"));
        reason.textProperty().bindBidirectional(model.reasonProperty());
        TextField amount = new TextField();
        amount.setId("review-amount");
        amount.setPrefColumnCount(6);
        amount.textProperty().bindBidirectional(model.amountProperty());
        ComboBox<String> unit = new ComboBox<>();
        unit.setId("review-unit");
        unit.getItems().setAll(OrderDraft.UNITS.stream().sorted().toList());
        unit.valueProperty().bindBidirectional(model.unitProperty());
        ComboBox<String> frequency = new ComboBox<>();
        frequency.setId("review-frequency");
        frequency.getItems().setAll(OrderDraft.FREQUENCIES);
        frequency.valueProperty().bindBidirectional(model.frequencyProperty());

        Button accept = Labels.button("review-accept", text.get("review.accept"), model::accept);
        accept.textProperty().bind(model.acceptLabelProperty());
        accept.disableProperty().bind(model.canAcceptProperty().not().or(model.busyProperty())
                .or(model.selectedProperty().isNull()));
        Button change = Labels.button("review-change", text.get("review.change"), model::changeDose);
        change.disableProperty().bind(model.busyProperty().or(model.selectedProperty().isNull())
                .or(model.canChangeDoseProperty().not()));
        Button override = Labels.button("review-override", text.get("review.override"), model::override);
        override.disableProperty().bind(model.busyProperty().or(model.selectedProperty().isNull())
                .or(model.reasonProperty().isEmpty()));
        Label newDose = new Label(text.get("review.newDose"));
        newDose.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        change.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        override.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox doseRow = new HBox(6, newDose, amount, unit, frequency, change);
        doseRow.setAlignment(Pos.CENTER_LEFT);
        HBox reasonRow = new HBox(6, reason, override);
        HBox.setHgrow(reason, Priority.ALWAYS);
        Label status = new Label();
        status.setId("review-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        recheck.setId("review-recheck");
        model.recheck().addListener((javafx.collections.ListChangeListener<AlertItem>) c -> rebuildRecheck());
        // what the pharmacist needs about the patient, without leaving the queue
        GridPane patient = new GridPane(10, 4);
        patient.setId("review-patient");
        model.patientLines().addListener((javafx.collections.ListChangeListener<ReviewQueueViewModel.PatientLine>) c -> {
            patient.getChildren().clear();
            int row = 0;
            for (ReviewQueueViewModel.PatientLine line : model.patientLines()) {
                Label label = new Label(line.label());
                label.getStyleClass().add("alert-source");
                label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label value = new Label(line.value());
                value.setId("review-patient-" + row);
                value.setWrapText(true);
                patient.addRow(row++, label, value);
            }
        });
        Button openChart = Labels.button("review-open-chart", text.get("review.patient.openChart"), model::openChart);
        openChart.disableProperty().bind(model.selectedProperty().isNull());
        HBox patientTitle = new HBox(10, Labels.heading(text.get("review.patient.title")), openChart);
        patientTitle.setAlignment(Pos.CENTER_LEFT);
        VBox alertsAndPatient = new VBox(10, alerts, patientTitle, patient);
        alertScroll.setContent(alertsAndPatient);
        VBox right = new VBox(10, details, alertScroll, accept, doseRow, recheck, reasonRow, status);
        right.setPadding(new Insets(12));

        root = new SplitPane(left, right);
        root.setDividerPositions(0.5);
        root.setId("review-view");
    }

    public Parent root() {
        return root;
    }

    public void focus() {
        table.requestFocus();
    }

    private void rebuild() {
        alerts.getChildren().clear();
        int i = 0;
        for (OrderAlert a : model.alerts()) {
            alerts.getChildren().add(card(a, i++));
        }
    }

    private void rebuildRecheck() {
        recheck.getChildren().clear();
        if (model.recheck().isEmpty()) {
            return;
        }
        recheck.getChildren().add(Labels.heading(text.get("review.recheckTitle")));
        int i = 0;
        for (AlertItem item : model.recheck()) {
            VBox card = AlertCard.of(item.alert(), text, "review-recheck", i);
            if (item.alert().needsAnswer()) {
                TextField why = new TextField();
                why.setId("review-recheck-reason-" + i);
                why.setPromptText(text.get("order.reason.prompt"));
                why.textProperty().bindBidirectional(item.reasonProperty());
                card.getChildren().add(why);
            }
            recheck.getChildren().add(card);
            i++;
        }
    }

    private Node card(OrderAlert a, int index) {
        VBox card = AlertCard.of(a, text, "review", index);
        if (a.response() == AlertResponse.OVERRIDDEN || a.response() == AlertResponse.ANSWERED_BEFORE) {
            Label why = new Label(text.get("review.prescriberReason", a.reason()));
            why.setId("review-alert-reason-" + index);
            why.setWrapText(true);
            card.getChildren().add(why);
        }
        return card;
    }

    private String highest(ReviewItem i) {
        return text.severity(i.order().alerts().stream().map(OrderAlert::severity).max(Enum::compareTo)
                .orElse(Severity.LOW));
    }

    private static TableColumn<ReviewItem, String> column(String title, Function<ReviewItem, String> value, double width) {
        TableColumn<ReviewItem, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
